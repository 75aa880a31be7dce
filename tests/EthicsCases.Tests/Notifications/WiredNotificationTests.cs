using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Anonymous;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Messages;
using EthicsCases.Notifications;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Notifications;

/// <summary>The use cases queue their notifications with their events; delivered to a real SMTP server and read back.</summary>
public sealed class WiredNotificationTests(DatabaseProvider provider) : DatabaseFixture(provider)
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

    private Task<List<Notification>> Outbox() => _host.Read(db => db.Notifications.AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync());

    [Test]
    public async Task Filing_a_case_mails_the_General_Counsel_its_reference_and_link_and_none_of_its_words_or_names()
    {
        await Db.AddPerson("philomena.quixote@test.example", Role.Officer);
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Zanzibar marmalade kickbacks",
            "Quetzalcoatl ledger at the Froggington warehouse", ["philomena.quixote@test.example"]));

        var report = await _host.DeliverAsync();

        var mails = await _smtp.WaitForAsync(report.Sent);
        string[] secrets = ["Zanzibar", "marmalade", "kickbacks", "Quetzalcoatl", "ledger", "Froggington", "philomena", "quixote", "cfo@", "CodeOfEthics"];
        Assert.Multiple(() =>
        {
            Assert.That(report, Is.EqualTo(new DeliveryReport(3, 0)));
            Assert.That(mails.Select(m => m.EnvelopeTo), Is.EquivalentTo(new[] { Cast.GeneralCounsel, Cast.AuditChair, Cast.AuditMember }),
                "the roles it is routed to; never its reporter, subject, Board or administrator");
            var counsel = mails.Single(m => m.EnvelopeTo == Cast.GeneralCounsel);
            Assert.That(counsel.Subject, Does.Contain(filed.Reference));
            Assert.That(counsel.Body, Does.Contain($"{NotificationHost.BaseUrl}/Cases/{filed.Reference}"));
            foreach (var mail in mails)
            {
                foreach (var secret in secrets)
                {
                    Assert.That(mail.Raw, Does.Not.Contain(secret).IgnoreCase, $"mail to {mail.EnvelopeTo}");
                }
            }
        });
    }

    [Test]
    public async Task A_General_Counsel_named_as_subject_is_told_nothing()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gifts", null, [Cast.GeneralCounsel]));
        await Db.SendAs(Cast.Cfo, new PostMessage(filed.Reference, "One more thing.", SharedWithReporter: true));

        var report = await _host.DeliverAsync();

        var mails = await _smtp.WaitForAsync(report.Sent);
        Assert.Multiple(() =>
        {
            Assert.That(mails.Select(m => m.EnvelopeTo).Distinct(), Is.EquivalentTo(new[] { Cast.AuditChair, Cast.AuditMember }));
            Assert.That(mails, Has.Count.EqualTo(4), "routed and reporter's message, to each Audit Committee member");
        });
    }

    [Test]
    public async Task An_anonymous_reporter_is_never_mailed_and_their_reply_tells_the_reviewers()
    {
        var receipt = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Split invoices", null, []));
        await Db.SendAs(Cast.AuditChair, new PostMessage(receipt.Reference, "Could you tell us more?", SharedWithReporter: true));
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        await Db.SendAs(null, new ReplyAnonymously(receipt.ReportKey, receipt.Password, "The March batch."));

        var outbox = await Outbox();
        var report = await _host.DeliverAsync();
        var mails = await _smtp.WaitForAsync(report.Sent);

        Assert.Multiple(() =>
        {
            Assert.That(outbox.Select(n => n.Kind), Is.EqualTo(new[]
            {
                NotificationKind.CaseRouted, NotificationKind.CaseRouted, NotificationKind.ReporterMessage, NotificationKind.ReporterMessage,
            }), "the reviewer's shared message tells nobody: the reporter has no address");
            Assert.That(mails.Select(m => m.EnvelopeTo).Distinct(), Is.EquivalentTo(new[] { Cast.AuditChair, Cast.AuditMember }));
            Assert.That(mails.Select(m => m.Raw), Has.None.Contains("March batch"));
        });
    }

    [Test]
    public async Task A_referral_tells_the_Audit_Committee_and_a_Board_request_tells_the_Board()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gifts", null, []));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Accept", null));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "ReferToAuditCommittee", "Needs the committee"));
        await Db.SendAs(Cast.AuditMember, new FireTrigger(filed.Reference, "RequestBoardDetermination", null));

        var outbox = await Outbox();
        var report = await _host.DeliverAsync();
        var mails = await _smtp.WaitForAsync(report.Sent);

        var people = await Db.Read(db => db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email));
        Assert.Multiple(() =>
        {
            Assert.That(outbox.Where(n => n.Kind == NotificationKind.CaseReferred).Select(n => people[n.RecipientId]),
                Is.EquivalentTo(new[] { Cast.AuditChair, Cast.AuditMember }));
            Assert.That(outbox.Where(n => n.Kind == NotificationKind.BoardDeterminationRequested).Select(n => people[n.RecipientId]),
                Is.EquivalentTo(new[] { Cast.AuditChair, Cast.Director }), "the Board; the member who asked is not told of their own act");
            Assert.That(mails, Has.Count.EqualTo(outbox.Count));
        });
    }

    [Test]
    public async Task An_overdue_deadline_is_alerted_once_and_a_second_scan_queues_nothing()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Duplicate receipts", null, []));
        await _host.DeliverAsync();
        await _smtp.WaitForAsync(2);
        Db.Clock.Advance(TimeSpan.FromDays(8));

        var first = await Db.SendAs(null, new ScanDeadlines());
        var delivered = await _host.DeliverAsync();
        var second = await Db.SendAs(null, new ScanDeadlines());
        var again = await _host.DeliverAsync();

        var mails = (await _smtp.WaitForAsync(2 + delivered.Sent)).Skip(2).ToList();
        Assert.Multiple(() =>
        {
            // Filed Monday 2 March: Acknowledge and Triage were due Monday 9 March; Feedback (2 June) is far off.
            Assert.That(first, Is.EqualTo(new DeadlineScan(1, 4)), "two clocks, each to both Audit Committee members");
            Assert.That(delivered, Is.EqualTo(new DeliveryReport(4, 0)));
            Assert.That(mails.Select(m => m.Subject), Has.All.Contains(filed.Reference).And.All.Contains("overdue"));
            Assert.That(second, Is.EqualTo(new DeadlineScan(1, 0)));
            Assert.That(again, Is.EqualTo(new DeliveryReport(0, 0)));
        });
    }

    [Test]
    public async Task A_met_deadline_and_a_closed_case_are_not_alerted()
    {
        var open = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Duplicate receipts", null, []));
        var closed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Other receipts", null, []));
        await Db.SendAs(Cast.AuditChair, new AcknowledgeReport(open.Reference));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(open.Reference, "Accept", null));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(closed.Reference, "Dismiss", "Duplicate"));
        Db.Clock.Advance(TimeSpan.FromDays(8));

        var scan = await Db.SendAs(null, new ScanDeadlines());

        var alerts = await Db.Read(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.DeadlineOverdue || n.Kind == NotificationKind.DeadlineDueSoon));
        Assert.Multiple(() =>
        {
            Assert.That(scan, Is.EqualTo(new DeadlineScan(1, 0)));
            Assert.That(alerts, Is.Zero);
        });
    }

    [Test]
    public async Task Scanning_is_an_operators_job_and_refused_through_the_web()
    {
        await using var scope = Db.Scope(Cast.AuditChair);
        var actor = scope.ServiceProvider.GetRequiredService<EthicsCases.Common.ActorContext>();
        actor.Channel = EthicsCases.Common.Channels.Api;

        Assert.That(async () => await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new ScanDeadlines()),
            Throws.TypeOf<ForbiddenException>());
    }
}
