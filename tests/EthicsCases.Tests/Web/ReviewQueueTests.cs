using System.Net.Http.Json;
using System.Text.Json;
using EthicsCases.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

public sealed class ReviewQueueTests
{
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    private sealed class ClockedFactory(ShiftedClock clock) : EthicsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Triage:OverdueAfterBusinessDays", "5");
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    [Test]
    public async Task Intake_case_waiting_more_than_the_configured_business_days_is_overdue()
    {
        var clock = new ShiftedClock();
        using var app = new ClockedFactory(clock);
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        var gc = await app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        clock.Offset = TimeSpan.FromDays(-14);
        var old = await app.FileAsync(officer, ConcernCategory.CodeOfEthicsViolation);
        clock.Offset = TimeSpan.Zero;
        var fresh = await app.FileAsync(officer, ConcernCategory.SecuritiesLawViolation);
        using var client = app.ClientAs(gc);

        var queue = (await client.GetFromJsonAsync<JsonElement>("/api/queue?state=Intake")).GetProperty("items").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(queue.Select(q => q.GetProperty("reference").GetString()), Is.EqualTo(new[] { old.Reference, fresh.Reference }), "oldest first");
            Assert.That(queue[0].GetProperty("overdue").GetBoolean(), Is.True);
            Assert.That(queue[1].GetProperty("overdue").GetBoolean(), Is.False);
        });
    }

    [TestCase("2026-11-20", "2026-11-23", 1)] // Friday to Monday
    [TestCase("2026-11-16", "2026-11-23", 5)] // Monday to Monday
    [TestCase("2026-11-23", "2026-11-23", 0)]
    [TestCase("2026-11-25", "2026-11-27", 1)] // Thanksgiving does not count
    public void Overdue_clock_counts_business_days(string from, string to, int expected) =>
        Assert.That(EthicsCases.Domain.Filings.SecBusinessCalendar.Default.BusinessDaysAfter(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
}
