using EthicsCases.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EthicsCases.Browser.Tests;

/// <summary>
/// A code waiver from request to disclosure in real Chromium: the officer asks, a Board member grants, the clock shows
/// on the General Counsel's queue, counsel reads the Item 5.05 draft and records the website disclosure, and the
/// register shows it on time. The Board chair's designations page closes the tour.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class WaiverJourneyTests
{
    private const string Officer = "treasurer@alto.example";
    private const string Director = "board.waivers@alto.example";
    private const string Counsel = "counsel.waivers@alto.example";
    private const string Chair = "board.chair@alto.example";

    [OneTimeSetUp]
    public async Task Directory()
    {
        await BrowserApp.AddPersonAsync(Officer, "Sam Ortiz", "Treasurer", Role.Officer);
        await BrowserApp.AddPersonAsync(Director, "Dana Whitfield", "Director", Role.Board);
        await BrowserApp.AddPersonAsync(Counsel, "Riley Stone", "Deputy General Counsel", Role.GeneralCounsel);
        await BrowserApp.AddPersonAsync(Chair, "Lee Carrington", "Chair of the Board", Role.Board, Role.BoardChair);
    }

    [Test]
    public async Task Officer_requests_a_Board_member_grants_and_counsel_discloses_on_time()
    {
        // The officer asks for a waiver for themselves.
        var officer = await BrowserApp.SignInAsync(Officer);
        await officer.ClickAsync("nav.mainnav a:text('Waivers')");
        await officer.ClickAsync("#request-waiver-link");
        await officer.FillAsync("#Provision", "Code of Ethics II-030, conflicts of interest: outside directorships");
        await officer.FillAsync("#Reason", "To join the board of Pacific Grain Cooperative, a supplier; I would recuse myself from its dealings with the Company.");
        await BrowserApp.ScreenshotAsync(officer, "waivers-request");
        await officer.ClickAsync("#request-waiver button[type=submit]");
        await Expect(officer.Locator(".flash.ok")).ToContainTextAsync("the Board decides it");
        var waiverUrl = officer.Url;
        await Expect(officer.Locator("#waiver-state")).ToContainTextAsync("Requested");
        await Expect(officer.Locator("#decide-waiver")).ToHaveCountAsync(0);

        // A Board member grants it: the four-business-day clock starts.
        var director = await BrowserApp.SignInAsync(Director);
        await director.GotoAsync(waiverUrl);
        await director.CheckAsync("#decide-waiver input[name=Granted][value=yes]");
        await director.FillAsync("#Rationale", "The cooperative's dealings with the Company are small and the officer is recused from them.");
        await BrowserApp.ScreenshotAsync(director, "waivers-decide");
        await director.ClickAsync("#decide-waiver button[type=submit]");
        await Expect(director.Locator(".flash.ok")).ToContainTextAsync("disclose it by");
        await Expect(director.Locator("#waiver-state")).ToContainTextAsync("Granted");
        await Expect(director.Locator("#waiver-due")).ToContainTextAsync("business days left");

        // The clock shows on the General Counsel's queue.
        var counsel = await BrowserApp.SignInAsync(Counsel);
        await counsel.GotoAsync("/Triage");
        await Expect(counsel.Locator("#waiver-clocks")).ToContainTextAsync("Sam Ortiz");
        await BrowserApp.ScreenshotAsync(counsel, "waivers-queue-clock");

        // Counsel reads the Item 5.05 draft, then records the website disclosure.
        await counsel.GotoAsync(waiverUrl);
        await counsel.ClickAsync("#draft-text");
        await Expect(counsel.Locator("#draft-textarea")).ToContainTextAsync("Sam Ortiz");
        await BrowserApp.ScreenshotAsync(counsel, "waivers-draft");
        await counsel.FillAsync("#On", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await counsel.SelectOptionAsync("#Channel", "website");
        await counsel.FillAsync("#PostingUrl", "https://investors.alto.example/governance/code-waivers");
        await counsel.ClickAsync("#disclose-waiver button[type=submit]");
        await Expect(counsel.Locator(".flash.ok")).ToContainTextAsync("on time");
        await Expect(counsel.Locator("#waiver-disclosed")).ToContainTextAsync("website");
        await BrowserApp.ScreenshotAsync(counsel, "waivers-disclosed");

        // The register shows it disclosed on time; the officer sees their own.
        await counsel.ClickAsync("nav.mainnav a:text('Waivers')");
        await Expect(counsel.Locator("#waiver-register")).ToContainTextAsync("Disclosed");
        await Expect(counsel.Locator("#waiver-register")).ToContainTextAsync("disclosed on time");
        await BrowserApp.ScreenshotAsync(counsel, "waivers-register");
        await officer.GotoAsync("/Waivers");
        await Expect(officer.Locator("#waiver-register")).ToContainTextAsync("Sam Ortiz");

        // The Board chair designates the Audit Committee for determinations.
        var chair = await BrowserApp.SignInAsync(Chair);
        await chair.ClickAsync("nav.mainnav a:text('Designations')");
        await chair.CheckAsync("#record-designation input[name=AuditCommittee]");
        await chair.CheckAsync("#record-designation input[name=Matters][value=determinations]");
        await chair.ClickAsync("#record-designation button[type=submit]");
        await Expect(chair.Locator(".flash.ok")).ToContainTextAsync("the Audit Committee for determinations");
        await Expect(chair.Locator("#designations")).ToContainTextAsync("The Audit Committee");
        await BrowserApp.ScreenshotAsync(chair, "waivers-designations");
    }
}
