using System.Text.Json;
using System.Text.Json.Serialization;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Domain.Oversight;

/// <summary>One event of a case's record as metrics read it: what happened, when, and the actor's label (never content).</summary>
/// <param name="Action">The event's action (<c>Filed</c>, a trigger, <c>ReporterMessage</c>...).</param>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">The actor's e-mail or label (<see cref="EthicsCase.AnonymousReporter"/>, the Form 4 monitor's label).</param>
public sealed record CaseEventFact(string Action, DateTime At, string Actor);

/// <summary>
/// Builds a case's <see cref="CaseFact"/> from its row, its record and its newest determination: the one definition both
/// the maintained buckets and a live recomputation use, so they cannot drift apart.
/// <list type="bullet">
/// <item>Anonymous: the <c>Filed</c> event's actor is <see cref="EthicsCase.AnonymousReporter"/>; from the Form 4
/// monitor: it is <see cref="Form4MonitorLabel"/>.</item>
/// <item>Anonymous follow-up: the anonymous reporter posted at least one message (<c>ReporterMessage</c>).</item>
/// <item>Deadlines: only clocks <b>met</b> by an event (on time or late). Whether an unmet clock is overdue changes with
/// the calendar, not with an event, so it cannot be maintained by events; overdue clocks are listed live (the quarterly
/// report's overdue section).</item>
/// </list>
/// </summary>
public static class CaseFacts
{
    /// <summary>The label the Form 4 monitor files under (<c>ImportForm4.MonitorLabel</c>).</summary>
    public const string Form4MonitorLabel = "Form 4 monitor";

    /// <summary>The record's actions a fact depends on (the others can be skipped when reading the record).</summary>
    public static IReadOnlyList<string> RelevantActions { get; } =
    [
        "Filed", nameof(CaseTrigger.Accept), nameof(CaseTrigger.Dismiss), nameof(CaseTrigger.Reopen),
        nameof(CaseTrigger.RequestBoardDetermination), nameof(CaseTrigger.RecordDetermination),
        "MessageToReporter", "ReporterMessage", "Acknowledged", "FeedbackGiven",
    ];

    /// <summary>The fact of a case.</summary>
    /// <param name="category">Its category.</param>
    /// <param name="filedAt">When filed.</param>
    /// <param name="state">Its state now.</param>
    /// <param name="closedAt">When closed (null while open).</param>
    /// <param name="outcome">Its outcome (null while open).</param>
    /// <param name="events">Its record (any order; irrelevant actions are ignored).</param>
    /// <param name="sanctions">The actions of its newest determination (empty when none or no violation).</param>
    /// <param name="incidentDate">The incident date the reporter gave, if any.</param>
    /// <param name="calculator">The deadline calculator; the default policy when null.</param>
    public static CaseFact From(ConcernCategory category, DateTime filedAt, CaseState state, DateTime? closedAt, CaseOutcome? outcome,
        IEnumerable<CaseEventFact> events, IReadOnlyList<Sanction> sanctions, DateOnly? incidentDate = null, DeadlineCalculator? calculator = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(sanctions);
        var record = events.OrderBy(e => e.At).ToList();
        var filedBy = record.FirstOrDefault(e => e.Action == "Filed")?.Actor;
        var anonymous = filedBy == EthicsCase.AnonymousReporter;
        var form4 = filedBy == Form4MonitorLabel;
        var closed = state == CaseState.Closed ? closedAt : null;

        var clocks = Clocks(category, filedAt, state, closedAt, record);
        // The time only decides overdue and due-soon, which a fact leaves out.
        var deadlines = (calculator ?? DeadlineCalculator.Default).Calculate(clocks, closed ?? record.LastOrDefault()?.At ?? filedAt)
            .Where(d => d.MetAt is not null)
            .ToList();

        return new CaseFact(
            filedAt,
            incidentDate,
            category,
            anonymous,
            anonymous && record.Any(e => e.Action == "ReporterMessage" && e.Actor == EthicsCase.AnonymousReporter),
            closed,
            closed is null ? null : outcome,
            closed is not null && outcome == CaseOutcome.ViolationFound ? sanctions.Distinct().Order().ToList() : [],
            DeadlineResult.From(deadlines),
            form4);
    }

    /// <summary>The clock facts of a case from its record (for <see cref="DeadlineCalculator"/>).</summary>
    public static CaseClockFacts Clocks(ConcernCategory category, DateTime filedAt, CaseState state, DateTime? closedAt, IEnumerable<CaseEventFact> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var record = events.OrderBy(e => e.At).ToList();
        DateTime? First(params string[] actions) => record.FirstOrDefault(e => actions.Contains(e.Action))?.At;
        DateTime? Last(string action) => record.LastOrDefault(e => e.Action == action)?.At;
        return new CaseClockFacts(
            filedAt,
            category,
            state,
            AcceptedAt: First(nameof(CaseTrigger.Accept), nameof(CaseTrigger.Reopen)),
            FirstSharedReviewerMessageAt: First("MessageToReporter"),
            AcknowledgedAt: First("Acknowledged"),
            FirstFeedbackAt: First("FeedbackGiven"),
            LeftIntakeAt: First(nameof(CaseTrigger.Accept), nameof(CaseTrigger.Dismiss)),
            BoardRequestedAt: Last(nameof(CaseTrigger.RequestBoardDetermination)),
            DeterminedAt: Last(nameof(CaseTrigger.RecordDetermination)),
            ClosedAt: state == CaseState.Closed ? closedAt : null)
        {
            HasReporterToInform = record.FirstOrDefault(e => e.Action == "Filed")?.Actor != Form4MonitorLabel,
        };
    }

    /// <summary>The fact as JSON (stored beside the buckets so it can be subtracted exactly).</summary>
    public static string ToJson(CaseFact fact) => JsonSerializer.Serialize(fact, Options);

    /// <summary>Reads a fact written by <see cref="ToJson"/>.</summary>
    public static CaseFact FromJson(string json) =>
        JsonSerializer.Deserialize<CaseFact>(json, Options) ?? throw new InvalidDataException("The case fact JSON is empty.");

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };
}
