using EthicsCases.Domain.Filings;

namespace EthicsCases.Domain.Oversight;

/// <summary>
/// What the clocks of one case need to know, read from the case and its history. Times are UTC instants; null means
/// "has not happened". A fact that has happened more than once (two feedback messages) is passed as its first time,
/// except where noted.
/// </summary>
/// <param name="FiledAt">When the concern was filed.</param>
/// <param name="Category">The SOP category (chooses the investigation target).</param>
/// <param name="State">The current top-level state.</param>
/// <param name="AcceptedAt">When the case first entered a review state: the Accept trigger, or the Reopen of a dismissed
/// case. Starts the investigation clock.</param>
/// <param name="FirstSharedReviewerMessageAt">The first reviewer message shared with the reporter (meets Acknowledge).</param>
/// <param name="AcknowledgedAt">An explicit "acknowledged" (meets Acknowledge).</param>
/// <param name="FirstFeedbackAt">The first shared message marked as feedback (meets Feedback). For a reopened case whose
/// earlier closing was the only feedback, pass that closing here: the reporter was told.</param>
/// <param name="LeftIntakeAt">When the case left Intake, by Accept or Dismiss (meets Triage).</param>
/// <param name="BoardRequestedAt">The latest RequestBoardDetermination (starts the BoardDetermination clock).</param>
/// <param name="DeterminedAt">The latest recorded determination (meets BoardDetermination when not before the request).</param>
/// <param name="ClosedAt">When the case was closed; required while it is <see cref="CaseState.Closed"/>, ignored otherwise
/// (a reopened case is open again).</param>
public sealed record CaseClockFacts(
    DateTime FiledAt,
    ConcernCategory Category,
    CaseState State,
    DateTime? AcceptedAt = null,
    DateTime? FirstSharedReviewerMessageAt = null,
    DateTime? AcknowledgedAt = null,
    DateTime? FirstFeedbackAt = null,
    DateTime? LeftIntakeAt = null,
    DateTime? BoardRequestedAt = null,
    DateTime? DeterminedAt = null,
    DateTime? ClosedAt = null)
{
    /// <summary>
    /// False when nobody filed the case who could be acknowledged or given feedback (a finding of the Form 4 monitor):
    /// the Acknowledge and Feedback clocks then do not run. Anonymous reporters can be reached (they read replies with
    /// their credential), so their clocks run.
    /// </summary>
    public bool HasReporterToInform { get; init; } = true;
}

/// <summary>One clock of a case.</summary>
/// <param name="Kind">Which clock.</param>
/// <param name="Due">The due date: the deadline is the end of that day, UTC.</param>
/// <param name="MetAt">When it was met; null while it is not.</param>
/// <param name="Overdue">Not met and the due date has passed.</param>
/// <param name="DueSoon">Not met, not overdue, and due within the policy's due-soon window (2 days: today, tomorrow or the day after).</param>
/// <param name="Late">Met, but after the due date.</param>
/// <param name="DaysPastDue">Days past the due date: to today while overdue, to the day it was met when late; otherwise 0.</param>
public sealed record CaseDeadline(DeadlineKind Kind, DateOnly Due, DateTime? MetAt, bool Overdue, bool DueSoon, bool Late, int DaysPastDue)
{
    /// <summary>Met on or before the due date.</summary>
    public bool MetOnTime => MetAt is not null && !Late;
}

/// <summary>
/// Works out a case's clocks from <see cref="CaseClockFacts"/> and the time now. Pure: no clock, no database.
/// <list type="bullet">
/// <item>A clock that does not apply yet is absent: Investigation before acceptance, BoardDetermination before the
/// request; Acknowledge and Feedback when there is no reporter to inform.</item>
/// <item>Dates are UTC calendar dates. A deadline is due at the end of its due date and met on time when the meeting
/// event's UTC date is on or before it.</item>
/// <item>Closing a case meets Acknowledge and Feedback if nothing met them before: the reporter sees the outcome (and
/// for a dismissal the reason), which is the final feedback. A closing after the due date still counts, as late.</item>
/// <item>Closing meets Investigation; recording the determination meets BoardDetermination; leaving Intake (Accept or
/// Dismiss) meets Triage. So a closed case has no overdue clock.</item>
/// </list>
/// </summary>
public sealed class DeadlineCalculator
{
    private readonly SecBusinessCalendar _calendar;

    /// <summary>A calculator for a policy and business-day calendar.</summary>
    /// <param name="policy">The deadline policy; the current one by default.</param>
    /// <param name="calendar">Business days for Triage; the SEC calendar by default.</param>
    /// <param name="triageBusinessDays">Overrides the policy's triage business days (configuration
    /// <c>Triage:OverdueAfterBusinessDays</c>); null keeps the policy's.</param>
    public DeadlineCalculator(DeadlinePolicy? policy = null, SecBusinessCalendar? calendar = null, int? triageBusinessDays = null)
    {
        if (triageBusinessDays is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(triageBusinessDays), triageBusinessDays, "Triage needs at least one business day.");
        }

        Policy = policy ?? DeadlinePolicy.Current;
        _calendar = calendar ?? SecBusinessCalendar.Default;
        TriageBusinessDays = triageBusinessDays ?? Policy.TriageBusinessDays;
    }

    /// <summary>The current policy on the SEC calendar.</summary>
    public static DeadlineCalculator Default { get; } = new();

    /// <summary>The policy the due dates come from.</summary>
    public DeadlinePolicy Policy { get; }

    /// <summary>The triage business days in effect (the policy's, or the override).</summary>
    public int TriageBusinessDays { get; }

    /// <summary>The case's clocks that apply now, in <see cref="DeadlineKind"/> order.</summary>
    /// <exception cref="ArgumentException">A closed case without <see cref="CaseClockFacts.ClosedAt"/>.</exception>
    public IReadOnlyList<CaseDeadline> Calculate(CaseClockFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.State == CaseState.Closed && facts.ClosedAt is null)
        {
            throw new ArgumentException("A closed case needs ClosedAt: closing meets its clocks.", nameof(facts));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var filed = Clock.UtcDate(facts.FiledAt);
        var closed = facts.State == CaseState.Closed ? facts.ClosedAt : null;
        var deadlines = new List<CaseDeadline>(5);

        if (facts.HasReporterToInform)
        {
            deadlines.Add(Deadline(DeadlineKind.Acknowledge, filed.AddDays(Policy.AcknowledgeCalendarDays),
                Earliest(facts.FirstSharedReviewerMessageAt, facts.AcknowledgedAt, closed), today));
            // DateOnly.AddMonths keeps the day of month, or the last day of a shorter month: 30 Nov -> 28/29 Feb.
            deadlines.Add(Deadline(DeadlineKind.Feedback, filed.AddMonths(Policy.FeedbackMonths),
                Earliest(facts.FirstFeedbackAt, closed), today));
        }

        deadlines.Add(Deadline(DeadlineKind.Triage, _calendar.AddBusinessDays(filed, TriageBusinessDays),
            facts.LeftIntakeAt ?? facts.AcceptedAt ?? closed, today));

        if (facts.AcceptedAt is { } accepted)
        {
            deadlines.Add(Deadline(DeadlineKind.Investigation,
                Clock.UtcDate(accepted).AddDays(Policy.InvestigationCalendarDays(facts.Category)),
                closed >= accepted ? closed : null, today));
        }

        if (facts.BoardRequestedAt is { } requested)
        {
            // An older determination (before a reopen and a new request) does not answer the new request.
            var met = facts.DeterminedAt >= requested ? facts.DeterminedAt : closed >= requested ? closed : null;
            deadlines.Add(Deadline(DeadlineKind.BoardDetermination,
                Clock.UtcDate(requested).AddDays(Policy.BoardDeterminationCalendarDays), met, today));
        }

        return deadlines;
    }

    private CaseDeadline Deadline(DeadlineKind kind, DateOnly due, DateTime? metAt, DateOnly today)
    {
        if (metAt is { } met)
        {
            var metOn = Clock.UtcDate(met);
            return new CaseDeadline(kind, due, met, Overdue: false, DueSoon: false, Late: metOn > due,
                DaysPastDue: Math.Max(0, metOn.DayNumber - due.DayNumber));
        }

        var daysLeft = due.DayNumber - today.DayNumber;
        return new CaseDeadline(kind, due, null, Overdue: daysLeft < 0, DueSoon: daysLeft >= 0 && daysLeft <= Policy.DueSoonDays,
            Late: false, DaysPastDue: Math.Max(0, -daysLeft));
    }

    private static DateTime? Earliest(params DateTime?[] times) =>
        times.Where(t => t is not null).Min();
}
