using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Oversight;

namespace EthicsCases.Tests.Domain.Oversight;

public class DeadlineCalculatorTests
{
    private static readonly DeadlineCalculator Calculator = DeadlineCalculator.Default;

    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static DateTime At(int y, int m, int d, int h = 12) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    private static DateTimeOffset Now(int y, int m, int d, int h = 12) => new(y, m, d, h, 0, 0, TimeSpan.Zero);

    private static CaseClockFacts Filed(DateTime at, ConcernCategory category = ConcernCategory.CodeOfEthicsViolation) =>
        new(at, category, CaseState.Intake);

    private static CaseDeadline Get(IReadOnlyList<CaseDeadline> deadlines, DeadlineKind kind) => deadlines.Single(d => d.Kind == kind);

    [Test]
    public void Embedded_policy_loads_with_the_directive_clocks_and_a_reasoned_target_per_category()
    {
        var policy = DeadlinePolicy.Current;

        Assert.Multiple(() =>
        {
            Assert.That(policy.Version, Is.EqualTo("2026-12-v1"));
            Assert.That(DeadlinePolicy.ByVersion("2026-12-v1"), Is.SameAs(policy));
            Assert.That(policy.AcknowledgeCalendarDays, Is.EqualTo(7));
            Assert.That(policy.FeedbackMonths, Is.EqualTo(3));
            Assert.That(policy.TriageBusinessDays, Is.EqualTo(5));
            Assert.That(policy.BoardDeterminationCalendarDays, Is.EqualTo(30));
            Assert.That(policy.DueSoonDays, Is.EqualTo(2));
            Assert.That(policy.InvestigationCalendarDays(ConcernCategory.Fraud), Is.EqualTo(90));
            Assert.That(policy.InvestigationCalendarDays(ConcernCategory.SecuritiesLawViolation), Is.EqualTo(60));
            Assert.That(policy.InvestigationCalendarDays(ConcernCategory.DisclosureMatter), Is.EqualTo(30));
            Assert.That(policy.InvestigationReasons.Keys, Is.EquivalentTo(Enum.GetValues<ConcernCategory>()));
            Assert.That(policy.InvestigationReasons.Values, Has.All.Length.GreaterThan(40));
        });
    }

    [Test]
    public void Unknown_policy_version_is_rejected()
    {
        var e = Assert.Throws<ValidationFailedException>(() => DeadlinePolicy.ByVersion("1999-v9"));

        Assert.That(e!.Errors["deadlinePolicyVersion"][0], Does.Contain("2026-12-v1"));
    }

    [Test]
    public void Policy_without_a_target_for_every_category_or_with_a_zero_clock_is_rejected()
    {
        const string Json = """
            {
              "version": "x", "effectiveFrom": "2026-01-01", "dueSoonDays": 2,
              "acknowledge": { "calendarDays": 0 }, "feedback": { "months": 3 }, "triage": { "businessDays": 5 },
              "boardDetermination": { "calendarDays": 30 },
              "investigation": { "targets": { "Fraud": { "calendarDays": 90, "why": "forensics" } } }
            }
            """;

        var e = Assert.Throws<InvalidDataException>(() => DeadlinePolicy.Parse(Json));

        Assert.That(e!.Message, Does.Contain("acknowledge.calendarDays").And.Contain("investigation.targets must give a target for exactly"));
    }

    [Test]
    public void Policy_with_an_unknown_field_is_rejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => DeadlinePolicy.Parse("""{ "version": "x", "acknowledgeDays": 7 }"""));

        Assert.That(e!.Message, Does.Contain("acknowledgeDays"));
    }

    [Test]
    public void New_case_runs_acknowledge_feedback_and_triage_only()
    {
        var deadlines = Calculator.Calculate(Filed(At(2026, 3, 2)), Now(2026, 3, 2));

        Assert.Multiple(() =>
        {
            Assert.That(deadlines.Select(d => d.Kind), Is.EqualTo(new[] { DeadlineKind.Acknowledge, DeadlineKind.Feedback, DeadlineKind.Triage }));
            Assert.That(Get(deadlines, DeadlineKind.Acknowledge).Due, Is.EqualTo(new DateOnly(2026, 3, 9)));
            Assert.That(Get(deadlines, DeadlineKind.Feedback).Due, Is.EqualTo(new DateOnly(2026, 6, 2)));
            // Monday 2 March 2026: five business days later is Monday 9 March.
            Assert.That(Get(deadlines, DeadlineKind.Triage).Due, Is.EqualTo(new DateOnly(2026, 3, 9)));
            Assert.That(deadlines, Has.All.Matches<CaseDeadline>(d => d.MetAt == null && !d.Overdue && !d.DueSoon && !d.Late));
        });
    }

    [TestCase("2026-11-30", "2027-02-28", TestName = "Feedback_due_three_months_after_30_November_is_28_February")]
    [TestCase("2027-11-30", "2028-02-29", TestName = "Feedback_due_three_months_after_30_November_before_a_leap_year_is_29_February")]
    [TestCase("2026-08-31", "2026-11-30", TestName = "Feedback_due_three_months_after_31_August_is_30_November")]
    [TestCase("2028-02-29", "2028-05-29", TestName = "Feedback_due_three_months_after_29_February_is_29_May")]
    [TestCase("2026-12-31", "2027-03-31", TestName = "Feedback_due_three_months_after_31_December_is_31_March_of_the_next_year")]
    [TestCase("2026-11-29", "2027-02-28", TestName = "Feedback_due_three_months_after_29_November_is_28_February_in_a_common_year")]
    public void Feedback_due_date_uses_calendar_months_clamped_to_month_end(string filed, string due)
    {
        var filedAt = DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(23, 30), DateTimeKind.Utc);

        var feedback = Get(Calculator.Calculate(Filed(filedAt), new DateTimeOffset(filedAt)), DeadlineKind.Feedback);

        Assert.That(feedback.Due, Is.EqualTo(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Triage_skips_thanksgiving_and_the_weekend()
    {
        // Wednesday 25 November 2026; Thursday 26 is Thanksgiving. Business days: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3.
        var triage = Get(Calculator.Calculate(Filed(At(2026, 11, 25)), Now(2026, 11, 25)), DeadlineKind.Triage);

        Assert.Multiple(() =>
        {
            Assert.That(SecBusinessCalendar.Default.IsBusinessDay(new DateOnly(2026, 11, 26)), Is.False);
            Assert.That(triage.Due, Is.EqualTo(new DateOnly(2026, 12, 3)));
        });
    }

    [Test]
    public void Triage_skips_an_observed_holiday()
    {
        // Independence Day 2026 is a Saturday, observed Friday 3 July. Filed Tuesday 30 June:
        // Wed 1, Thu 2, (Fri 3 closed), Mon 6, Tue 7, Wed 8.
        var triage = Get(Calculator.Calculate(Filed(At(2026, 6, 30)), Now(2026, 6, 30)), DeadlineKind.Triage);

        Assert.That(triage.Due, Is.EqualTo(new DateOnly(2026, 7, 8)));
    }

    [Test]
    public void Configured_triage_business_days_override_the_policy()
    {
        var calculator = new DeadlineCalculator(triageBusinessDays: 3);

        var triage = Get(calculator.Calculate(Filed(At(2026, 11, 25)), Now(2026, 11, 25)), DeadlineKind.Triage);

        Assert.Multiple(() =>
        {
            Assert.That(calculator.TriageBusinessDays, Is.EqualTo(3));
            Assert.That(triage.Due, Is.EqualTo(new DateOnly(2026, 12, 1)));
        });
    }

    [Test]
    public void Triage_is_met_when_the_case_leaves_intake_and_overdue_the_day_after_its_due_date_otherwise()
    {
        var filed = Filed(At(2026, 11, 25));

        var waiting = Get(Calculator.Calculate(filed, Now(2026, 12, 4, 0)), DeadlineKind.Triage);
        var accepted = Get(Calculator.Calculate(
            filed with { State = CaseState.GeneralCounselReview, AcceptedAt = At(2026, 12, 3, 23), LeftIntakeAt = At(2026, 12, 3, 23) },
            Now(2026, 12, 10)), DeadlineKind.Triage);

        Assert.Multiple(() =>
        {
            Assert.That(waiting.Overdue, Is.True);
            Assert.That(waiting.DaysPastDue, Is.EqualTo(1));
            Assert.That(accepted.MetAt, Is.EqualTo(At(2026, 12, 3, 23)));
            Assert.That(accepted.MetOnTime, Is.True);
            Assert.That(accepted.Overdue, Is.False);
        });
    }

    [Test]
    public void Open_deadline_is_due_soon_from_two_days_before_its_due_date_until_the_due_date_itself()
    {
        var facts = Filed(At(2026, 3, 2)); // Acknowledge due 9 March.

        Assert.Multiple(() =>
        {
            Assert.That(Get(Calculator.Calculate(facts, Now(2026, 3, 6)), DeadlineKind.Acknowledge).DueSoon, Is.False, "3 days before");
            Assert.That(Get(Calculator.Calculate(facts, Now(2026, 3, 7)), DeadlineKind.Acknowledge).DueSoon, Is.True, "2 days before");
            var onTheDay = Get(Calculator.Calculate(facts, Now(2026, 3, 9, 23)), DeadlineKind.Acknowledge);
            Assert.That(onTheDay.DueSoon && !onTheDay.Overdue, Is.True, "due date, late evening: still due, not overdue");
            var after = Get(Calculator.Calculate(facts, Now(2026, 3, 10, 0)), DeadlineKind.Acknowledge);
            Assert.That(after.Overdue && !after.DueSoon, Is.True, "the day after");
            Assert.That(after.DaysPastDue, Is.EqualTo(1));
        });
    }

    [Test]
    public void Acknowledge_is_met_by_the_first_shared_reviewer_message_or_an_explicit_acknowledgement_whichever_is_first()
    {
        var facts = Filed(At(2026, 3, 2)) with
        {
            State = CaseState.GeneralCounselReview,
            LeftIntakeAt = At(2026, 3, 3),
            AcceptedAt = At(2026, 3, 3),
            FirstSharedReviewerMessageAt = At(2026, 3, 6),
            AcknowledgedAt = At(2026, 3, 4),
        };

        var acknowledge = Get(Calculator.Calculate(facts, Now(2026, 4, 1)), DeadlineKind.Acknowledge);
        var byMessage = Get(Calculator.Calculate(facts with { AcknowledgedAt = null }, Now(2026, 4, 1)), DeadlineKind.Acknowledge);

        Assert.Multiple(() =>
        {
            Assert.That(acknowledge.MetAt, Is.EqualTo(At(2026, 3, 4)));
            Assert.That(byMessage.MetAt, Is.EqualTo(At(2026, 3, 6)));
            Assert.That(byMessage.MetOnTime, Is.True);
        });
    }

    [Test]
    public void Acknowledgement_after_the_due_date_is_met_late_not_overdue()
    {
        var facts = Filed(At(2026, 3, 2)) with { AcknowledgedAt = At(2026, 3, 12) };

        var acknowledge = Get(Calculator.Calculate(facts, Now(2026, 4, 1)), DeadlineKind.Acknowledge);

        Assert.Multiple(() =>
        {
            Assert.That(acknowledge.Late, Is.True);
            Assert.That(acknowledge.MetOnTime, Is.False);
            Assert.That(acknowledge.Overdue, Is.False);
            Assert.That(acknowledge.DaysPastDue, Is.EqualTo(3));
        });
    }

    [Test]
    public void Acknowledgement_at_the_last_minute_of_the_due_date_is_on_time()
    {
        var facts = Filed(At(2026, 3, 2)) with { AcknowledgedAt = new DateTime(2026, 3, 9, 23, 59, 59, DateTimeKind.Utc) };

        var acknowledge = Get(Calculator.Calculate(facts, Now(2026, 4, 1)), DeadlineKind.Acknowledge);

        Assert.That(acknowledge.MetOnTime, Is.True);
    }

    [Test]
    public void Feedback_is_met_by_a_feedback_message_and_unmet_until_then()
    {
        var facts = Filed(At(2026, 11, 30)) with { State = CaseState.AuditCommitteeReview, AcceptedAt = At(2026, 12, 1), LeftIntakeAt = At(2026, 12, 1) };

        var overdue = Get(Calculator.Calculate(facts, Now(2027, 3, 1)), DeadlineKind.Feedback);
        var late = Get(Calculator.Calculate(facts with { FirstFeedbackAt = At(2027, 3, 2) }, Now(2027, 3, 5)), DeadlineKind.Feedback);
        var onTime = Get(Calculator.Calculate(facts with { FirstFeedbackAt = At(2027, 2, 28) }, Now(2027, 3, 5)), DeadlineKind.Feedback);

        Assert.Multiple(() =>
        {
            Assert.That(overdue.Due, Is.EqualTo(new DateOnly(2027, 2, 28)));
            Assert.That(overdue.Overdue, Is.True);
            Assert.That(late.Late, Is.True);
            Assert.That(late.DaysPastDue, Is.EqualTo(2));
            Assert.That(onTime.MetOnTime, Is.True);
        });
    }

    [Test]
    public void Dismissal_is_the_feedback_it_meets_triage_acknowledge_and_feedback_and_starts_no_investigation()
    {
        var facts = new CaseClockFacts(At(2026, 3, 2), ConcernCategory.Fraud, CaseState.Closed,
            LeftIntakeAt: At(2026, 3, 5), ClosedAt: At(2026, 3, 5));

        var deadlines = Calculator.Calculate(facts, Now(2026, 9, 1));

        Assert.Multiple(() =>
        {
            Assert.That(deadlines.Select(d => d.Kind), Is.EqualTo(new[] { DeadlineKind.Acknowledge, DeadlineKind.Feedback, DeadlineKind.Triage }));
            Assert.That(deadlines, Has.All.Matches<CaseDeadline>(d => d.MetAt == At(2026, 3, 5) && d.MetOnTime));
        });
    }

    [Test]
    public void Dismissal_after_seven_days_without_any_message_meets_acknowledge_late()
    {
        var facts = new CaseClockFacts(At(2026, 3, 2), ConcernCategory.Fraud, CaseState.Closed,
            LeftIntakeAt: At(2026, 3, 12), ClosedAt: At(2026, 3, 12));

        var deadlines = Calculator.Calculate(facts, Now(2026, 9, 1));

        Assert.Multiple(() =>
        {
            Assert.That(Get(deadlines, DeadlineKind.Acknowledge).Late, Is.True);
            Assert.That(Get(deadlines, DeadlineKind.Feedback).MetOnTime, Is.True);
            Assert.That(Get(deadlines, DeadlineKind.Triage).Late, Is.True, "5 business days from Monday 2 March is Monday 9 March");
            Assert.That(deadlines, Has.None.Matches<CaseDeadline>(d => d.Overdue));
        });
    }

    [TestCase(ConcernCategory.Fraud, "2026-06-01")]
    [TestCase(ConcernCategory.SecuritiesLawViolation, "2026-05-02")]
    [TestCase(ConcernCategory.DisclosureMatter, "2026-04-02")]
    public void Investigation_runs_from_acceptance_for_the_category_target(ConcernCategory category, string due)
    {
        var facts = new CaseClockFacts(At(2026, 2, 27), category, CaseState.AuditCommitteeReview,
            AcceptedAt: At(2026, 3, 3), LeftIntakeAt: At(2026, 3, 3));

        var investigation = Get(Calculator.Calculate(facts, Now(2026, 3, 10)), DeadlineKind.Investigation);

        Assert.That(investigation.Due, Is.EqualTo(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Investigation_is_met_at_closing_and_runs_again_when_the_case_is_reopened()
    {
        var closed = new CaseClockFacts(At(2026, 1, 5), ConcernCategory.DisclosureMatter, CaseState.Closed,
            AcceptedAt: At(2026, 1, 6), LeftIntakeAt: At(2026, 1, 6), FirstFeedbackAt: At(2026, 2, 1), ClosedAt: At(2026, 2, 10));
        // Reopen clears ClosedAt on the case; the earlier feedback stays.
        var reopened = closed with { State = CaseState.AuditCommitteeReview, ClosedAt = null };

        var whenClosed = Get(Calculator.Calculate(closed, Now(2026, 4, 1)), DeadlineKind.Investigation);
        var whenReopened = Calculator.Calculate(reopened, Now(2026, 4, 1));

        Assert.Multiple(() =>
        {
            Assert.That(whenClosed.Due, Is.EqualTo(new DateOnly(2026, 2, 5)));
            Assert.That(whenClosed.MetAt, Is.EqualTo(At(2026, 2, 10)));
            Assert.That(whenClosed.Late, Is.True);
            Assert.That(Get(whenReopened, DeadlineKind.Investigation).Overdue, Is.True);
            Assert.That(Get(whenReopened, DeadlineKind.Feedback).MetOnTime, Is.True);
            Assert.That(Get(whenReopened, DeadlineKind.Triage).MetOnTime, Is.True);
        });
    }

    [Test]
    public void Board_determination_runs_from_the_request_and_is_met_by_the_recorded_determination()
    {
        var facts = new CaseClockFacts(At(2026, 1, 5), ConcernCategory.Fraud, CaseState.BoardDetermination,
            AcceptedAt: At(2026, 1, 6), LeftIntakeAt: At(2026, 1, 6), BoardRequestedAt: At(2026, 3, 2));

        var before = Calculator.Calculate(facts with { State = CaseState.AuditCommitteeReview, BoardRequestedAt = null }, Now(2026, 3, 1));
        var waiting = Get(Calculator.Calculate(facts, Now(2026, 3, 30)), DeadlineKind.BoardDetermination);
        var overdue = Get(Calculator.Calculate(facts, Now(2026, 4, 2)), DeadlineKind.BoardDetermination);
        var determined = Get(Calculator.Calculate(
            facts with { State = CaseState.Closed, DeterminedAt = At(2026, 3, 25), ClosedAt = At(2026, 3, 25) }, Now(2026, 4, 2)),
            DeadlineKind.BoardDetermination);

        Assert.Multiple(() =>
        {
            Assert.That(before.Select(d => d.Kind), Has.No.Member(DeadlineKind.BoardDetermination));
            Assert.That(waiting.Due, Is.EqualTo(new DateOnly(2026, 4, 1)));
            Assert.That(waiting.DueSoon, Is.True);
            Assert.That(overdue.Overdue, Is.True);
            Assert.That(determined.MetOnTime, Is.True);
        });
    }

    [Test]
    public void Determination_recorded_before_a_new_request_does_not_meet_it()
    {
        var facts = new CaseClockFacts(At(2026, 1, 5), ConcernCategory.Fraud, CaseState.BoardDetermination,
            AcceptedAt: At(2026, 1, 6), LeftIntakeAt: At(2026, 1, 6), DeterminedAt: At(2026, 2, 1), BoardRequestedAt: At(2026, 3, 2));

        var board = Get(Calculator.Calculate(facts, Now(2026, 3, 10)), DeadlineKind.BoardDetermination);

        Assert.That(board.MetAt, Is.Null);
    }

    [Test]
    public void Finding_of_the_form4_monitor_has_no_reporter_clocks()
    {
        var facts = Filed(At(2026, 3, 2), ConcernCategory.SecuritiesLawViolation) with { HasReporterToInform = false };

        var deadlines = Calculator.Calculate(facts, Now(2026, 3, 2));

        Assert.That(deadlines.Select(d => d.Kind), Is.EqualTo(new[] { DeadlineKind.Triage }));
    }

    [Test]
    public void Deadline_serialises_with_the_contract_fields_and_the_kind_by_name()
    {
        var acknowledge = Get(Calculator.Calculate(Filed(At(2026, 3, 2)), Now(2026, 3, 10)), DeadlineKind.Acknowledge);

        var json = System.Text.Json.JsonSerializer.Serialize(acknowledge, WebJson);

        Assert.That(json, Does.StartWith("""{"kind":"Acknowledge","due":"2026-03-09","metAt":null,"overdue":true,"""));
    }

    [Test]
    public void Closed_case_without_its_closing_time_is_rejected()
    {
        var facts = Filed(At(2026, 3, 2)) with { State = CaseState.Closed };

        Assert.Throws<ArgumentException>(() => Calculator.Calculate(facts, Now(2026, 3, 2)));
    }
}
