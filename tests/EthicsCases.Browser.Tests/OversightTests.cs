using EthicsCases.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EthicsCases.Browser.Tests;

/// <summary>The Audit Committee chair reads the program metrics on <c>/Oversight</c>: benchmarks labelled, charts drawn.</summary>
[TestFixture]
[NonParallelizable]
public sealed class OversightTests
{
    private const string Chair = "oversight.chair@alto.example";
    private const string Officer = "oversight.cfo@alto.example";

    [OneTimeSetUp]
    public async Task Program()
    {
        await BrowserApp.AddPersonAsync(Chair, "Robin Achebe", "Audit Committee Chair", Role.AuditCommittee, Role.Board);
        await BrowserApp.AddPersonAsync(Officer, "Sam Ortiz", "Chief Financial Officer", Role.Officer);
        await BrowserApp.FileAsync(Officer, ConcernCategory.Fraud, "Duplicate expense receipts");
        await BrowserApp.FileAsync(Officer, ConcernCategory.DisclosureMatter, "Backdated contract");
    }

    [Test]
    public async Task The_chair_sees_metrics_by_quarter_beside_labelled_benchmarks_and_the_charts_load()
    {
        var page = await BrowserApp.SignInAsync(Chair);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.ClickAsync("nav.mainnav a:text('Oversight')");
        await Expect(page.Locator("h1")).ToContainTextAsync("Program metrics");
        await Expect(page.Locator("#benchmark-label")).ToContainTextAsync("NAVEX published benchmark medians");
        await Expect(page.Locator("#metrics-by-quarter")).ToContainTextAsync("Substantiation rate");
        await Expect(page.Locator("#metrics-by-quarter")).ToContainTextAsync("(benchmark)");

        var images = page.Locator("figure.chart img");
        await Expect(images).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            // The charts render on the server while the page shows: wait for each image to load or fail.
            var width = await images.Nth(i).EvaluateAsync<int>(
                "img => img.complete && img.naturalWidth > 0 ? img.naturalWidth : new Promise(done => { img.addEventListener('load', () => done(img.naturalWidth)); img.addEventListener('error', () => done(0)); })");
            Assert.That(width, Is.GreaterThan(0), $"chart {i} was drawn");
        }

        await BrowserApp.ScreenshotAsync(page, "oversight-metrics");
        Assert.That(violations, Is.Empty);
    }
}
