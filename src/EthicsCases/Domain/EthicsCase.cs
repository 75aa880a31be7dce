using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EthicsCases.Domain.Workflow;

namespace EthicsCases.Domain;

/// <summary>
/// A concern raised under SOP II-031, from intake to the Board's determination. The workflow state is stored here
/// as a string; <see cref="CaseWorkflow"/> is built around it per operation.
/// </summary>
public sealed class EthicsCase
{
    private EthicsCase()
    {
    }

    private EthicsCase(Guid id, string reference, ConcernCategory category, string summary, string? details,
        Person? reporter, IReadOnlyCollection<Person> subjects, IReadOnlyCollection<Person> generalCounsels, DateTime filedAt)
    {
        Id = id;
        Reference = reference;
        Category = category;
        Summary = summary.Trim();
        Details = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        ReporterId = reporter?.Id;
        Subjects = subjects.Select(s => new CaseSubject(id, s.Id)).ToList();
        var routes = CategoryRouting.RoutedTo(category);
        // SOP recusal: a General Counsel named as subject must not review, so the case bypasses General Counsel review.
        GeneralCounselRecused = routes.Contains(Role.GeneralCounsel)
            && subjects.Any(s => s.Has(Role.GeneralCounsel) || generalCounsels.Any(g => g.Id == s.Id));
        RoutedTo = routes.Where(r => !(GeneralCounselRecused && r == Role.GeneralCounsel)).ToList();
        State = CaseState.Intake;
        FiledAt = filedAt;
        UpdatedAt = filedAt;
    }

    /// <summary>
    /// Files a new case in <see cref="CaseState.Intake"/>, routed by the SOP and recusing its subjects, with its
    /// <c>Filed</c> audit event. <paramref name="reporterLabel"/> names a reporter who is not a directory person
    /// (the anonymous reporter, the Form 4 monitor).
    /// </summary>
    public static EthicsCase File(string reference, DateTime filedAt, ConcernCategory category, string summary, string? details,
        Person? reporter, IReadOnlyCollection<Person> subjects, IReadOnlyCollection<Person> generalCounsels, string? reporterLabel = null)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var ethicsCase = new EthicsCase(Guid.NewGuid(), reference, category, summary, details, reporter, subjects, generalCounsels, filedAt);
        ethicsCase.Record(reporter, "Filed", filedAt, to: nameof(CaseState.Intake), actorLabel: reporterLabel,
            data: JsonSerializer.Serialize(new
            {
                category = category.ToString(),
                routedTo = ethicsCase.RoutedTo.Select(r => r.ToString()),
                generalCounselRecused = ethicsCase.GeneralCounselRecused,
                subjects = subjects.Select(s => s.Email),
            }));
        return ethicsCase;
    }

    /// <summary>A blank case in Intake that is never stored: the workflow diagram is drawn from it.</summary>
    internal static EthicsCase Blank() => new(Guid.Empty, "", ConcernCategory.Fraud, "diagram", null, null, [], [], DateTime.UnixEpoch);

    public Guid Id { get; private set; }

    /// <summary>Human reference such as <c>EC-2026-0001</c>.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>SOP category.</summary>
    public ConcernCategory Category { get; private set; }

    /// <summary>One-line summary.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>The reporter's account.</summary>
    public string? Details { get; private set; }

    /// <summary>The directory person who filed; null for an anonymous report.</summary>
    public Guid? ReporterId { get; private set; }

    /// <summary>The reporter, when loaded.</summary>
    public Person? Reporter { get; private set; }

    /// <summary>People named as subjects.</summary>
    public List<CaseSubject> Subjects { get; private set; } = [];

    /// <summary>Current top-level state.</summary>
    public CaseState State { get; internal set; }

    /// <summary>Outcome once closed.</summary>
    public CaseOutcome? Outcome { get; internal set; }

    /// <summary>Roles the case is routed to after recusal.</summary>
    public List<Role> RoutedTo { get; private set; } = [];

    /// <summary>True when the category goes to the General Counsel but a General Counsel is a subject.</summary>
    public bool GeneralCounselRecused { get; private set; }

    /// <summary>Set once the Audit Committee asks the Board to determine; the Board sees the case from then on.</summary>
    public bool ReferredToBoard { get; internal set; }

    /// <summary>When it was filed.</summary>
    public DateTime FiledAt { get; private set; }

    /// <summary>Last change.</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>When it was last closed.</summary>
    public DateTime? ClosedAt { get; internal set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; private set; }

    /// <summary>Hash of the newest audit event of this case: the head of its chain.</summary>
    public string LastAuditHash { get; private set; } = "";

    /// <summary>The case's audit trail (load explicitly; new events are added here).</summary>
    public List<AuditEvent> History { get; private set; } = [];

    /// <summary>Whether the person is named as a subject (and so recused).</summary>
    public bool Names(Person person) => Subjects.Any(s => s.PersonId == person.Id);

    /// <summary>Whether the person reported it.</summary>
    public bool IsReporter(Person person) => ReporterId == person.Id;

    /// <summary>Whether the case is routed to the General Counsel (after recusal).</summary>
    public bool IsRoutedToGeneralCounsel => RoutedTo.Contains(Role.GeneralCounsel);

    /// <summary>Label of the anonymous reporter in the thread and the audit trail.</summary>
    public const string AnonymousReporter = "anonymous reporter";

    /// <summary>
    /// Writes in the case's thread: a reviewer's private note, a reviewer's message shared with the reporter, or the
    /// reporter's message (always shared). The audit event records who wrote what kind of message and a hash of the
    /// text; the text itself stays in the thread. <paramref name="author"/> is null for the anonymous reporter.
    /// </summary>
    public CaseMessage Post(Person? author, string text, bool sharedWithReporter, bool fromReporter, DateTime at)
    {
        var message = new CaseMessage(Guid.NewGuid(), Id, author, "Anonymous reporter", text, sharedWithReporter, fromReporter, at);
        var action = message.FromReporter ? "ReporterMessage" : message.SharedWithReporter ? "MessageToReporter" : "NoteAdded";
        Record(author, action, at, actorLabel: AnonymousReporter, data: JsonSerializer.Serialize(new
        {
            messageId = message.Id,
            sharedWithReporter = message.SharedWithReporter,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.Text))),
        }));
        return message;
    }

    /// <summary>
    /// Attaches a document that passed the type and size checks; its SHA-256 goes into the case's audit chain so that
    /// a changed file shows.
    /// </summary>
    public EvidenceFile Attach(Person uploader, string fileName, string contentType, byte[] content, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(uploader);
        ArgumentNullException.ThrowIfNull(content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var file = new EvidenceFile(Guid.NewGuid(), Id, fileName, contentType, content, sha, uploader.Id, at);
        Record(uploader, "EvidenceAdded", at, data: JsonSerializer.Serialize(new
        {
            evidenceId = file.Id, fileName, contentType, length = file.Length, sha256 = sha,
        }));
        return file;
    }

    /// <summary>Appends an audit event to this case's chain and marks the case changed.</summary>
    public AuditEvent Record(Person? actor, string action, DateTime at, string? from = null, string? to = null,
        string? reason = null, string? data = null, string? actorLabel = null)
    {
        var evt = new AuditEvent(Id, at, actor?.Id, actor?.Email ?? actorLabel ?? "system", action, from, to, reason, data, LastAuditHash);
        History.Add(evt);
        LastAuditHash = evt.Hash;
        Touch(at);
        return evt;
    }

    internal void Touch(DateTime at)
    {
        UpdatedAt = at;
        Version++;
    }
}
