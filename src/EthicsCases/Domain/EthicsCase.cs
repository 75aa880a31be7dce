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

    /// <summary>Files a new case in <see cref="CaseState.Intake"/>, routed by the SOP and recusing its subjects.</summary>
    public EthicsCase(Guid id, string reference, ConcernCategory category, string summary, string? details,
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

    /// <summary>Stable identifier.</summary>
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

    /// <summary>Optional finer state under <see cref="State"/>.</summary>
    public string? Substate { get; internal set; }

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
