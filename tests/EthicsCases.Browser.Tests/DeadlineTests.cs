using EthicsCases.Domain;
using static Microsoft.Playwright.Assertions;

namespace EthicsCases.Browser.Tests;

/// <summary>The clocks of a case in real Chromium: the reviewer's Deadlines block, the acknowledgement, the reporter's view.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DeadlineTests
{
    private const string Reporter = "treasurer@clock.example";
    private const string Counsel = "counsel@clock.example";

    [OneTimeSetUp]
    public async Task Directory()
    {
        await BrowserApp.AddPersonAsync(Reporter, "Sam Ortiz", "Treasurer", Role.Officer);
        await BrowserApp.AddPersonAsync(Counsel, "Kim Avery", "General Counsel", Role.GeneralCounsel);
    }

    [Test]
    public async Task A_reviewer_sees_the_deadlines_of_a_case_and_acknowledges_it_and_the_reporter_sees_theirs()
    {
        var reference = await BrowserApp.FileAsync(Reporter, ConcernCategory.CodeOfEthicsViolation, "Supplier hospitality above the limit");
        var filed = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        var counsel = await BrowserApp.SignInAsync(Counsel);
        await counsel.GotoAsync($"/Cases/{reference}");
        var deadlines = counsel.Locator("#deadlines");
        await Expect(deadlines).ToContainTextAsync("Acknowledge receipt");
        await Expect(deadlines.Locator("tr[data-kind=Acknowledge]")).ToContainTextAsync(Day(filed.AddDays(7)));
        await Expect(deadlines.Locator("tr[data-kind=Feedback]")).ToContainTextAsync(Day(filed.AddMonths(3)));
        await Expect(deadlines.Locator("tr[data-kind=Triage]")).ToBeVisibleAsync();
        await counsel.ClickAsync("#acknowledge");
        await Expect(counsel.Locator(".flash.ok")).ToContainTextAsync("acknowledged");
        await Expect(deadlines.Locator("tr[data-kind=Acknowledge]")).ToContainTextAsync($"met {Day(filed)}");
        await Expect(counsel.Locator("#acknowledge")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(counsel, "case-deadlines");

        var reporter = await BrowserApp.SignInAsync(Reporter);
        await reporter.GotoAsync($"/Cases/{reference}");
        await Expect(reporter.Locator("#deadlines tr[data-kind]")).ToHaveCountAsync(2);
        await Expect(reporter.Locator("#deadlines tr[data-kind=Triage]")).ToHaveCountAsync(0);
        await reporter.GotoAsync("/Reports");
        await Expect(reporter.Locator(".report-deadlines")).ToContainTextAsync("Acknowledged");
    }
}
