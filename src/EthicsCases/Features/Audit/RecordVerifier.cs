using System.Buffers;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Security.Keys;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Audit;

/// <summary>
/// Replays the record and compares it with the rows. The events are streamed once in sequence order (raw ADO.NET,
/// no change tracking): each event's MAC, its place in the sequence and in its chain, and the hash of its sealed
/// reason are checked, and each case's present state is rebuilt from its events. Then every table the record speaks
/// for is read once and compared with what the record says: cases, subjects, messages, documents, determinations,
/// prior advice, the directory. Every discrepancy is reported, not only the first.
/// </summary>
internal sealed class RecordVerifier(EthicsDbContext db, RecordKeys keys)
{
    private const int MaxProblems = 10_000;
    private static readonly HashSet<string> Transitions = [.. Enum.GetNames<CaseTrigger>()];

    private readonly List<AuditProblem> _problems = [];
    private readonly Dictionary<Guid, CaseReplay> _cases = [];
    private readonly Dictionary<Guid, PersonReplay> _people = [];
    private readonly Dictionary<Guid, RecordedAdvice> _advice = [];
    private readonly Dictionary<Guid, (string KekId, byte[] Wrapped)> _wrapped = [];
    private readonly Dictionary<Guid, byte[]?> _dataKeys = [];
    private readonly Dictionary<string, IncrementalHash> _macs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AesGcm> _keyEncryptionCiphers = new(StringComparer.Ordinal);
    private AesGcm? _cipher;
    private Guid? _cipherOwner;
    private byte[] _plain = new byte[4096];
    private readonly byte[] _digest = new byte[32];
    private string _directoryHead = "";
    private long _lastSeq;
    private string _lastHash = "";

    public long Events { get; private set; }

    public IReadOnlyList<AuditProblem> Problems => _problems;

    /// <summary>The sequence number and MAC of the newest event, for a checkpoint.</summary>
    public (long Seq, string Hash) Head => (_lastSeq, _lastHash);

    public async Task RunAsync(AuditCheckpoint? checkpoint, CancellationToken ct)
    {
        try
        {
            await ReplayAndCompareAsync(checkpoint, ct);
        }
        finally
        {
            foreach (var mac in _macs.Values)
            {
                mac.Dispose();
            }

            foreach (var cipher in _keyEncryptionCiphers.Values)
            {
                cipher.Dispose();
            }

            _cipher?.Dispose();
        }
    }

    private async Task ReplayAndCompareAsync(AuditCheckpoint? checkpoint, CancellationToken ct)
    {
        await foreach (var k in db.DataKeys.AsNoTracking().Select(k => new { k.OwnerId, k.KekId, k.Wrapped }).AsAsyncEnumerable().WithCancellation(ct))
        {
            _wrapped[k.OwnerId] = (k.KekId, k.Wrapped);
        }

        var checkpointSeen = false;
        await foreach (var e in StreamEventsAsync(ct))
        {
            Check(e);
            if (checkpoint is not null && e.Seq == checkpoint.Seq)
            {
                checkpointSeen = true;
                if (!string.Equals(e.Hash, checkpoint.Head, StringComparison.Ordinal))
                {
                    Problem("Checkpoint", e.CaseId, e.Seq, $"The event at the checkpoint's sequence number {checkpoint.Seq} is not the one the checkpoint signed: the record was rewritten.");
                }
            }
        }

        if (checkpoint is not null && !checkpointSeen)
        {
            Problem("Checkpoint", null, null, _lastSeq < checkpoint.Seq
                ? $"The record ends at {_lastSeq}, before the checkpoint's sequence number {checkpoint.Seq} (signed {checkpoint.At:u}): the database was rolled back or truncated."
                : $"No event has the checkpoint's sequence number {checkpoint.Seq}.");
        }

        await CheckHeadAsync(ct);
        await CheckCasesAsync(ct);
        await CheckSubjectsAsync(ct);
        await CheckMessagesAsync(ct);
        await CheckEvidenceAsync(ct);
        await CheckDeterminationsAsync(ct);
        await CheckAdviceAsync(ct);
        await CheckPeopleAsync(ct);
        foreach (var c in _cases.Values.Where(c => c.PurgedSeq is null && c.AnyReasonsMissing is not null))
        {
            foreach (var seq in c.AnyReasonsMissing!)
            {
                Problem("ReasonContent", c.Id, seq, "The event's reason was removed although the case was never purged.");
            }
        }
    }

    private void Check(EventRow e)
    {
        Events++;
        if (e.Seq != _lastSeq + 1)
        {
            Problem("SequenceGap", e.CaseId, e.Seq, e.Seq > _lastSeq + 1
                ? $"Events {_lastSeq + 1} to {e.Seq - 1} are missing."
                : $"Sequence number {e.Seq} follows {_lastSeq}.");
        }

        _lastSeq = e.Seq;
        _lastHash = e.Hash;
        if (e.KeyId is null)
        {
            Problem("Unsealed", e.CaseId, e.Seq, "The event was written before the record was keyed: run 'ethics audit reseal' once.");
        }
        else if (keys.Audit.Find(e.KeyId) is not { } key)
        {
            Problem("UnknownKey", e.CaseId, e.Seq, $"The event is sealed with audit key '{e.KeyId}', which the key ring does not hold.");
        }
        else if (!MacMatches(e, key))
        {
            Problem("EventMac", e.CaseId, e.Seq, $"{e.Action}: the event does not match its MAC: it was changed after it was written.");
        }

        var chainHead = e.CaseId is { } id ? Case(id).LastHash : _directoryHead;
        if (!string.Equals(e.PreviousHash, chainHead, StringComparison.Ordinal))
        {
            Problem("ChainLink", e.CaseId, e.Seq, $"{e.Action}: the event does not follow the previous event of its chain: an event before it was removed, added or changed.");
        }

        if (e.CaseId is { } caseId)
        {
            var c = Case(caseId);
            c.LastHash = e.Hash;
            CheckReason(e, caseId, c);
            Replay(c, e);
        }
        else
        {
            _directoryHead = e.Hash;
            CheckReason(e, ContentOwners.Directory, null);
            ReplayDirectory(e);
        }
    }

    private void CheckReason(EventRow e, Guid owner, CaseReplay? c)
    {
        if (e.ReasonSha256 is null)
        {
            if (e.Reason is not null)
            {
                Problem("ReasonContent", e.CaseId, e.Seq, "The event carries a reason the record does not commit to.");
            }

            return;
        }

        if (e.Reason is null)
        {
            if (c is not null)
            {
                c.ReasonsMissing.Add(e.Seq);
            }
            else
            {
                Problem("ReasonContent", null, e.Seq, "The event's reason was removed.");
            }

            return;
        }

        Span<byte> digest = stackalloc byte[32];
        if (TryDigest(owner, "event.reason", e.Reason, e.CaseId, e.Seq, digest) && !HexEquals(digest, e.ReasonSha256))
        {
            Problem("ReasonContent", e.CaseId, e.Seq, "The event's reason does not match the hash the record commits to.");
        }
    }

    private void Replay(CaseReplay c, EventRow e)
    {
        if (e.Action != "Filed" && !c.Filed)
        {
            Problem("CaseState", c.Id, e.Seq, $"{e.Action} comes before the case was filed.");
        }

        c.UpdatedAt = e.At;
        // The case keeps its clock columns by this same rule as it records each event.
        c.Marks = c.Marks.Apply(e.Action, e.From, e.To, e.At,
            feedback: e.Action == "MessageToReporter" && EventData.Parse(e.Data).Bool("feedback") == true);
        JsonElement? data = null;
        switch (e.Action)
        {
            case "Filed":
                data = EventData.Parse(e.Data);
                c.Filed = true;
                c.FiledSeq = e.Seq;
                c.FiledAt = e.At;
                c.State = CaseState.Intake;
                c.Category = data.Text("category");
                c.RoutedTo = data.Strings("routedTo") ?? [];
                c.GeneralCounselRecused = data.Bool("generalCounselRecused") ?? false;
                c.SubjectIds = data.Strings("subjectIds")?.Select(Guid.Parse).ToHashSet();
                c.SubjectEmails = data.Strings("subjects");
                c.ReporterId = e.ActorId;
                c.SummarySha256 = data.Text("summarySha256");
                c.DetailsSha256 = data.Text("detailsSha256");
                c.ContentCommitted = data.Has("summarySha256");
                c.IncidentDate = DateOnly.TryParseExact(data.Text("incidentDate"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var incident) ? incident : null;
                return;
            case "ReporterMessage" or "MessageToReporter" or "NoteAdded":
                data = EventData.Parse(e.Data);
                if (data.Id("messageId") is { } messageId && data.Text("sha256") is { } sha)
                {
                    c.Messages[messageId] = new RecordedMessage(e.Seq, sha, data.Bool("sharedWithReporter"), e.Action == "ReporterMessage");
                }

                return;
            case "EvidenceAdded":
                data = EventData.Parse(e.Data);
                if (data.Id("evidenceId") is { } evidenceId && data.Text("sha256") is { } content)
                {
                    c.Evidence[evidenceId] = new RecordedEvidence(e.Seq, content, data.Text("fileNameSha256"), data.Text("fileName"), data.Number("length"));
                }

                return;
            case "NoticeGenerated":
                data = EventData.Parse(e.Data);
                if (data.Id("determinationId") is { } noticed && c.AnyDeterminations?.TryGetValue(noticed, out var generated) == true)
                {
                    generated.NoticeSha256 = data.Text("noticeSha256");
                }

                return;
            case "Redacted":
                data = EventData.Parse(e.Data);
                Redacted(c, e, data);
                return;
            case "ContentCommitted":
                data = EventData.Parse(e.Data);
                Committed(c, data);
                return;
            case "ContentPurged":
                c.PurgedSeq = e.Seq;
                return;
            case "LegalHoldPlaced" or "LegalHoldReleased":
                data = EventData.Parse(e.Data);
                if (data.Id("holdId") is { } holdId)
                {
                    c.Holds[holdId] = e.Action == "LegalHoldPlaced";
                }

                return;
        }

        if (!Transitions.Contains(e.Action) || e.From is null || e.To is null)
        {
            return;
        }

        if (!Enum.TryParse<CaseState>(e.From, out var from) || !Enum.TryParse<CaseState>(e.To, out var to))
        {
            Problem("CaseState", c.Id, e.Seq, $"{e.Action} names states that do not exist ({e.From} to {e.To}).");
            return;
        }

        if (from != c.State)
        {
            Problem("CaseState", c.Id, e.Seq, $"{e.Action} starts from {from}, but the case was in {c.State}.");
        }

        c.State = to;
        switch (e.Action)
        {
            case nameof(CaseTrigger.Dismiss):
                c.Outcome = CaseOutcome.Dismissed;
                break;
            case nameof(CaseTrigger.CloseNoViolation):
                c.Outcome = CaseOutcome.NoViolationFound;
                break;
            case nameof(CaseTrigger.RecordDetermination):
                data = EventData.Parse(e.Data);
                c.Outcome = data.Bool("violationFound") is { } violation
                    ? violation ? CaseOutcome.ViolationFound : CaseOutcome.NoViolationFound
                    : null;
                if (data.Id("determinationId") is { } determinationId)
                {
                    c.Determinations[determinationId] = new RecordedDetermination(e.Seq)
                    {
                        RationaleSha256 = data.Text("rationaleSha256"),
                        AdvisedOverrideReasonSha256 = data.Text("advisedOverrideReasonSha256"),
                        DepartureRationaleSha256 = data.Text("departureRationaleSha256"),
                        NoticeSha256 = data.Text("noticeSha256"),
                        FactsSha256 = data.Text("factsSha256"),
                        TextsCommitted = data.Has("rationaleSha256"),
                    };
                }

                break;
            case nameof(CaseTrigger.Reopen):
                c.Outcome = null;
                c.ClosedAt = null;
                break;
            case nameof(CaseTrigger.RequestBoardDetermination):
                c.ReferredToBoard = true;
                break;
        }

        if (to == CaseState.Closed)
        {
            c.ClosedAt = e.At;
        }
    }

    private void Redacted(CaseReplay c, EventRow e, JsonElement? data)
    {
        var before = data.Text("beforeSha256");
        var after = data.Text("afterSha256");
        if (data.Text("target") == "details")
        {
            if (c.DetailsSha256 is not null && before != c.DetailsSha256)
            {
                Problem("Redaction", c.Id, e.Seq, "The redaction does not start from the account the record holds.");
            }

            c.DetailsSha256 = after;
        }
        else if (data.Id("messageId") is { } messageId && c.AnyMessages?.TryGetValue(messageId, out var message) == true)
        {
            if (before != message.Sha256)
            {
                Problem("Redaction", c.Id, e.Seq, "The redaction does not start from the message the record holds.");
            }

            c.Messages[messageId] = message with { Sha256 = after ?? message.Sha256 };
        }
    }

    private static void Committed(CaseReplay c, JsonElement? data)
    {
        c.SummarySha256 = data.Text("summarySha256") ?? c.SummarySha256;
        c.DetailsSha256 = data.Has("detailsSha256") ? data.Text("detailsSha256") : c.DetailsSha256;
        c.ContentCommitted = true;
        if (data.Object("determinations") is { } determinations)
        {
            foreach (var d in determinations.EnumerateObject())
            {
                if (Guid.TryParse(d.Name, out var id) && c.AnyDeterminations?.TryGetValue(id, out var recorded) == true)
                {
                    JsonElement? texts = d.Value;
                    recorded.RationaleSha256 = texts.Text("rationaleSha256");
                    recorded.AdvisedOverrideReasonSha256 = texts.Text("advisedOverrideReasonSha256");
                    recorded.DepartureRationaleSha256 = texts.Text("departureRationaleSha256");
                    recorded.NoticeSha256 = texts.Text("noticeSha256");
                    recorded.FactsSha256 = texts.Text("factsSha256") ?? recorded.FactsSha256;
                    recorded.TextsCommitted = true;
                }
            }
        }
    }

    private void ReplayDirectory(EventRow e)
    {
        switch (e.Action)
        {
            case "PersonAdded" or "PersonUpdated":
            {
                var data = EventData.Parse(e.Data);
                if (data.Id("personId") is not { } personId)
                {
                    return;
                }

                var person = _people.TryGetValue(personId, out var p) ? p : _people[personId] = new PersonReplay();
                person.Seq = e.Seq;
                person.Email = data.Text("email") ?? person.Email;
                if (data.Strings("roles") is { } roles)
                {
                    person.Roles = [.. roles];
                }

                person.Active ??= true;
                if (data.Bool("active") is { } active)
                {
                    person.Active = active;
                }

                if (data.Has("tenantId"))
                {
                    person.LinkKnown = true;
                    person.TenantId = data.Id("tenantId");
                    person.ObjectId = data.Id("objectId");
                }

                return;
            }

            case "PersonLinked":
            {
                var data = EventData.Parse(e.Data);
                if (data.Id("personId") is { } personId && _people.TryGetValue(personId, out var person))
                {
                    person.Seq = e.Seq;
                    person.LinkKnown = true;
                    person.TenantId = data.Id("tenantId");
                    person.ObjectId = data.Id("objectId");
                }

                return;
            }

            case "PersonDeactivated" or "PersonReactivated":
            {
                var data = EventData.Parse(e.Data);
                if (data.Id("personId") is { } personId && _people.TryGetValue(personId, out var person))
                {
                    person.Seq = e.Seq;
                    person.Active = e.Action == "PersonReactivated";
                }

                return;
            }

            case "AdviceRecorded" or "AdviceCommitted":
            {
                var data = EventData.Parse(e.Data);
                if (data.Id("adviceId") is { } adviceId)
                {
                    _advice[adviceId] = new RecordedAdvice(e.Seq, data.Id("personId"), data.Text("person"), data.Text("category"),
                        data.Text("date"), data.Text("summarySha256"));
                }

                return;
            }
        }
    }

    private async Task CheckHeadAsync(CancellationToken ct)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditHead.Row, ct);
        if (head is null)
        {
            if (Events > 0)
            {
                Problem("Head", null, null, "The record's head is missing.");
            }

            return;
        }

        if (head.Seq == 0 && Events == 0)
        {
            return;
        }

        if (head.Seq != _lastSeq || !string.Equals(head.LastHash, _lastHash, StringComparison.Ordinal))
        {
            Problem("Head", null, head.Seq, head.Seq > _lastSeq
                ? $"The head says the record ends at {head.Seq}, but the newest event is {_lastSeq}: newer events were deleted."
                : $"The head says the record ends at {head.Seq} but events run to {_lastSeq}.");
        }

        if (!string.Equals(head.DirectoryHead, _directoryHead, StringComparison.Ordinal))
        {
            Problem("Head", null, null, "The head of the directory chain is not the newest directory event: a directory event was deleted or added.");
        }

        if (head.KeyId is null || keys.Audit.Find(head.KeyId) is not { } key)
        {
            Problem("Head", null, null, head.KeyId is null ? "The head is not sealed yet: run 'ethics audit reseal' once." : $"The head is sealed with unknown key '{head.KeyId}'.");
        }
        else if (!string.Equals(head.ComputeMac(key), head.Mac, StringComparison.Ordinal))
        {
            Problem("Head", null, null, "The head does not match its MAC: it was reset by hand.");
        }
    }

    private async Task CheckCasesAsync(CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        await foreach (var row in db.Cases.AsNoTracking().IgnoreAutoIncludes().Select(c => new
        {
            c.Id, c.Reference, c.Category, c.State, c.Outcome, c.RoutedToGeneralCounsel, c.RoutedToAuditCommittee, c.GeneralCounselRecused, c.ReporterId, c.FiledAt, c.UpdatedAt,
            c.ClosedAt, c.ReferredToBoard, c.LastAuditHash, c.SealedSummary, c.SealedDetails, c.ContentPurgedAt,
            c.IncidentDate, c.AcknowledgedAt, c.FeedbackGivenAt, c.AcceptedAt, c.LeftIntakeAt, c.DeterminationRequestedAt, c.DeterminedAt,
        }).AsAsyncEnumerable().WithCancellation(ct))
        {
            seen.Add(row.Id);
            if (!_cases.TryGetValue(row.Id, out var c) || !c.Filed)
            {
                Problem("CaseUnrecorded", row.Id, null, $"Case {row.Reference} has no Filed event in the record: it was added outside the application.");
                continue;
            }

            List<string>? differences = null;
            Differ(ref differences, "category", row.Category.ToString(), c.Category);
            Differ(ref differences, "state", row.State, c.State);
            if (c.Outcome is not null || row.State != CaseState.Closed)
            {
                Differ(ref differences, "outcome", row.Outcome, c.Outcome);
            }

            // Routing is stored as one indexed column per role; the record lists the roles in the SOP's order.
            var routedToGeneralCounsel = c.RoutedTo.Contains(nameof(Role.GeneralCounsel));
            var routedToAuditCommittee = c.RoutedTo.Contains(nameof(Role.AuditCommittee));
            if (row.RoutedToGeneralCounsel != routedToGeneralCounsel || row.RoutedToAuditCommittee != routedToAuditCommittee
                || c.RoutedTo.Count != (routedToGeneralCounsel ? 1 : 0) + (routedToAuditCommittee ? 1 : 0))
            {
                var routed = (row.RoutedToGeneralCounsel ? new[] { nameof(Role.GeneralCounsel) } : []).Concat(row.RoutedToAuditCommittee ? [nameof(Role.AuditCommittee)] : []);
                Differ(ref differences, "routing", string.Join(",", routed), string.Join(",", c.RoutedTo));
            }

            Differ(ref differences, "recusal", row.GeneralCounselRecused, c.GeneralCounselRecused);
            Differ(ref differences, "reporter", row.ReporterId, c.ReporterId);
            DifferAt(ref differences, "filed", row.FiledAt, c.FiledAt);
            DifferAt(ref differences, "last change", row.UpdatedAt, c.UpdatedAt);
            DifferAt(ref differences, "closed", row.ClosedAt, c.ClosedAt);
            Differ(ref differences, "referred to the Board", row.ReferredToBoard, c.ReferredToBoard);
            Differ(ref differences, "incident date", row.IncidentDate, c.IncidentDate);
            DifferAt(ref differences, "acknowledged", row.AcknowledgedAt, c.Marks.AcknowledgedAt);
            DifferAt(ref differences, "feedback given", row.FeedbackGivenAt, c.Marks.FeedbackGivenAt);
            DifferAt(ref differences, "accepted", row.AcceptedAt, c.Marks.AcceptedAt);
            DifferAt(ref differences, "left intake", row.LeftIntakeAt, c.Marks.LeftIntakeAt);
            DifferAt(ref differences, "determination requested", row.DeterminationRequestedAt, c.Marks.DeterminationRequestedAt);
            DifferAt(ref differences, "determined", row.DeterminedAt, c.Marks.DeterminedAt);
            Differ(ref differences, "chain head", row.LastAuditHash, c.LastHash);
            Differ(ref differences, "content purged", row.ContentPurgedAt is not null, c.PurgedSeq is not null);
            if (differences is not null)
            {
                Problem("CaseState", row.Id, null, $"Case {row.Reference}: {string.Join("; ", differences)}.");
            }

            if (row.ContentPurgedAt is null && c.ContentCommitted)
            {
                CheckText(row.Id, EthicsCase.SummaryPurpose, row.SealedSummary, c.SummarySha256, "CaseContent", $"Case {row.Reference}'s summary");
                CheckText(row.Id, "case.details", row.SealedDetails, c.DetailsSha256, "CaseContent", $"Case {row.Reference}'s account");
            }
        }

        foreach (var c in _cases.Values.Where(c => !seen.Contains(c.Id)))
        {
            Problem("CaseMissing", c.Id, c.FiledSeq, "The record holds a case that is not in the database: it was deleted.");
        }
    }

    private async Task CheckSubjectsAsync(CancellationToken ct)
    {
        var stored = new Dictionary<Guid, HashSet<Guid>>();
        await foreach (var s in db.CaseSubjects.AsNoTracking().Select(s => new { s.CaseId, s.PersonId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            (stored.TryGetValue(s.CaseId, out var set) ? set : stored[s.CaseId] = []).Add(s.PersonId);
        }

        Dictionary<string, Guid>? byEmail = null;
        foreach (var c in _cases.Values.Where(c => c.Filed))
        {
            var recorded = c.SubjectIds;
            if (recorded is null && c.SubjectEmails is { } emails)
            {
                byEmail ??= await db.People.AsNoTracking().ToDictionaryAsync(p => p.Email, p => p.Id, ct);
                recorded = emails.Select(e => byEmail.TryGetValue(e, out var id) ? id : Guid.Empty).ToHashSet();
            }

            var rows = stored.GetValueOrDefault(c.Id) ?? [];
            if (recorded is not null && !rows.SetEquals(recorded))
            {
                Problem("Subjects", c.Id, c.FiledSeq,
                    $"The case names {rows.Count} subject(s) but was filed naming {recorded.Count}: a subject was added or removed outside the application (recusal depends on it).");
            }
        }
    }

    private async Task CheckMessagesAsync(CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        await foreach (var m in db.CaseMessages.AsNoTracking().Select(m => new { m.Id, m.CaseId, m.SealedText, m.PurgedAt, m.SharedWithReporter, m.FromReporter })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            seen.Add(m.Id);
            if (!_cases.TryGetValue(m.CaseId, out var c) || c.AnyMessages is not { } recordedOnes || !recordedOnes.TryGetValue(m.Id, out var recorded))
            {
                Problem("MessageUnrecorded", m.CaseId, null, $"Message {m.Id} is not in the record: it was added outside the application.");
                continue;
            }

            if ((recorded.SharedWithReporter is { } shared && shared != m.SharedWithReporter) || recorded.FromReporter != m.FromReporter)
            {
                Problem("MessageContent", m.CaseId, recorded.Seq, $"Message {m.Id}: who may read it was changed (shared with the reporter: {m.SharedWithReporter}).");
            }

            if (m.PurgedAt is null)
            {
                CheckText(m.CaseId, $"message:{m.Id:N}", m.SealedText, recorded.Sha256, "MessageContent", $"Message {m.Id}", recorded.Seq);
            }
            else if (c.PurgedSeq is null)
            {
                Problem("MessageContent", m.CaseId, recorded.Seq, $"Message {m.Id} was emptied although the case was never purged.");
            }
        }

        foreach (var c in _cases.Values)
        {
            foreach (var (id, recorded) in (c.AnyMessages ?? []).Where(m => !seen.Contains(m.Key)))
            {
                Problem("MessageMissing", c.Id, recorded.Seq, $"Message {id} is in the record but not in the database: it was deleted.");
            }
        }
    }

    private async Task CheckEvidenceAsync(CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        await foreach (var f in db.EvidenceFiles.AsNoTracking()
            .Select(f => new { f.Id, f.CaseId, f.SealedFileName, f.SealedContent, f.Sha256, f.Length, f.ContentType, f.PurgedAt })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            seen.Add(f.Id);
            if (!_cases.TryGetValue(f.CaseId, out var c) || c.AnyEvidence is not { } recordedOnes || !recordedOnes.TryGetValue(f.Id, out var recorded))
            {
                Problem("EvidenceUnrecorded", f.CaseId, null, $"Document {f.Id} is not in the record: it was added outside the application.");
                continue;
            }

            if (f.Sha256 != recorded.Sha256 || (recorded.Length is { } length && length != f.Length))
            {
                Problem("EvidenceContent", f.CaseId, recorded.Seq, $"Document {f.Id}: its recorded hash or length was changed.");
            }

            if (f.PurgedAt is not null)
            {
                if (c.PurgedSeq is null)
                {
                    Problem("EvidenceContent", f.CaseId, recorded.Seq, $"Document {f.Id} was emptied although the case was never purged.");
                }

                continue;
            }

            if (f.SealedContent is not null && TryDigest(f.CaseId, $"evidence:{f.Id:N}:content", f.SealedContent, f.CaseId, recorded.Seq, _digest)
                && !HexEquals(_digest, recorded.Sha256))
            {
                Problem("EvidenceContent", f.CaseId, recorded.Seq, $"Document {f.Id}: its bytes do not match the SHA-256 the record holds.");
            }

            var name = OpenText(f.CaseId, $"evidence:{f.Id:N}:name", f.SealedFileName, f.CaseId, recorded.Seq);
            if (name is not null && (recorded.FileNameSha256 is { } nameSha ? ContentHash.Of(name) != nameSha : recorded.FileName is { } plain && plain != name))
            {
                Problem("EvidenceContent", f.CaseId, recorded.Seq, $"Document {f.Id}: its name was changed.");
            }
        }

        foreach (var c in _cases.Values)
        {
            foreach (var (id, recorded) in (c.AnyEvidence ?? []).Where(e => !seen.Contains(e.Key)))
            {
                Problem("EvidenceMissing", c.Id, recorded.Seq, $"Document {id} is in the record but not in the database: it was deleted.");
            }
        }
    }

    private async Task CheckDeterminationsAsync(CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        await foreach (var d in db.Determinations.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            seen.Add(d.Id);
            if (!_cases.TryGetValue(d.CaseId, out var c) || c.AnyDeterminations is not { } recordedOnes || !recordedOnes.TryGetValue(d.Id, out var recorded))
            {
                Problem("DeterminationUnrecorded", d.CaseId, null, $"Determination {d.Id} is not in the record: it was added outside the application.");
                continue;
            }

            if (d.PurgedAt is null)
            {
                // The actions' details are part of the facts: open them, or leave them out (a missing or undecryptable
                // value is a problem on its own, and the facts then differ too).
                d.OpenSanctionDetails(OpenText(d.CaseId, d.SanctionDetailsPurpose, d.SealedSanctionDetails, d.CaseId, recorded.Seq));
                if (d.HasClearSanctionDetails)
                {
                    Problem("Unencrypted", d.CaseId, recorded.Seq, $"Content ({d.SanctionDetailsPurpose}) is stored in clear: run 'ethics audit reseal' once.");
                }
            }

            if (recorded.FactsSha256 is { } factsSha && ContentHash.Of(DeterminationRecord.Facts(d)) != factsSha)
            {
                Problem("DeterminationContent", d.CaseId, recorded.Seq,
                    $"Determination {d.Id}: its recorded decision (violation, individual, factors, recommendation, sanctions, departure) differs from the record.");
            }

            if (d.PurgedAt is not null)
            {
                if (c.PurgedSeq is null)
                {
                    Problem("DeterminationContent", d.CaseId, recorded.Seq, $"Determination {d.Id}: its texts were removed although the case was never purged.");
                }

                continue;
            }

            if (recorded.TextsCommitted)
            {
                CheckText(d.CaseId, $"determination:{d.Id:N}:rationale", d.SealedRationale, recorded.RationaleSha256, "DeterminationContent", $"Determination {d.Id}'s rationale", recorded.Seq);
                CheckText(d.CaseId, $"determination:{d.Id:N}:advised", d.SealedAdvisedOverrideReason, recorded.AdvisedOverrideReasonSha256, "DeterminationContent", $"Determination {d.Id}'s advised override reason", recorded.Seq);
                CheckText(d.CaseId, $"determination:{d.Id:N}:departure", d.SealedDepartureRationale, recorded.DepartureRationaleSha256, "DeterminationContent", $"Determination {d.Id}'s departure rationale", recorded.Seq);
            }

            var opened = d.SealedNoticePdf is not null && TryDigest(d.CaseId, $"determination:{d.Id:N}:notice", d.SealedNoticePdf, d.CaseId, recorded.Seq, _digest);
            if (opened != (recorded.NoticeSha256 is not null) || (opened && !HexEquals(_digest, recorded.NoticeSha256)))
            {
                if (recorded.TextsCommitted || opened)
                {
                    Problem("DeterminationContent", d.CaseId, recorded.Seq, $"Determination {d.Id}: the written notice is not the one the record holds.");
                }
            }
        }

        foreach (var c in _cases.Values)
        {
            foreach (var (id, recorded) in (c.AnyDeterminations ?? []).Where(e => !seen.Contains(e.Key)))
            {
                Problem("DeterminationMissing", c.Id, recorded.Seq, $"Determination {id} is in the record but not in the database: it was deleted.");
            }
        }
    }

    private async Task CheckAdviceAsync(CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        await foreach (var a in db.PriorAdvice.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            seen.Add(a.Id);
            if (!_advice.TryGetValue(a.Id, out var recorded))
            {
                Problem("AdviceUnrecorded", null, null, $"Prior-advice entry {a.Id} is not in the record: it was added outside the application.");
                continue;
            }

            if ((recorded.PersonId is { } person && person != a.PersonId) || (recorded.Category is { } category && category != a.Category.ToString())
                || (recorded.Date is { } date && date != a.GivenOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            {
                Problem("AdviceContent", null, recorded.Seq, $"Prior-advice entry {a.Id}: the person, category or date was changed.");
            }

            if (recorded.SummarySha256 is not null)
            {
                CheckText(a.Id, "advice.summary", a.SealedSummary, recorded.SummarySha256, "AdviceContent", $"Prior-advice entry {a.Id}", recorded.Seq);
            }
        }

        foreach (var (id, recorded) in _advice.Where(a => !seen.Contains(a.Key)))
        {
            Problem("AdviceMissing", null, recorded.Seq, $"Prior-advice entry {id} is in the record but not in the database: it was deleted.");
        }
    }

    private async Task CheckPeopleAsync(CancellationToken ct)
    {
        if (_people.Count == 0)
        {
            return;
        }

        var seen = new HashSet<Guid>();
        await foreach (var p in db.People.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            seen.Add(p.Id);
            if (!_people.TryGetValue(p.Id, out var recorded))
            {
                Problem("PersonUnrecorded", null, null, $"{p.Email} is in the directory but not in the record: added outside the application.");
                continue;
            }

            if (recorded.Email is { } email && email != p.Email)
            {
                Problem("PersonState", null, recorded.Seq, $"{p.Email}: the e-mail was changed (the record says {email}).");
            }

            if (recorded.Roles is { } roles && !roles.SetEquals(p.Roles.Select(r => r.ToString())))
            {
                Problem("PersonState", null, recorded.Seq,
                    $"{p.Email}: the roles are {string.Join(", ", p.Roles)} but the record says {string.Join(", ", roles.Order())}.");
            }

            if (recorded.Active is { } active && active != p.Active)
            {
                Problem("PersonState", null, recorded.Seq, $"{p.Email}: is {(p.Active ? "active" : "deactivated")} but the record says {(active ? "active" : "deactivated")}.");
            }

            if ((recorded.LinkKnown || p.TenantId is not null) && (p.TenantId != recorded.TenantId || p.ObjectId != recorded.ObjectId))
            {
                Problem("PersonState", null, recorded.Seq, $"{p.Email}: the Entra ID account it is bound to is not the one the record holds (who signs in as this person was changed).");
            }
        }

        foreach (var (id, recorded) in _people.Where(p => !seen.Contains(p.Key)))
        {
            Problem("PersonMissing", null, recorded.Seq, $"Person {id} ({recorded.Email}) is in the record but not in the directory: deleted.");
        }
    }

    private void CheckText(Guid owner, string purpose, byte[]? sealedValue, string? expectedSha, string kind, string what, long? seq = null)
    {
        if (expectedSha is null)
        {
            if (sealedValue is not null)
            {
                Problem(kind, owner, seq, $"{what} exists but the record says there is none.");
            }

            return;
        }

        if (sealedValue is null)
        {
            Problem(kind, owner, seq, $"{what} was removed.");
            return;
        }

        Span<byte> digest = stackalloc byte[32];
        if (TryDigest(owner, purpose, sealedValue, owner, seq, digest) && !HexEquals(digest, expectedSha))
        {
            Problem(kind, owner, seq, $"{what} does not match the hash the record holds: it was changed.");
        }
    }

    private string? OpenText(Guid owner, string purpose, byte[]? sealedValue, Guid? caseId, long? seq) =>
        sealedValue is not null && TryOpen(owner, purpose, sealedValue, caseId, seq, out var plain) ? System.Text.Encoding.UTF8.GetString(plain) : null;

    private byte[]? DataKey(Guid owner, Guid? caseId, long? seq)
    {
        if (_dataKeys.TryGetValue(owner, out var cached))
        {
            return cached;
        }

        byte[]? key = null;
        if (!_wrapped.TryGetValue(owner, out var wrapped))
        {
            Problem("DataKey", caseId, seq, $"The data key of {(owner == ContentOwners.Directory ? "the directory" : owner.ToString())} is missing: sealed content cannot be checked.");
        }
        else
        {
            try
            {
                key = keys.Content.Unwrap(owner, wrapped.KekId, wrapped.Wrapped, _keyEncryptionCiphers);
            }
            catch (CryptographicException e)
            {
                Problem("DataKey", caseId, seq, $"The data key of {owner} does not unwrap: {e.Message}");
            }
        }

        _dataKeys[owner] = key;
        return key;
    }

    private static void Differ<T>(ref List<string>? differences, string field, T stored, T recorded)
    {
        if (!EqualityComparer<T>.Default.Equals(stored, recorded))
        {
            (differences ??= []).Add($"{field} is {(object?)stored ?? "null"} but the record says {(object?)recorded ?? "null"}");
        }
    }

    /// <summary>Instants compare at the microsecond every provider keeps.</summary>
    private static void DifferAt(ref List<string>? differences, string field, DateTime? stored, DateTime? recorded)
    {
        if (stored?.Ticks / 10 != recorded?.Ticks / 10)
        {
            (differences ??= []).Add($"{field} is {(stored is { } a ? Microseconds(a) : "null")} but the record says {(recorded is { } b ? Microseconds(b) : "null")}");
        }
    }

    private static string Microseconds(DateTime at) =>
        new DateTime(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);

    private CaseReplay Case(Guid id) => _cases.TryGetValue(id, out var c) ? c : _cases[id] = new CaseReplay(id);

    private void Problem(string kind, Guid? caseId, long? seq, string detail)
    {
        if (_problems.Count < MaxProblems)
        {
            _problems.Add(new AuditProblem(kind, caseId, seq, detail));
        }
    }

    /// <summary>Authenticates the event with one keyed HMAC per audit key, reset between events (no key schedule per event).</summary>
    private bool MacMatches(EventRow e, byte[] key)
    {
        if (!_macs.TryGetValue(e.KeyId!, out var hmac))
        {
            _macs[e.KeyId!] = hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        }

        var writer = new CanonicalWriter(stackalloc byte[1024]);
        try
        {
            AuditEvent.Write(ref writer, e.Seq, e.CaseId, e.PreviousHash, e.At.Ticks, e.ActorId, e.Actor, e.Channel, e.OsUser, e.Action, e.From, e.To,
                e.ReasonSha256, e.Data, e.KeyId);
            hmac.AppendData(writer.Written);
            Span<byte> mac = stackalloc byte[32];
            hmac.GetHashAndReset(mac);
            return HexEquals(mac, e.Hash);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Whether a digest is the given lowercase hex string, exactly (no allocation).</summary>
    private static bool HexEquals(ReadOnlySpan<byte> digest, string? hex)
    {
        Span<char> chars = stackalloc char[digest.Length * 2];
        return hex is not null && Convert.TryToHexStringLower(digest, chars, out var written) && chars[..written].SequenceEqual(hex);
    }

    /// <summary>
    /// Opens sealed content and hashes it into <paramref name="digest"/>, reusing one buffer and the last owner's cipher;
    /// false (with the problem reported) when it cannot be opened. Legacy clear content is reported and hashed as it is.
    /// </summary>
    private bool TryDigest(Guid owner, string purpose, byte[] sealedValue, Guid? caseId, long? seq, Span<byte> digest)
    {
        if (!TryOpen(owner, purpose, sealedValue, caseId, seq, out var plain))
        {
            return false;
        }

        SHA256.HashData(plain, digest);
        return true;
    }

    /// <summary>
    /// Opens sealed content into the reused buffer with the owner's cipher; false (with the problem reported) when it
    /// cannot be opened. Legacy clear content is reported and comes back as it is.
    /// </summary>
    private bool TryOpen(Guid owner, string purpose, byte[] sealedValue, Guid? caseId, long? seq, out ReadOnlySpan<byte> plain)
    {
        plain = default;
        if (!ContentCrypto.IsSealed(sealedValue))
        {
            Problem("Unencrypted", caseId, seq, $"Content ({purpose}) is stored in clear: run 'ethics audit reseal' once.");
            plain = sealedValue;
            return true;
        }

        if (Cipher(owner, caseId, seq) is not { } cipher)
        {
            return false;
        }

        var length = ContentCrypto.SealedLength(sealedValue);
        if (length > _plain.Length)
        {
            _plain = new byte[Math.Max(length, _plain.Length * 2)];
        }

        try
        {
            if (length < 0)
            {
                throw new CryptographicException("Sealed content is truncated.");
            }

            ContentCrypto.OpenInto(cipher, owner, purpose, sealedValue, _plain.AsSpan(0, length));
        }
        catch (CryptographicException)
        {
            Problem("SealedContent", caseId, seq, $"Sealed content ({purpose}) does not open: it was changed, or moved from another record.");
            return false;
        }

        plain = _plain.AsSpan(0, length);
        return true;
    }

    private AesGcm? Cipher(Guid owner, Guid? caseId, long? seq)
    {
        if (_cipherOwner == owner)
        {
            return _cipher;
        }

        _cipher?.Dispose();
        _cipher = DataKey(owner, caseId, seq) is { } key ? ContentCrypto.Cipher(key) : null;
        _cipherOwner = owner;
        return _cipher;
    }

    private async IAsyncEnumerable<EventRow> StreamEventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT "Seq", "CaseId", "PreviousHash", "At", "ActorId", "Actor", "Channel", "OsUser", "Action", "From", "To", "Reason", "ReasonSha256", "Data", "KeyId", "Hash"
                FROM "AuditEvents" ORDER BY "Seq"
                """;
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                yield return Read(reader);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static EventRow Read(DbDataReader r) => new(
        r.GetInt64(0),
        r.IsDBNull(1) ? null : r.GetGuid(1),
        r.GetString(2),
        DateTime.SpecifyKind(r.GetDateTime(3), DateTimeKind.Utc),
        r.IsDBNull(4) ? null : r.GetGuid(4),
        r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetFieldValue<byte[]>(11),
        r.IsDBNull(12) ? null : r.GetString(12),
        r.IsDBNull(13) ? null : r.GetString(13),
        r.IsDBNull(14) ? null : r.GetString(14),
        r.GetString(15));

    private sealed record EventRow(long Seq, Guid? CaseId, string PreviousHash, DateTime At, Guid? ActorId, string Actor, string? Channel, string? OsUser,
        string Action, string? From, string? To, byte[]? Reason, string? ReasonSha256, string? Data, string? KeyId, string Hash);
}

