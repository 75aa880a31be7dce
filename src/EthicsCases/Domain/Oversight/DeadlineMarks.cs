namespace EthicsCases.Domain.Oversight;

/// <summary>
/// The instants a case's clocks need, kept on the case as columns so that lists and the deadline scan read them
/// without replaying events. Derived from the case's audit events only: the case applies each event as it records
/// it, and the record's verifier replays the same rule from the stored events, so a column changed by hand shows.
/// </summary>
/// <param name="AcknowledgedAt">When Acknowledge was met: an explicit acknowledgement, the first reviewer message
/// shared with the reporter, or the first closing (the reporter is told the outcome).</param>
/// <param name="FeedbackGivenAt">When Feedback was met: the first shared message marked as feedback, or the first closing.</param>
/// <param name="AcceptedAt">When the case first entered a review state (Accept, or the Reopen of a dismissed case).</param>
/// <param name="LeftIntakeAt">When the case left Intake (Accept or Dismiss).</param>
/// <param name="DeterminationRequestedAt">The latest request for the Board's determination.</param>
/// <param name="DeterminedAt">The latest recorded determination.</param>
public readonly record struct DeadlineMarks(
    DateTime? AcknowledgedAt,
    DateTime? FeedbackGivenAt,
    DateTime? AcceptedAt,
    DateTime? LeftIntakeAt,
    DateTime? DeterminationRequestedAt,
    DateTime? DeterminedAt)
{
    /// <summary>The audit action of an explicit acknowledgement.</summary>
    public const string AcknowledgedAction = "Acknowledged";

    /// <summary>The marks after one more event of the case.</summary>
    /// <param name="action">The event's action (a trigger name, <c>MessageToReporter</c>, <c>Acknowledged</c>...).</param>
    /// <param name="from">The state it left, for a transition.</param>
    /// <param name="to">The state it entered, for a transition.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="feedback">For <c>MessageToReporter</c>: the message was marked as feedback.</param>
    public DeadlineMarks Apply(string action, string? from, string? to, DateTime at, bool feedback = false)
    {
        var marks = this;
        switch (action)
        {
            case AcknowledgedAction:
                marks = marks with { AcknowledgedAt = AcknowledgedAt ?? at };
                break;
            case "MessageToReporter":
                marks = marks with
                {
                    AcknowledgedAt = AcknowledgedAt ?? at,
                    FeedbackGivenAt = feedback ? FeedbackGivenAt ?? at : FeedbackGivenAt,
                };
                break;
            case "RequestBoardDetermination":
                marks = marks with { DeterminationRequestedAt = at };
                break;
            case "RecordDetermination":
                marks = marks with { DeterminedAt = at };
                break;
        }

        if (from == nameof(CaseState.Intake) && to is not null && to != nameof(CaseState.Intake))
        {
            marks = marks with { LeftIntakeAt = marks.LeftIntakeAt ?? at };
        }

        if (to is nameof(CaseState.GeneralCounselReview) or nameof(CaseState.AuditCommitteeReview))
        {
            marks = marks with { AcceptedAt = marks.AcceptedAt ?? at };
        }

        // The reporter reads the outcome (and a dismissal's reason) once the case closes: that is their answer, and it
        // stays given when the case is reopened.
        if (to == nameof(CaseState.Closed) && from is not null)
        {
            marks = marks with { AcknowledgedAt = marks.AcknowledgedAt ?? at, FeedbackGivenAt = marks.FeedbackGivenAt ?? at };
        }

        return marks;
    }
}
