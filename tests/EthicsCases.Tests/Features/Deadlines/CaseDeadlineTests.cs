using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Features.Anonymous;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Messages;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Deadlines;

/// <summary>Clocks on every case, read from the case's stored columns (the test clock starts Monday 2 March 2026, 09:00 UTC).</summary>
public sealed class CaseDeadlineTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static readonly DateOnly Filed = new(2026, 3, 2);

    private Task<FiledConcern> FileAsync(params string[] subjects) =>
        Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gifts above limits", null, subjects));

    [Test]
    public async Task A_new_case_shows_its_reviewer_the_acknowledge_feedback_and_triage_deadlines()
    {
        var filed = await FileAsync();

        var shown = await Db.SendAs(Cast.GeneralCounsel, new ShowCase(filed.Reference));

        Assert.Multiple(() =>
        {
            Assert.That(shown.Deadlines.Select(d => (d.Kind, d.Due)), Is.EqualTo(new[]
            {
                (DeadlineKind.Acknowledge, Filed.AddDays(7)),
                (DeadlineKind.Feedback, new DateOnly(2026, 6, 2)),
                (DeadlineKind.Triage, new DateOnly(2026, 3, 9)),
            }));
            Assert.That(shown.Deadlines.Select(d => d.MetAt), Is.All.Null);
            Assert.That(shown.Deadlines.Select(d => d.Overdue), Is.All.False);
            Assert.That(shown.CanAcknowledge, Is.True);
        });
    }

    [Test]
    public async Task A_shared_reviewer_message_meets_acknowledge_and_a_feedback_message_meets_feedback()
    {
        var filed = await FileAsync();
        Db.Clock.Advance(TimeSpan.FromDays(1));
        await Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "Internal note", SharedWithReporter: false));
        var afterNote = await Db.SendAs(Cast.GeneralCounsel, new ShowCase(filed.Reference));
        Db.Clock.Advance(TimeSpan.FromDays(1));
        var ackAt = Db.Clock.GetUtcNow().UtcDateTime;
        await Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "We have your report.", SharedWithReporter: true));
        Db.Clock.Advance(TimeSpan.FromDays(30));
        var feedbackAt = Db.Clock.GetUtcNow().UtcDateTime;
        await Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "We looked into it.", SharedWithReporter: true, Feedback: true));

        var shown = await Db.SendAs(Cast.GeneralCounsel, new ShowCase(filed.Reference));
        var stored = await Db.Read(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == filed.CaseId));
        var lastEvent = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == filed.CaseId).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Multiple(() =>
        {
            Assert.That(afterNote.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge).MetAt, Is.Null, "a private note is not an acknowledgement");
            Assert.That(shown.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge).MetAt, Is.EqualTo(ackAt));
            Assert.That(shown.Deadlines.Single(d => d.Kind == DeadlineKind.Feedback).MetAt, Is.EqualTo(feedbackAt));
            Assert.That(shown.Deadlines.Single(d => d.Kind == DeadlineKind.Feedback).MetOnTime, Is.True);
            Assert.That(stored.AcknowledgedAt, Is.EqualTo(ackAt));
            Assert.That(stored.FeedbackGivenAt, Is.EqualTo(feedbackAt));
            Assert.That(lastEvent.Data, Does.Contain("\"feedback\":true"));
            Assert.That(shown.CanAcknowledge, Is.False);
        });
    }

    [Test]
    public async Task A_plain_shared_message_does_not_meet_feedback()
    {
        var filed = await FileAsync();
        await Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "We have your report.", SharedWithReporter: true));

        var shown = await Db.SendAs(Cast.GeneralCounsel, new ShowCase(filed.Reference));

        Assert.That(shown.Deadlines.Single(d => d.Kind == DeadlineKind.Feedback).MetAt, Is.Null);
    }

    [Test]
    public async Task Feedback_on_a_private_note_is_rejected()
    {
        var filed = await FileAsync();

        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "note", SharedWithReporter: false, Feedback: true)),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("feedback"));
        Assert.That(await Db.Read(db => db.CaseMessages.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Acknowledge_is_recorded_once_and_a_second_one_is_refused()
    {
        var filed = await FileAsync();
        Db.Clock.Advance(TimeSpan.FromDays(2));

        var acknowledged = await Db.SendAs(Cast.GeneralCounsel, new AcknowledgeReport(filed.Reference));

        var events = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == filed.CaseId).Select(e => e.Action).ToListAsync());
        var shown = await Db.SendAs(Cast.GeneralCounsel, new ShowCase(filed.Reference));
        Assert.Multiple(() =>
        {
            Assert.That(acknowledged.AcknowledgedAt, Is.EqualTo(Db.Clock.GetUtcNow().UtcDateTime));
            Assert.That(events, Does.Contain("Acknowledged"));
            Assert.That(shown.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge).MetAt, Is.EqualTo(acknowledged.AcknowledgedAt));
            Assert.That(() => Db.SendAs(Cast.AuditChair, new AcknowledgeReport(filed.Reference)), Throws.TypeOf<ConflictException>());
        });
    }

    [Test]
    public async Task The_reporter_cannot_acknowledge_their_own_report()
    {
        var filed = await FileAsync();

        Assert.That(() => Db.SendAs(Cast.Cfo, new AcknowledgeReport(filed.Reference)), Throws.TypeOf<ForbiddenException>());
    }

    [Test]
    public async Task An_unanswered_report_is_overdue_on_its_case_and_at_the_head_of_its_queue_row()
    {
        var filed = await FileAsync();
        Db.Clock.Advance(TimeSpan.FromDays(9));

        var shown = await Db.SendAs(Cast.GeneralCounsel, new ShowCase(filed.Reference));
        var queue = await Db.SendAs(Cast.GeneralCounsel, new ReviewQueue([CaseState.Intake]));

        Assert.Multiple(() =>
        {
            var acknowledge = shown.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge);
            Assert.That(acknowledge.Overdue, Is.True);
            Assert.That(acknowledge.DaysPastDue, Is.EqualTo(2));
            Assert.That(shown.Deadlines.Single(d => d.Kind == DeadlineKind.Feedback).Overdue, Is.False);
            Assert.That(queue.Single().NextDeadline, Is.EqualTo(new NextDeadline(DeadlineKind.Acknowledge, Filed.AddDays(7), Overdue: true, DueSoon: false)));
        });
    }

    [Test]
    public async Task Each_queue_row_names_the_deadline_its_case_shows_first_whoever_reported_it()
    {
        // The queue reads a case's clock columns with its row; the case page reads them on their own. A signed report, an
        // anonymous one (its reporter is reachable through the credential) and one acknowledged, filed on different days.
        var signed = await FileAsync();
        Db.Clock.Advance(TimeSpan.FromDays(2));
        var anonymous = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Invoices split to avoid approval", null, []));
        Db.Clock.Advance(TimeSpan.FromDays(3));
        var acknowledged = await FileAsync();
        await Db.SendAs(Cast.AuditChair, new AcknowledgeReport(acknowledged.Reference));
        Db.Clock.Advance(TimeSpan.FromDays(4));

        var queue = await Db.SendAs(Cast.AuditChair, new ReviewQueue([CaseState.Intake]));
        var expected = new List<(string, NextDeadline?)>();
        foreach (var reference in new[] { signed.Reference, anonymous.Reference, acknowledged.Reference })
        {
            expected.Add((reference, CaseDeadlines.Next((await Db.SendAs(Cast.AuditChair, new ShowCase(reference))).Deadlines)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(queue.Select(q => (q.Reference, q.NextDeadline)), Is.EqualTo(expected));
            Assert.That(expected.Select(e => e.Item2?.Kind), Is.EqualTo(new DeadlineKind?[] { DeadlineKind.Acknowledge, DeadlineKind.Acknowledge, DeadlineKind.Triage }),
                "the first two are unacknowledged (the anonymous one too: its reporter has a credential), the third is");
            Assert.That(expected[0].Item2!.Overdue, Is.True, "filed nine days ago, acknowledgment was due in seven");
        });
    }

    [Test]
    public async Task A_queue_row_names_the_next_unmet_deadline_once_the_first_is_met()
    {
        var filed = await FileAsync();
        await Db.SendAs(Cast.GeneralCounsel, new AcknowledgeReport(filed.Reference));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Accept", null));
        Db.Clock.Advance(TimeSpan.FromDays(44));

        var queue = await Db.SendAs(Cast.GeneralCounsel, new ReviewQueue([CaseState.GeneralCounselReview]));

        // Accepted on 2 March: investigation of a code-of-ethics matter is due 45 days later, before feedback (2 June).
        Assert.That(queue.Single().NextDeadline, Is.EqualTo(new NextDeadline(DeadlineKind.Investigation, new DateOnly(2026, 4, 16), Overdue: false, DueSoon: true)));
    }

    [Test]
    public async Task The_reporter_sees_only_their_acknowledge_and_feedback_clocks_and_a_subject_sees_nothing()
    {
        var filed = await FileAsync(Cast.Controller);

        var reporter = await Db.SendAs(Cast.Cfo, new ShowCase(filed.Reference));
        var mine = await Db.SendAs(Cast.Cfo, new MyReports());

        Assert.Multiple(() =>
        {
            Assert.That(reporter.Deadlines.Select(d => d.Kind), Is.EqualTo(new[] { DeadlineKind.Acknowledge, DeadlineKind.Feedback }));
            Assert.That(reporter.CanAcknowledge, Is.False);
            Assert.That(mine.Single().Deadlines.Select(d => (d.Kind, d.Due)), Is.EqualTo(new[]
            {
                (DeadlineKind.Acknowledge, Filed.AddDays(7)), (DeadlineKind.Feedback, new DateOnly(2026, 6, 2)),
            }));
            Assert.That(() => Db.SendAs(Cast.Controller, new ShowCase(filed.Reference)), Throws.TypeOf<NotFoundException>());
        });
    }

    [Test]
    public async Task An_anonymous_reporter_sees_their_clocks_with_their_credential()
    {
        var receipt = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Invoices split to avoid approval", null, []));
        Db.Clock.Advance(TimeSpan.FromDays(3));
        var reference = receipt.Reference;
        await Db.SendAs(Cast.AuditChair, new PostMessage(reference, "Thank you, we are looking into it.", SharedWithReporter: true));

        var status = await Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey, receipt.Password));

        Assert.Multiple(() =>
        {
            Assert.That(status.Deadlines.Select(d => d.Kind), Is.EqualTo(new[] { DeadlineKind.Acknowledge, DeadlineKind.Feedback }));
            Assert.That(status.Deadlines[0].MetAt, Is.EqualTo(Db.Clock.GetUtcNow().UtcDateTime));
            Assert.That(status.Deadlines[1].MetAt, Is.Null);
        });
    }

    [Test]
    public async Task Closing_meets_acknowledge_and_feedback_and_a_reopened_case_keeps_them_met()
    {
        var filed = await FileAsync();
        Db.Clock.Advance(TimeSpan.FromDays(1));
        var closedAt = Db.Clock.GetUtcNow().UtcDateTime;
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Dismiss", "Outside the code"));
        Db.Clock.Advance(TimeSpan.FromDays(100));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Reopen", "New facts"));

        var shown = await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference));

        Assert.Multiple(() =>
        {
            Assert.That(shown.Deadlines.Where(d => d.Kind is DeadlineKind.Acknowledge or DeadlineKind.Feedback).Select(d => d.MetAt),
                Is.All.EqualTo(closedAt));
            Assert.That(shown.Deadlines.Single(d => d.Kind == DeadlineKind.Triage).MetAt, Is.EqualTo(closedAt));
            Assert.That(shown.Deadlines.Single(d => d.Kind == DeadlineKind.Investigation).Due, Is.EqualTo(Filed.AddDays(101 + 45)),
                "investigation runs from the reopening, the case's first review state");
        });
    }

    [Test]
    public async Task The_board_determination_clock_starts_at_the_request()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Round-tripping", null, []));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));
        Db.Clock.Advance(TimeSpan.FromDays(10));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "RequestBoardDetermination", null));

        var shown = await Db.SendAs(Cast.Director, new ShowCase(filed.Reference));
        var stored = await Db.Read(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == filed.CaseId));

        Assert.Multiple(() =>
        {
            Assert.That(shown.Deadlines.Single(d => d.Kind == DeadlineKind.BoardDetermination).Due, Is.EqualTo(Filed.AddDays(40)));
            Assert.That(stored.DeterminationRequestedAt, Is.EqualTo(Db.Clock.GetUtcNow().UtcDateTime));
            Assert.That(stored.AcceptedAt, Is.EqualTo(Db.Clock.GetUtcNow().UtcDateTime.AddDays(-10)));
        });
    }

    [Test]
    public async Task The_record_verifier_replays_the_clock_columns_and_catches_one_changed_by_hand()
    {
        var filed = await FileAsync();
        await Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "Received.", SharedWithReporter: true));
        await Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "Outcome soon.", SharedWithReporter: true, Feedback: true));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Accept", null));
        var clean = await Db.SendAs(null, new VerifyAudit());

        await Db.Read(db => db.Cases.Where(c => c.Id == filed.CaseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FeedbackGivenAt, (DateTime?)null)));
        var tampered = await Db.SendAs(null, new VerifyAudit());

        Assert.Multiple(() =>
        {
            Assert.That(clean.Valid, Is.True, string.Join("; ", clean.Problems.Select(p => p.Detail)));
            Assert.That(tampered.Valid, Is.False);
            Assert.That(tampered.Problems.Select(p => p.Detail), Has.Some.Contains("feedback given"));
        });
    }
}
