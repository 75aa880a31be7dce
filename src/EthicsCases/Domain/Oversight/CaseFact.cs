using System.Text.Json.Serialization;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Domain.Oversight;

/// <summary>
/// What program metrics know about one case: no words, no names. A fact is a snapshot: when anything in it changes
/// (the case closes or reopens, a deadline is met or passes its due date, an anonymous reporter writes back), subtract
/// the old fact from the buckets and add the new one (<see cref="MetricsBucket"/>).
/// </summary>
/// <param name="FiledAt">When the concern was filed (UTC): the report counts in that quarter.</param>
/// <param name="IncidentDate">When the reporter says it happened; null when not given.</param>
/// <param name="Category">The SOP category.</param>
/// <param name="Anonymous">Filed without a name.</param>
/// <param name="AnonymousFollowedUp">The anonymous reporter came back and posted a message (ignored for named reports).</param>
/// <param name="ClosedAt">When it was closed (UTC); null while open. Closure statistics count in that quarter.</param>
/// <param name="Outcome">The outcome once closed.</param>
/// <param name="Sanctions">The actions determined (a violation found); each counts once per case.</param>
/// <param name="Deadlines">The clocks that are settled: met (on time or late) or overdue. Open clocks not yet due are left
/// out, since they may still go either way.</param>
/// <param name="FromForm4Monitor">Filed by the Form 4 monitor rather than by a person.</param>
public sealed record CaseFact(
    DateTime FiledAt,
    DateOnly? IncidentDate,
    ConcernCategory Category,
    bool Anonymous,
    bool AnonymousFollowedUp,
    DateTime? ClosedAt,
    CaseOutcome? Outcome,
    IReadOnlyList<Sanction> Sanctions,
    IReadOnlyList<DeadlineResult> Deadlines,
    bool FromForm4Monitor)
{
    /// <summary>The quarter the report counts in.</summary>
    public Quarter FilingQuarter => Quarter.Of(FiledAt);

    /// <summary>The quarter the closure counts in; null while open.</summary>
    public Quarter? ClosingQuarter => ClosedAt is { } closed ? Quarter.Of(closed) : null;

    /// <summary>Calendar days from filing to closing (UTC dates); null while open.</summary>
    public int? DaysToClose => ClosedAt is { } closed ? Days(Clock.UtcDate(FiledAt), Clock.UtcDate(closed)) : null;

    /// <summary>
    /// Calendar days from the incident to the report; null when no incident date was given. An incident date after the
    /// UTC filing date (a reporter ahead of UTC naming "today") counts as 0: reported the same day. Spans beyond
    /// <see cref="DayHistogram.MaxDays"/> count as that.
    /// </summary>
    public int? DaysIncidentToReport => IncidentDate is { } incident ? Days(incident, Clock.UtcDate(FiledAt)) : null;

    private static int Days(DateOnly from, DateOnly to) => Math.Clamp(to.DayNumber - from.DayNumber, 0, DayHistogram.MaxDays);

    /// <summary>
    /// Whether it is a report from a person. The Form 4 monitor's findings are not: they are left out of the measures
    /// NAVEX benchmarks people's reporting by (volume, anonymity, follow-up, incident to report) and counted on their own.
    /// </summary>
    public bool IsPersonReport => !FromForm4Monitor;

    internal void Validate()
    {
        if ((ClosedAt is null) != (Outcome is null))
        {
            throw new ArgumentException("A case fact has both ClosedAt and Outcome (closed) or neither (open).");
        }

        if (ClosedAt is { } closed && closed < FiledAt)
        {
            throw new ArgumentException("A case cannot close before it was filed.");
        }

        ArgumentNullException.ThrowIfNull(Sanctions);
        ArgumentNullException.ThrowIfNull(Deadlines);
        var seen = 0;
        foreach (var deadline in Deadlines)
        {
            var bit = 1 << (int)deadline.Kind;
            if ((seen & bit) != 0)
            {
                throw new ArgumentException("A case fact gives each deadline kind at most once.");
            }

            seen |= bit;
        }
    }
}

/// <summary>How a settled clock ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineStatus>))]
public enum DeadlineStatus
{
    /// <summary>Met on or before its due date.</summary>
    MetOnTime,

    /// <summary>Met after its due date.</summary>
    MetLate,

    /// <summary>Not met, and past its due date.</summary>
    Overdue,
}

/// <summary>A settled clock of a case, for metrics.</summary>
/// <param name="Kind">Which clock.</param>
/// <param name="Status">How it ended (so far: an overdue clock becomes late when met).</param>
public sealed record DeadlineResult(DeadlineKind Kind, DeadlineStatus Status)
{
    /// <summary>The settled clocks among a case's deadlines (from <see cref="DeadlineCalculator"/>).</summary>
    public static IReadOnlyList<DeadlineResult> From(IEnumerable<CaseDeadline> deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return deadlines
            .Select(d => d switch
            {
                { MetAt: not null, Late: false } => new DeadlineResult(d.Kind, DeadlineStatus.MetOnTime),
                { MetAt: not null, Late: true } => new DeadlineResult(d.Kind, DeadlineStatus.MetLate),
                { Overdue: true } => new DeadlineResult(d.Kind, DeadlineStatus.Overdue),
                _ => null,
            })
            .OfType<DeadlineResult>()
            .ToList();
    }
}
