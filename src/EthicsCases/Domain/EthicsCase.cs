using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Workflow;

namespace EthicsCases.Domain;

/// <summary>
/// A concern raised under SOP II-031, from intake to the Board's determination. The workflow state is stored here
/// as a string; <see cref="CaseWorkflow"/> is built around it per operation.
/// </summary>
public sealed class EthicsCase : ISealedContent
{
    /// <summary>The purpose a case summary is sealed for (lists open it from projections).</summary>
    public const string SummaryPurpose = "case.summary";
    private const string DetailsPurpose = "case.details";
    private string? _summary;
    private string? _details;
    private bool _open;
    private string? _sealedSummary;
    private string? _sealedDetails;

    private EthicsCase()
    {
    }

    private EthicsCase(Guid id, string reference, ConcernCategory category, string summary, string? details,
        Person? reporter, IReadOnlyCollection<Person> subjects, IReadOnlyCollection<Person> generalCounsels, DateTime filedAt, DateOnly? incidentDate)
    {
        Id = id;
        Reference = reference;
        Category = category;
        _summary = summary.Trim();
        _details = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        _open = true;
        ReporterId = reporter?.Id;
        Subjects = subjects.Select(s => new CaseSubject(id, s.Id)).ToList();
        var routes = CategoryRouting.RoutedTo(category);
        // SOP recusal: a General Counsel named as subject must not review, so the case bypasses General Counsel review.
        GeneralCounselRecused = routes.Contains(Role.GeneralCounsel)
            && subjects.Any(s => s.Has(Role.GeneralCounsel) || generalCounsels.Any(g => g.Id == s.Id));
        RoutedToGeneralCounsel = routes.Contains(Role.GeneralCounsel) && !GeneralCounselRecused;
        RoutedToAuditCommittee = routes.Contains(Role.AuditCommittee);
        State = CaseState.Intake;
        FiledAt = filedAt;
        UpdatedAt = filedAt;
        IncidentDate = incidentDate;
    }

    /// <summary>
    /// Files a new case in <see cref="CaseState.Intake"/>, routed by the SOP and recusing its subjects, with its
    /// <c>Filed</c> audit event. <paramref name="reporterLabel"/> names a reporter who is not a directory person
    /// (the anonymous reporter, the Form 4 monitor). <paramref name="incidentDate"/> is when the reporter says it
    /// happened, if they said.
    /// </summary>
    public static EthicsCase File(string reference, DateTime filedAt, ConcernCategory category, string summary, string? details,
        Person? reporter, IReadOnlyCollection<Person> subjects, IReadOnlyCollection<Person> generalCounsels, string? reporterLabel = null,
        DateOnly? incidentDate = null)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (incidentDate is { } happened && (happened > DateOnly.FromDateTime(filedAt) || happened.Year < 1900))
        {
            throw ValidationFailedException.For("incidentDate", "When it happened must be a date from 1900 up to the day of filing.");
        }

        var ethicsCase = new EthicsCase(Guid.NewGuid(), reference, category, summary, details, reporter, subjects, generalCounsels, filedAt, incidentDate);
        ethicsCase.Record(reporter, "Filed", filedAt, to: nameof(CaseState.Intake), actorLabel: reporterLabel,
            data: JsonSerializer.Serialize(new
            {
                category = category.ToString(),
                routedTo = ethicsCase.RoutedTo.Select(r => r.ToString()),
                generalCounselRecused = ethicsCase.GeneralCounselRecused,
                subjects = subjects.Select(s => s.Email),
                subjectIds = subjects.Select(s => s.Id),
                reporterId = reporter?.Id,
                summarySha256 = ContentHash.Of(ethicsCase._summary!),
                detailsSha256 = ethicsCase._details is null ? null : ContentHash.Of(ethicsCase._details),
                incidentDate = incidentDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }));
        return ethicsCase;
    }

    /// <summary>A blank case in Intake that is never stored: the workflow diagram is drawn from it.</summary>
    internal static EthicsCase Blank() => new(Guid.Empty, "", ConcernCategory.Fraud, "diagram", null, null, [], [], DateTime.UnixEpoch, null);

    public Guid Id { get; private set; }

    /// <summary>Human reference such as <c>EC-2026-0001</c>.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>SOP category.</summary>
    public ConcernCategory Category { get; private set; }

    /// <summary>One-line summary (opened from <see cref="SealedSummary"/>).</summary>
    public string Summary => ContentPurgedAt is not null ? PurgedText : _open ? _summary! : throw new SealedContentException($"Case {Reference}'s summary");

    /// <summary>The reporter's account (opened from <see cref="SealedDetails"/>).</summary>
    public string? Details => ContentPurgedAt is not null ? null : _open ? _details : throw new SealedContentException($"Case {Reference}'s account");

    /// <summary>The summary as stored: encrypted with the case's data key.</summary>
    public byte[]? SealedSummary { get; private set; }

    /// <summary>The account as stored.</summary>
    public byte[]? SealedDetails { get; private set; }

    /// <summary>When the retention policy removed the case's content; its state, dates and record remain.</summary>
    public DateTime? ContentPurgedAt { get; private set; }

    /// <summary>The action of the event a purge appends.</summary>
    public const string ContentPurgedAction = "ContentPurged";

    /// <summary>The action of the event that commits the record to content hashes (reseal, purge tombstones).</summary>
    public const string ContentCommittedAction = "ContentCommitted";

    /// <summary>What a purged case shows in place of its summary.</summary>
    public const string PurgedText = "[content removed under the retention policy]";

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

    /// <summary>Roles the case is routed to after recusal, in the SOP's order (General Counsel first).</summary>
    public IReadOnlyList<Role> RoutedTo => (RoutedToGeneralCounsel, RoutedToAuditCommittee) switch
    {
        (true, true) => [Role.GeneralCounsel, Role.AuditCommittee],
        (true, false) => [Role.GeneralCounsel],
        (false, true) => [Role.AuditCommittee],
        _ => [],
    };

    /// <summary>
    /// Routed to the General Counsel after recusal: a column of its own, so that the General Counsel's queues are an index
    /// range (<c>State, RoutedToGeneralCounsel, FiledAt</c>) rather than a scan of a list per row.
    /// </summary>
    public bool RoutedToGeneralCounsel { get; private set; }

    /// <summary>Routed to the Audit Committee (every category is, today).</summary>
    public bool RoutedToAuditCommittee { get; private set; }

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

    /// <summary>When the reporter says it happened (a calendar date, not after the filing); null when not said.</summary>
    public DateOnly? IncidentDate { get; private set; }

    /// <summary>When Acknowledge was met: explicitly, by the first reviewer message shared with the reporter, or by closing.</summary>
    public DateTime? AcknowledgedAt { get; private set; }

    /// <summary>When Feedback was met: by the first shared message marked as feedback, or by closing.</summary>
    public DateTime? FeedbackGivenAt { get; private set; }

    /// <summary>When the case first entered a review state (starts the investigation clock).</summary>
    public DateTime? AcceptedAt { get; private set; }

    /// <summary>When the case left Intake (meets Triage).</summary>
    public DateTime? LeftIntakeAt { get; private set; }

    /// <summary>The latest request for the Board's determination.</summary>
    public DateTime? DeterminationRequestedAt { get; private set; }

    /// <summary>The latest recorded determination.</summary>
    public DateTime? DeterminedAt { get; private set; }

    /// <summary>The clock columns together (see <see cref="DeadlineMarks"/>).</summary>
    public DeadlineMarks Marks => new(AcknowledgedAt, FeedbackGivenAt, AcceptedAt, LeftIntakeAt, DeterminationRequestedAt, DeterminedAt);

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; private set; }

    /// <summary>MAC of the newest audit event of this case: the head of its chain (set when the event is saved).</summary>
    public string LastAuditHash { get; internal set; } = "";

    /// <summary>The case's audit trail (load explicitly; new events are added here).</summary>
    public List<AuditEvent> History { get; private set; } = [];

    /// <summary>Whether the person is named as a subject (and so recused).</summary>
    public bool Names(Person person) => Subjects.Any(s => s.PersonId == person.Id);

    /// <summary>Whether the person reported it.</summary>
    public bool IsReporter(Person person) => ReporterId == person.Id;

    /// <summary>Whether the case is routed to the General Counsel (after recusal).</summary>
    public bool IsRoutedToGeneralCounsel => RoutedToGeneralCounsel;

    /// <summary>Label of the anonymous reporter in the thread and the audit trail.</summary>
    public const string AnonymousReporter = "anonymous reporter";

    /// <summary>
    /// Writes in the case's thread: a reviewer's private note, a reviewer's message shared with the reporter, or the
    /// reporter's message (always shared). The audit event records who wrote what kind of message and a hash of the
    /// text; the text itself stays in the thread. <paramref name="author"/> is null for the anonymous reporter.
    /// </summary>
    /// <remarks><paramref name="feedback"/> marks a reviewer's shared message as the feedback the reporter is owed
    /// (it meets the Feedback clock); it is refused on a note or a reporter's message.</remarks>
    public CaseMessage Post(Person? author, string text, bool sharedWithReporter, bool fromReporter, DateTime at, bool feedback = false)
    {
        EnsureNotPurged();
        var message = new CaseMessage(Guid.NewGuid(), Id, author, "Anonymous reporter", text, sharedWithReporter, fromReporter, at);
        if (feedback && (message.FromReporter || !message.SharedWithReporter))
        {
            throw ValidationFailedException.For("feedback", "Only a reviewer's message shared with the reporter can be marked as feedback.");
        }

        var action = message.FromReporter ? "ReporterMessage" : message.SharedWithReporter ? "MessageToReporter" : "NoteAdded";
        var evt = new AuditEvent(Id, at, author?.Id, author?.Email ?? AnonymousReporter, action, null, null, null, JsonSerializer.Serialize(new
        {
            messageId = message.Id,
            sharedWithReporter = message.SharedWithReporter,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.Text))),
            feedback,
        }));
        Append(evt, feedback);
        return message;
    }

    /// <summary>
    /// A reviewer acknowledges receipt to the reporter without writing (meets the Acknowledge clock). Refused once
    /// the reporter has been acknowledged, by this or by a shared message.
    /// </summary>
    public AuditEvent Acknowledge(Person reviewer, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (AcknowledgedAt is { } done)
        {
            throw new ConflictException($"Case {Reference} was already acknowledged to the reporter on {done:yyyy-MM-dd}.");
        }

        return Record(reviewer, DeadlineMarks.AcknowledgedAction, at);
    }

    /// <summary>
    /// Attaches a document that passed the type and size checks; its SHA-256 goes into the case's audit chain so that
    /// a changed file shows. <paramref name="uploader"/> is a reviewer or the reporter, or null for the anonymous reporter.
    /// </summary>
    public EvidenceFile Attach(Person? uploader, string fileName, string contentType, byte[] content, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureNotPurged();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var file = new EvidenceFile(Guid.NewGuid(), Id, fileName, contentType, content, sha, uploader?.Id, at);
        Record(uploader, "EvidenceAdded", at, actorLabel: AnonymousReporter, data: JsonSerializer.Serialize(new
        {
            evidenceId = file.Id, fileNameSha256 = ContentHash.Of(fileName), contentType, length = file.Length, sha256 = sha,
        }));
        return file;
    }

    /// <summary>Appends an audit event to this case's chain and marks the case changed.</summary>
    public AuditEvent Record(Person? actor, string action, DateTime at, string? from = null, string? to = null,
        string? reason = null, string? data = null, string? actorLabel = null)
    {
        var evt = new AuditEvent(Id, at, actor?.Id, actor?.Email ?? actorLabel ?? "system", action, from, to, reason, data);
        Append(evt, feedback: false);
        return evt;
    }

    /// <summary>
    /// Refuses any change to a case whose content the retention policy removed: a new message, document, hold,
    /// redaction or transition would put narrative back on a case whose data key is gone, or move a case whose record
    /// is closed for good. Only the record's own bookkeeping (the purge event, content commitments) is still appended.
    /// </summary>
    public void EnsureNotPurged()
    {
        if (ContentPurgedAt is { } purgedAt)
        {
            throw new ConflictException(
                $"Case {Reference}'s content was removed under the retention policy on {purgedAt:yyyy-MM-dd}: it takes no new content and no further changes.");
        }
    }

    private void Append(AuditEvent evt, bool feedback)
    {
        if (evt.Action is not (ContentPurgedAction or ContentCommittedAction))
        {
            EnsureNotPurged();
        }

        History.Add(evt);
        var marks = Marks.Apply(evt.Action, evt.From, evt.To, evt.At, feedback);
        (AcknowledgedAt, FeedbackGivenAt, AcceptedAt, LeftIntakeAt, DeterminationRequestedAt, DeterminedAt) =
            (marks.AcknowledgedAt, marks.FeedbackGivenAt, marks.AcceptedAt, marks.LeftIntakeAt, marks.DeterminationRequestedAt, marks.DeterminedAt);
        Touch(evt.At);
    }

    Guid ISealedContent.ContentOwner => Id;

    bool ISealedContent.NeedsSealing => _open && ContentPurgedAt is null
        && (SealedSummary is null || !ReferenceEquals(_sealedSummary, _summary) || !ReferenceEquals(_sealedDetails, _details));

    void ISealedContent.Seal(IContentSealer sealer)
    {
        if (!((ISealedContent)this).NeedsSealing)
        {
            return;
        }

        if (SealedSummary is null || !ReferenceEquals(_sealedSummary, _summary))
        {
            SealedSummary = sealer.Seal(SummaryPurpose, _summary);
            _sealedSummary = _summary;
        }

        if ((SealedDetails is null && _details is not null) || !ReferenceEquals(_sealedDetails, _details))
        {
            SealedDetails = sealer.Seal(DetailsPurpose, _details);
            _sealedDetails = _details;
        }
    }

    void ISealedContent.MarkUnsealed()
    {
        _sealedSummary = null;
        SealedSummary = null;
        _sealedDetails = _details is null ? "" : null;
    }

    void ISealedContent.Open(IContentSealer sealer)
    {
        if (_open)
        {
            return;
        }

        _summary = sealer.OpenText(SummaryPurpose, SealedSummary) ?? "";
        _details = sealer.OpenText(DetailsPurpose, SealedDetails);
        _sealedSummary = _summary;
        _sealedDetails = _details;
        _open = true;
    }

    /// <summary>
    /// Replaces a passage of the account with "[redacted]" for good, and records that a redaction happened, why, and
    /// the hashes before and after (never the passage itself).
    /// </summary>
    public AuditEvent RedactDetails(Person reviewer, string passage, string reason, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var before = Details ?? throw ValidationFailedException.For("target", $"Case {Reference} has no account to redact.");
        var after = Redaction.Apply(before, passage);
        _details = after;
        return Record(reviewer, "Redacted", at, reason: reason, data: JsonSerializer.Serialize(new
        {
            target = "details",
            beforeSha256 = ContentHash.Of(before),
            afterSha256 = ContentHash.Of(after),
        }));
    }

    /// <summary>Replaces a passage of a message of this case with "[redacted]" for good, and records that it happened.</summary>
    public AuditEvent RedactMessage(Person reviewer, CaseMessage message, string passage, string reason, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.CaseId != Id)
        {
            throw new NotFoundException("That message is not in this case.");
        }

        var (before, after) = message.Redact(passage);
        return Record(reviewer, "Redacted", at, reason: reason, data: JsonSerializer.Serialize(new
        {
            target = "message",
            messageId = message.Id,
            beforeSha256 = before,
            afterSha256 = after,
        }));
    }

    /// <summary>
    /// Removes the case's content under the retention policy: summary, account, and (through the feature) its
    /// messages, documents, rationales and reasons. State, dates, category, routing and the record of events remain.
    /// </summary>
    internal void PurgeContent(DateTime at)
    {
        ContentPurgedAt = at;
        SealedSummary = null;
        SealedDetails = null;
        _summary = null;
        _details = null;
        _open = true;
    }

    internal void Touch(DateTime at)
    {
        UpdatedAt = at;
        Version++;
    }
}
