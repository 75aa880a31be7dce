using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Notifications;
using EthicsCases.Tests.Infrastructure;
using EthicsCases.Tests.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Notifications;

public sealed class NotificationServiceTests
{
    [Test]
    public async Task The_web_app_delivers_queued_notifications_by_itself()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var app = new NotifyingWebFactory(new Dictionary<string, string?>(smtp.Settings) { ["Notifications:PollSeconds"] = "1" });

        var member = await QueueRoutedCaseAsync(app);

        var mails = await smtp.WaitForAsync(1, TimeSpan.FromSeconds(20));
        Assert.That(mails.Select(m => m.EnvelopeTo), Is.EqualTo(new[] { member.Email }));
    }

    [Test]
    public async Task With_delivery_disabled_the_web_app_sends_nothing()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var app = new NotifyingWebFactory(new Dictionary<string, string?>(smtp.Settings)
        {
            ["Notifications:PollSeconds"] = "1",
            ["Notifications:Enabled"] = "false",
        });

        await QueueRoutedCaseAsync(app);
        await Task.Delay(TimeSpan.FromSeconds(3));

        await using var scope = app.Services.CreateAsyncScope();
        var states = await scope.ServiceProvider.GetRequiredService<EthicsDbContext>().Notifications.Select(n => n.State).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(smtp.Received(), Is.Empty);
            Assert.That(states, Is.EqualTo(new[] { NotificationState.Pending }));
        });
    }

    // Filing queues the notification itself, in the same transaction as the Filed event.
    private static async Task<Person> QueueRoutedCaseAsync(NotifyingWebFactory app)
    {
        var cfo = await app.AddPersonAsync("cfo@test.example", "Cfo", Role.Officer);
        var member = await app.AddPersonAsync("ac.member@test.example", "Member", Role.AuditCommittee);
        await app.FileAsync(cfo, ConcernCategory.Fraud);
        return member;
    }

    private sealed class NotifyingWebFactory(IReadOnlyDictionary<string, string?> settings) : EthicsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
