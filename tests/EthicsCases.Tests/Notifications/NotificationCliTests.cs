using EthicsCases.Data;
using EthicsCases.Features.Concerns;
using EthicsCases.Notifications;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace EthicsCases.Tests.Notifications;

public sealed class NotificationCliTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Notifications_send_delivers_what_is_due_and_prints_the_counts()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var reference = await QueueRoutedFraudCase(smtp.Settings);

        var run = await new CliHarness(Db, smtp.Settings).Run("notifications", "send", "--json");

        var mails = await smtp.WaitForAsync(2);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            Assert.That(run.Json.GetProperty("sent").GetInt32(), Is.EqualTo(2));
            Assert.That(run.Json.GetProperty("failed").GetInt32(), Is.Zero);
            Assert.That(mails.Select(m => m.EnvelopeTo), Is.EquivalentTo(new[] { Cast.AuditChair, Cast.AuditMember }));
            Assert.That(mails.Select(m => m.Subject), Is.All.EqualTo($"{reference}: a new case has been routed to you"));
        });
    }

    [Test]
    public async Task Notifications_send_with_the_server_down_exits_zero_and_counts_the_failures()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await QueueRoutedFraudCase(smtp.Settings);
        await smtp.StopAsync();

        var run = await new CliHarness(Db, smtp.Settings).Run("notifications", "send", "--json");

        var rows = await Db.Read(db => db.Notifications.AsNoTracking().ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, "a failed mail is retried, not a rejected request");
            Assert.That(run.Json.GetProperty("sent").GetInt32(), Is.Zero);
            Assert.That(run.Json.GetProperty("failed").GetInt32(), Is.EqualTo(2));
            Assert.That(rows.Select(r => (r.State, r.Attempts)), Is.All.EqualTo((NotificationState.Pending, 1)));
        });
    }

    [Test]
    public async Task Without_an_SMTP_host_mail_is_written_to_the_data_folder()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"ethics-mail-{Guid.NewGuid():N}");
        try
        {
            var settings = new Dictionary<string, string?> { ["Data:Directory"] = dataDir, ["App:BaseUrl"] = "https://ethics.test.example" };
            var reference = await QueueRoutedFraudCase(settings);

            var run = await new CliHarness(Db, settings).Run("notifications", "send", "--json");

            var files = Directory.GetFiles(Path.Combine(dataDir, "mail"), "*.eml");
            var messages = files.Select(f => MimeMessage.Load(f)).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(run.Json.GetProperty("sent").GetInt32(), Is.EqualTo(2));
                Assert.That(messages.SelectMany(m => m.To.Mailboxes).Select(m => m.Address), Is.EquivalentTo(new[] { Cast.AuditChair, Cast.AuditMember }));
                Assert.That(messages.Select(m => m.TextBody), Is.All.Contains($"https://ethics.test.example/Cases/{reference}"));
            });
            messages.ForEach(m => m.Dispose());
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Test]
    public async Task A_person_chooses_the_daily_digest_for_themselves()
    {
        var ethics = new CliHarness(Db);

        var chosen = await ethics.Run("notifications", "prefer", "DailyDigest", "--as", Cast.GeneralCounsel, "--json");
        var wrong = await ethics.Run("notifications", "prefer", "Weekly", "--as", Cast.GeneralCounsel, "--json");

        var stored = await Db.Read(db => db.People.AsNoTracking().ToDictionaryAsync(p => p.Email, p => p.NotificationPreference));
        Assert.Multiple(() =>
        {
            Assert.That(chosen.Json.GetProperty("preference").GetString(), Is.EqualTo("DailyDigest"));
            Assert.That(wrong.ExitCode, Is.EqualTo(1));
            Assert.That(wrong.Stderr, Does.Contain("'Weekly' is not a preference"));
            Assert.That(stored[Cast.GeneralCounsel], Is.EqualTo(NotificationPreference.DailyDigest));
            Assert.That(stored.Where(p => p.Key != Cast.GeneralCounsel).Select(p => p.Value), Is.All.EqualTo(NotificationPreference.Immediate),
                "everyone else keeps the default");
        });
    }

    private async Task<string> QueueRoutedFraudCase(IReadOnlyDictionary<string, string?> settings)
    {
        await using var host = new NotificationHost(Db, settings);
        var filed = await host.FileQuietlyAsync(Cast.Cfo, new FileConcern("Fraud", "Duplicate receipts", null, []));
        await host.QueueAsync(filed.CaseId, (c, people, now) => Notifier.CaseRouted(c, people, now));
        return filed.Reference;
    }
}
