using System.Text.Json;
using EthicsCases.Domain;

namespace EthicsCases.Features.Audit;

/// <summary>One discrepancy between the record and the rows, or within the record.</summary>
/// <param name="Kind">What kind: <c>EventMac</c>, <c>ChainLink</c>, <c>SequenceGap</c>, <c>Head</c>, <c>CaseState</c>, <c>MessageContent</c>...</param>
/// <param name="CaseId">The case concerned, when there is one.</param>
/// <param name="EventSeq">The event concerned, when there is one.</param>
/// <param name="Detail">What differs, in words.</param>
public sealed record AuditProblem(string Kind, Guid? CaseId, long? EventSeq, string Detail);

/// <summary>What the events say a case is now.</summary>
internal sealed class CaseReplay(Guid id)
{
    public Guid Id { get; } = id;

    public bool Filed { get; set; }

    public long FiledSeq { get; set; }

    public string? Category { get; set; }

    public CaseState State { get; set; } = CaseState.Intake;

    public CaseOutcome? Outcome { get; set; }

    public List<string> RoutedTo { get; set; } = [];

    public bool GeneralCounselRecused { get; set; }

    public HashSet<Guid>? SubjectIds { get; set; }

    public List<string>? SubjectEmails { get; set; }

    public Guid? ReporterId { get; set; }

    public bool ReporterKnown { get; set; }

    public DateTime FiledAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public bool ReferredToBoard { get; set; }

    public Domain.Oversight.DeadlineMarks Marks { get; set; }

    public DateOnly? IncidentDate { get; set; }

    public string LastHash { get; set; } = "";

    public string? SummarySha256 { get; set; }

    public string? DetailsSha256 { get; set; }

    public bool ContentCommitted { get; set; }

    public long? PurgedSeq { get; set; }

    // Most cases have no messages, documents or determinations: the collections are made on first use, so that a record
    // of a million events keeps a small heap (fewer full collections while it is replayed).
    public Dictionary<Guid, RecordedMessage> Messages => AnyMessages ??= [];

    public Dictionary<Guid, RecordedMessage>? AnyMessages { get; private set; }

    public Dictionary<Guid, RecordedEvidence> Evidence => AnyEvidence ??= [];

    public Dictionary<Guid, RecordedEvidence>? AnyEvidence { get; private set; }

    public Dictionary<Guid, RecordedDetermination> Determinations => AnyDeterminations ??= [];

    public Dictionary<Guid, RecordedDetermination>? AnyDeterminations { get; private set; }

    public Dictionary<Guid, bool> Holds => _holds ??= [];

    public List<long> ReasonsMissing => AnyReasonsMissing ??= [];

    public List<long>? AnyReasonsMissing { get; private set; }

    private Dictionary<Guid, bool>? _holds;
}

internal sealed record RecordedMessage(long Seq, string Sha256, bool? SharedWithReporter, bool FromReporter);

internal sealed record RecordedEvidence(long Seq, string Sha256, string? FileNameSha256, string? FileName, long? Length);

internal sealed class RecordedDetermination(long seq)
{
    public long Seq { get; } = seq;

    public string? RationaleSha256 { get; set; }

    public string? AdvisedOverrideReasonSha256 { get; set; }

    public string? DepartureRationaleSha256 { get; set; }

    public string? NoticeSha256 { get; set; }

    public string? FactsSha256 { get; set; }

    public bool TextsCommitted { get; set; }
}

internal sealed record RecordedAdvice(long Seq, Guid? PersonId, string? PersonEmail, string? Category, string? Date, string? SummarySha256);

internal sealed class PersonReplay
{
    public long Seq { get; set; }

    public string? Email { get; set; }

    public HashSet<string>? Roles { get; set; }

    public bool? Active { get; set; }

    public bool LinkKnown { get; set; }

    public Guid? TenantId { get; set; }

    public Guid? ObjectId { get; set; }
}

/// <summary>Reads the structured data of events; tolerant of events written before a field existed.</summary>
internal static class EventData
{
    public static JsonElement? Parse(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }

        try
        {
            // One parse into an element that owns its memory (no pooled document to clone and return).
            return JsonSerializer.Deserialize<JsonElement>(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Text(this JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool? Bool(this JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean()
            : null;

    public static long? Number(this JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    public static Guid? Id(this JsonElement? e, string name) =>
        Guid.TryParse(e.Text(name), out var id) ? id : null;

    public static bool Has(this JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out _);

    public static List<string>? Strings(this JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(x => x.ToString()).ToList()
            : null;

    public static JsonElement? Object(this JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;
}
