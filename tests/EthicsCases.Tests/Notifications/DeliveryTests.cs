using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Notifications;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Notifications;

public sealed class DeliveryTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private SmtpServer _smtp = null!;
    private NotificationHost _host = null!;

    [SetUp]
    public async Task StartSmtp()
    {
        _smtp = await SmtpServer.StartAsync();
        _host = new NotificationHost(Db, _smtp.Settings);
    }

    [TearDown]
    public async Task StopSmtp()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Test]
    public async Task A_routed_case_reaches_each_reviewer_with_its_reference_plain_words_and_link()
    {
        var filed = await _host.FileQuietlyAsync(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gift from a supplier", null, []));
        var queued = await _host.QueueAsync(filed.CaseId, (c, people, now) => Notifier.CaseRouted(c, people, now, people.Single(p => p.Email == Cast.Cfo)));

        var report = await _host.DeliverAsync();

        var mails = await _smtp.WaitForAsync(3);
        var rows = await _host.Read(db => db.Notifications.AsNoTracking().ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(report, Is.EqualTo(new DeliveryReport(3, 0)));
            Assert.That(mails.Select(m => m.EnvelopeTo), Is.EquivalentTo(new[] { Cast.GeneralCounsel, Cast.AuditChair, Cast.AuditMember }));
            Assert.That(mails.Select(m => m.MessageId), Is.EquivalentTo(queued.Select(n => $"{n.Id:N}@ethicscases.notifications")));
            foreach (var mail in mails)
            {
                Assert.That(mail.EnvelopeFrom, Is.EqualTo("ethics-cases@test.example"));
                Assert.That(mail.From, Is.EqualTo("ethics-cases@test.example"));
                Assert.That(mail.To, Is.EqualTo(new[] { mail.EnvelopeTo }));
                Assert.That(mail.Subject, Is.EqualTo($"{filed.Reference}: a new case has been routed to you"));
                Assert.That(mail.Body, Does.StartWith($"{filed.Reference}: a new case has been routed to you.\n"));
                Assert.That(mail.Body, Does.Contain($"Open the case: {NotificationHost.BaseUrl}/Cases/{filed.Reference}\n"));
            }

            Assert.That(rows.Select(r => r.State), Is.All.EqualTo(NotificationState.Sent));
            Assert.That(rows.Select(r => r.SentAt), Is.All.EqualTo(Db.Clock.GetUtcNow().UtcDateTime));
            Assert.That(rows.Select(r => r.Attempts), Is.All.EqualTo(1));
        });
    }

    [Test]
    public async Task No_mail_carries_the_concerns_words_its_category_or_anyones_name()
    {
        await Db.AddPerson("philomena.quixote@test.example", Role.Officer);
        await Db.AddPerson("bartholomew.xylophone@test.example", Role.Officer);
        await Db.SendAs(Cast.AuditMember, new SetNotificationPreference("DailyDigest"));
        var filed = await _host.FileQuietlyAsync("philomena.quixote@test.example", new FileConcern("Fraud", "Zanzibar marmalade kickbacks",
            "Quetzalcoatl ledger hidden at the Froggington warehouse", ["bartholomew.xylophone@test.example"]));
        await _host.QueueAsync(filed.CaseId, (c, people, now) => Notifier.CaseRouted(c, people, now));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "RequestBoardDetermination", null));
        await _host.QueueAsync(filed.CaseId, (c, people, now) => [
            .. Notifier.CaseReferred(c, people, now),
            .. Notifier.BoardDeterminationRequested(c, people, now),
            .. Notifier.ReporterMessage(c, people, now),
            .. Notifier.DeadlineDueSoon(c, "Acknowledge", new DateOnly(2026, 3, 3), people, now),
            .. Notifier.DeadlineOverdue(c, "InvestigationFraud", new DateOnly(2026, 3, 1), people, now)]);

        var immediate = await _host.DeliverAsync();
        Db.Clock.Advance(TimeSpan.FromDays(1));
        var digest = await _host.DeliverAsync();

        var mails = await _smtp.WaitForAsync(immediate.Sent + digest.Sent);
        string[] secrets = ["Zanzibar", "marmalade", "kickbacks", "Quetzalcoatl", "ledger", "Froggington", "warehouse",
            "philomena", "quixote", "bartholomew", "xylophone", "Fraud"];
        Assert.Multiple(() =>
        {
            Assert.That(immediate.Sent, Is.GreaterThanOrEqualTo(10), "every kind went out to the chair and the director at once");
            Assert.That(digest.Sent, Is.EqualTo(1), "the member's digest");
            Assert.That(mails, Has.Count.EqualTo(immediate.Sent + digest.Sent));
            Assert.That(mails.Select(m => m.Subject).Distinct().Count(), Is.GreaterThanOrEqualTo(7), "each kind has its own words");
            foreach (var mail in mails)
            {
                Assert.That(mail.Body, Does.Contain($"{NotificationHost.BaseUrl}/Cases/{filed.Reference}"));
                foreach (var secret in secrets)
                {
                    // Both the raw message (headers, any encoding) and the decoded text, so an encoding cannot hide a word.
                    Assert.That(mail.Raw, Does.Not.Contain(secret).IgnoreCase, $"raw mail to {mail.EnvelopeTo}: {mail.Subject}");
                    Assert.That(mail.Subject + "\n" + mail.Body, Does.Not.Contain(secret).IgnoreCase, $"mail to {mail.EnvelopeTo}: {mail.Subject}");
                }
            }

            Assert.That(mails.Select(m => m.Body), Has.Some.Contains("Acknowledge deadline, due 2026-03-03."));
            Assert.That(mails.Select(m => m.Body), Has.Some.Contains("Due 2026-03-01."), "a deadline name carrying a category is left out");
        });
    }

    [Test]
    public async Task When_the_server_is_down_delivery_backs_off_and_succeeds_once_it_is_back()
    {
        var filed = await _host.FileQuietlyAsync(Cast.Cfo, new FileConcern("Fraud", "Duplicate receipts", null, []));
        var queued = (await _host.QueueAsync(filed.CaseId, (c, people, now) => Notifier.CaseRouted(c, people.Where(p => p.Email == Cast.AuditMember), now))).Single();
        await _smtp.StopAsync();
        var start = Db.Clock.GetUtcNow().UtcDateTime;

        var down = await _host.DeliverAsync();
        var afterFailure = await _host.Read(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == queued.Id));
        var tooEarly = await _host.DeliverAsync();
        await _smtp.StartAgainAsync();
        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        var up = await _host.DeliverAsync();

        var mails = await _smtp.WaitForAsync(1);
        var sent = await _host.Read(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == queued.Id));
        Assert.Multiple(() =>
        {
            Assert.That(down, Is.EqualTo(new DeliveryReport(0, 1)));
            Assert.That(afterFailure.State, Is.EqualTo(NotificationState.Pending));
            Assert.That(afterFailure.Attempts, Is.EqualTo(1));
            Assert.That(afterFailure.NextAttemptAt, Is.EqualTo(start.AddMinutes(1)), "first back-off: one minute");
            Assert.That(afterFailure.LastError, Is.Not.Empty.And.Not.Contain("Duplicate receipts"));
            Assert.That(afterFailure.ClaimedBy, Is.Null, "the lease is released");
            Assert.That(tooEarly, Is.EqualTo(new DeliveryReport(0, 0)), "nothing is due before the back-off ends");
            Assert.That(up, Is.EqualTo(new DeliveryReport(1, 0)));
            Assert.That(mails.Select(m => m.EnvelopeTo), Is.EqualTo(new[] { Cast.AuditMember }));
            Assert.That(sent.State, Is.EqualTo(NotificationState.Sent));
            Assert.That(sent.Attempts, Is.EqualTo(2));
            Assert.That(sent.LastError, Is.Null);
        });
    }

    [Test]
    public async Task After_the_last_attempt_a_notification_is_given_up_and_left_alone()
    {
        await using var host = new NotificationHost(Db, new Dictionary<string, string?>(_smtp.Settings) { ["Notifications:MaxAttempts"] = "3" });
        var filed = await _host.FileQuietlyAsync(Cast.Cfo, new FileConcern("Fraud", "Duplicate receipts", null, []));
        var queued = (await host.QueueAsync(filed.CaseId, (c, people, now) => Notifier.CaseRouted(c, people.Where(p => p.Email == Cast.AuditMember), now))).Single();
        await _smtp.StopAsync();

        var reports = new List<DeliveryReport>();
        var waits = new List<TimeSpan>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            reports.Add(await host.DeliverAsync());
            var row = await host.Read(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == queued.Id));
            waits.Add(row.NextAttemptAt - Db.Clock.GetUtcNow().UtcDateTime);
            Db.Clock.Advance(row.NextAttemptAt - Db.Clock.GetUtcNow().UtcDateTime);
        }

        await _smtp.StartAgainAsync();
        Db.Clock.Advance(TimeSpan.FromDays(1));
        var later = await host.DeliverAsync();
        var final = await host.Read(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == queued.Id));
        Assert.Multiple(() =>
        {
            Assert.That(reports, Is.All.EqualTo(new DeliveryReport(0, 1)));
            Assert.That(waits.Take(2), Is.EqualTo(new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5) }), "back-off grows fivefold");
            Assert.That(final.State, Is.EqualTo(NotificationState.Failed));
            Assert.That(final.Attempts, Is.EqualTo(3));
            Assert.That(later, Is.EqualTo(new DeliveryReport(0, 0)));
            Assert.That(_smtp.Received(), Is.Empty);
        });
    }

    [Test]
    public async Task Two_dispatchers_on_one_database_deliver_every_notification_exactly_once()
    {
        var settings = new Dictionary<string, string?>(_smtp.Settings) { ["Notifications:BatchSize"] = "3" };
        await using var first = new NotificationHost(Db, settings);
        await using var second = new NotificationHost(Db, settings);
        var queued = new List<Notification>();
        for (var i = 0; i < 12; i++)
        {
            var filed = await _host.FileQuietlyAsync(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", $"Concern {i}", null, []));
            queued.AddRange(await first.QueueAsync(filed.CaseId, (c, people, now) => Notifier.CaseRouted(c, people, now)));
        }

        var go = new TaskCompletionSource();
        var runs = new[] { first, second }.Select(host => Task.Run(async () =>
        {
            await go.Task;
            return await host.DeliverAsync();
        })).ToList();
        go.SetResult();
        var reports = await Task.WhenAll(runs);

        var mails = await _smtp.WaitForAsync(queued.Count);
        await Task.Delay(500); // a duplicate would still be on its way
        mails = _smtp.Received();
        var states = await first.Read(db => db.Notifications.AsNoTracking().Select(n => n.State).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(queued, Has.Count.EqualTo(36));
            Assert.That(reports.Sum(r => r.Sent), Is.EqualTo(36), $"first {reports[0]}, second {reports[1]}");
            Assert.That(reports.Sum(r => r.Failed), Is.Zero);
            Assert.That(mails, Has.Count.EqualTo(36));
            Assert.That(mails.Select(m => m.MessageId), Is.EquivalentTo(queued.Select(n => $"{n.Id:N}@ethicscases.notifications")));
            Assert.That(states, Is.All.EqualTo(NotificationState.Sent));
        });
    }

    [Test]
    public async Task A_person_on_the_daily_digest_gets_one_mail_a_day_listing_what_was_held()
    {
        await Db.SendAs(Cast.AuditMember, new SetNotificationPreference("DailyDigest"));
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var filed = await _host.FileQuietlyAsync(Cast.Cfo, new FileConcern("Fraud", $"Concern {i}", null, []));
            references.Add(filed.Reference);
            await _host.QueueAsync(filed.CaseId, (c, people, now) => Notifier.CaseRouted(c, people, now));
        }

        var sameDay = await _host.DeliverAsync();
        var toMemberSameDay = _smtp.Received().Count(m => m.EnvelopeTo == Cast.AuditMember);
        Db.Clock.Advance(TimeSpan.FromHours(22)); // 2026-03-03 07:00 UTC, the digest hour
        var late = await _host.FileQuietlyAsync(Cast.Cfo, new FileConcern("Fraud", "Concern after the digest", null, []));
        await _host.QueueAsync(late.CaseId, (c, people, now) => Notifier.CaseRouted(c, people, now));
        var digestDay = await _host.DeliverAsync();
        var again = await _host.DeliverAsync();
        Db.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await _host.DeliverAsync();

        var digests = (await _smtp.WaitForAsync(3 + 1 + 1 + 1)).Where(m => m.EnvelopeTo == Cast.AuditMember).ToList();
        var held = await _host.Read(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.CaseRouted && n.DigestId != null).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(sameDay, Is.EqualTo(new DeliveryReport(3, 0)), "the chair's three go at once");
            Assert.That(toMemberSameDay, Is.Zero, "the member's wait for the digest");
            Assert.That(digestDay, Is.EqualTo(new DeliveryReport(2, 0)), "the chair's fourth and one digest");
            Assert.That(again, Is.EqualTo(new DeliveryReport(0, 0)), "one digest a day");
            Assert.That(nextDay, Is.EqualTo(new DeliveryReport(1, 0)));
            Assert.That(digests, Has.Count.EqualTo(2));
            Assert.That(digests[0].Subject, Is.EqualTo("Ethics cases daily digest for 2026-03-03: 3 notifications"));
            foreach (var reference in references)
            {
                Assert.That(digests[0].Body, Does.Contain($"- {reference}: a new case has been routed to you.\n  {NotificationHost.BaseUrl}/Cases/{reference}\n"));
            }

            Assert.That(digests[0].Body, Does.Not.Contain(late.Reference), "held after the digest hour: tomorrow's");
            Assert.That(digests[1].Subject, Is.EqualTo("Ethics cases daily digest for 2026-03-04: 1 notification"));
            Assert.That(digests[1].Body, Does.Contain(late.Reference));
            Assert.That(held, Has.Count.EqualTo(4));
            Assert.That(held.Select(n => n.State), Is.All.EqualTo(NotificationState.Sent));
        });
    }

    [Test]
    public async Task A_deadline_alert_is_queued_once_however_often_the_scan_runs()
    {
        var filed = await _host.FileQuietlyAsync(Cast.Cfo, new FileConcern("Fraud", "Duplicate receipts", null, []));
        async Task<int> Scan() => await _host.Read(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == filed.CaseId);
            var people = await db.People.AsNoTracking().ToListAsync();
            var now = Db.Clock.GetUtcNow().UtcDateTime;
            var alerts = Notifier.DeadlineAlert(c, "Acknowledge", new DateOnly(2026, 3, 3), met: false, DateOnly.FromDateTime(now), people, now);
            var added = await NotificationOutbox.AddNewAsync(db, alerts, CancellationToken.None);
            await db.SaveChangesAsync();
            return added;
        });

        var firstScan = await Scan();
        Db.Clock.Advance(TimeSpan.FromHours(1));
        var secondScan = await Scan();
        var stored = await _host.Read(db => db.Notifications.CountAsync());
        var duplicate = _host.Read(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == filed.CaseId);
            db.Notifications.AddRange(Notifier.DeadlineDueSoon(c, "Acknowledge", new DateOnly(2026, 3, 3), await db.People.ToListAsync(), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        Assert.Multiple(() =>
        {
            Assert.That(firstScan, Is.EqualTo(2), "both Audit Committee members must triage");
            Assert.That(secondScan, Is.Zero);
            Assert.That(stored, Is.EqualTo(2));
            Assert.That(async () => await duplicate, Throws.InstanceOf<DbUpdateException>(), "the unique dedupe key holds against a racing scan too");
        });
    }
}
