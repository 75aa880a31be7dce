using System.Text.RegularExpressions;
using EthicsCases.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EthicsCases.Browser.Tests;

/// <summary>The three user groups in real Chromium against the running app.</summary>
[TestFixture]
[NonParallelizable]
public sealed partial class JourneyTests
{
    private const string Officer = "cfo@alto.example";
    private const string GeneralCounsel = "gc@alto.example";
    private const string AuditCommittee = "chair@alto.example";
    private const string Controller = "controller@alto.example";

    [OneTimeSetUp]
    public async Task Directory()
    {
        await BrowserApp.AddPersonAsync(Officer, "Morgan Blake", "Chief Financial Officer", Role.Officer);
        await BrowserApp.AddPersonAsync(Controller, "Jordan Reyes", "Corporate Controller", Role.Officer);
        await BrowserApp.AddPersonAsync(GeneralCounsel, "Taylor Quinn", "General Counsel", Role.GeneralCounsel);
        await BrowserApp.AddPersonAsync(AuditCommittee, "Alex Morgan", "Audit Committee Chair", Role.AuditCommittee);
        await BrowserApp.AddPersonAsync("director@alto.example", "Robin Hale", "Director", Role.Board);
    }

    [Test]
    public async Task Officer_files_General_Counsel_refers_and_Audit_Committee_records_the_Board_determination()
    {
        // Earlier, the General Counsel advised the controller on conflicts of interest (the prior-advice ledger).
        var gc = await BrowserApp.SignInAsync(GeneralCounsel);
        await gc.GotoAsync("/Advice");
        await gc.FillAsync("#Date", "2026-01-12");
        await gc.SelectOptionAsync("#AdvisedPerson", Controller);
        await gc.SelectOptionAsync("#Category", "CodeOfEthicsViolation");
        await gc.FillAsync("#Summary", "Contracts with relatives' firms need a conflict disclosure to the General Counsel before approval.");
        await gc.ClickAsync("#record-advice button[type=submit]");
        await Expect(gc.Locator(".flash.ok")).ToContainTextAsync("Advice to Jordan Reyes");
        await Expect(gc.Locator("#advice-ledger")).ToContainTextAsync("conflict disclosure");
        await BrowserApp.ScreenshotAsync(gc, "prior-advice");

        // The officer files, naming the controller.
        var officer = await BrowserApp.SignInAsync(Officer);
        await BrowserApp.ScreenshotAsync(officer, "home-officer");
        await officer.GotoAsync("/Concerns/File");
        await officer.CheckAsync("input[name=Category][value=CodeOfEthicsViolation]");
        await officer.FillAsync("#Summary", "Undisclosed consulting contract with the controller's relative");
        await officer.FillAsync("#Details", "A 2026 consulting agreement with Reyes Advisory LLC was approved by the controller; the owner is his brother-in-law. No conflict disclosure is on file.");
        await officer.CheckAsync($"input[name=SubjectEmails][value='{Controller}']");
        await BrowserApp.ScreenshotAsync(officer, "file-concern");
        await officer.ClickAsync("form.card button[type=submit]");
        await Expect(officer.Locator(".flash.ok")).ToContainTextAsync("routed to General Counsel and Audit Committee");
        var reference = ReferencePattern().Match(officer.Url).Value;
        Assert.That(reference, Does.StartWith("EC-"));
        await officer.GotoAsync("/Reports");
        await Expect(officer.Locator("table.grid")).ToContainTextAsync(reference);
        await BrowserApp.ScreenshotAsync(officer, "my-reports");

        // The General Counsel triages: accept, note, evidence, refer.
        await gc.GotoAsync("/Triage");
        await Expect(gc.Locator("table.queue")).ToContainTextAsync(reference);
        await BrowserApp.ScreenshotAsync(gc, "triage-queue");
        await gc.ClickAsync($"a:text('{reference}')");
        await gc.ClickAsync("button[name=trigger][value=Accept]");
        await Expect(gc.Locator(".status")).ToContainTextAsync("General Counsel review");
        await gc.FillAsync("#text", "Conflict register checked: no disclosure by the controller.");
        await gc.ClickAsync("form.compose button[type=submit]");
        await gc.FillAsync("#text", "Thank you. Could you send the approval e-mail for the contract?");
        await gc.CheckAsync("input[name=shared]");
        await gc.ClickAsync("form.compose button[type=submit]");
        await gc.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "contract-approval.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 contract approval"u8.ToArray() });
        await gc.ClickAsync("form.upload button[type=submit]");
        await Expect(gc.Locator("ul.files")).ToContainTextAsync("contract-approval.pdf");
        await gc.FillAsync("#reason", "Conflict of interest involving a senior financial officer: Audit Committee to review.");
        await gc.ClickAsync("button[name=trigger][value=ReferToAuditCommittee]");
        await Expect(gc.Locator(".status")).ToContainTextAsync("Audit Committee review");
        await BrowserApp.ScreenshotAsync(gc, "case-general-counsel");

        // The officer sees the shared message but not the private note.
        await officer.GotoAsync($"/Cases/{reference}");
        await Expect(officer.Locator("ol.thread")).ToContainTextAsync("Could you send the approval e-mail");
        await Expect(officer.Locator("ol.thread")).Not.ToContainTextAsync("Conflict register checked");
        await BrowserApp.ScreenshotAsync(officer, "case-reporter");

        // The Audit Committee requests the Board's determination.
        var ac = await BrowserApp.SignInAsync(AuditCommittee);
        await ac.GotoAsync("/Review");
        await Expect(ac.Locator("main")).ToContainTextAsync(reference);
        await BrowserApp.ScreenshotAsync(ac, "review-queue");
        await ac.GotoAsync($"/Cases/{reference}");
        await ac.ClickAsync("button[name=trigger][value=RequestBoardDetermination]");
        await Expect(ac.Locator(".status")).ToContainTextAsync("Board determination");
        await Expect(ac.Locator("#record-determination-link")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(ac, "case-audit-committee");
        await ac.GotoAsync("/Dashboard");
        await Expect(ac.Locator(".kpi").First).ToContainTextAsync("open cases");
        await BrowserApp.ScreenshotAsync(ac, "dashboard");

        await officer.GotoAsync("/Reports");
        await Expect(officer.Locator("table.grid")).ToContainTextAsync("Board determination");

        // The Audit Committee records the Board's determination on its own page: the ledger pre-fills advised, the calculator recommends.
        await ac.GotoAsync($"/Cases/{reference}");
        await ac.ClickAsync("#record-determination-link");
        await Expect(ac.Locator("#board-determination")).ToBeVisibleAsync();
        await Expect(ac.Locator("#prior-advice")).ToContainTextAsync("conflict disclosure");
        await Expect(ac.Locator("#Determination_Advised")).ToHaveValueAsync("yes");
        await Expect(ac.Locator("#prior-violations")).ToContainTextAsync("0");
        await ac.SelectOptionAsync("#Determination_Severity", "3");
        await ac.FillAsync("#Determination_Occurrences", "1");
        await ac.SelectOptionAsync("#Determination_Intent", "intentional");
        await ac.ClickAsync("#calculate");
        await Expect(ac.Locator("#calculator")).ToBeVisibleAsync();
        await Expect(ac.Locator("#calculator")).ToContainTextAsync("Recommended");
        await Expect(ac.Locator("#policy-version")).Not.ToBeEmptyAsync();
        var recommended = (await ac.GetAttributeAsync("#recommendation", "data-sanction"))!;
        var departing = recommended == "WrittenNotice" ? "Censure" : "WrittenNotice";

        // A departure without a reason is refused next to the form, the values kept.
        await ac.CheckAsync($"input[name='Determination.Sanctions'][value={departing}]");
        await ac.FillAsync("#Determination_MeetingDate", "2026-11-20");
        await ac.FillAsync("#Determination_Rationale", "The controller approved a contract with his brother-in-law's firm without disclosure, after advice.");
        await ac.ClickAsync("#record-determination");
        await Expect(ac.Locator("#determination-errors")).ToContainTextAsync("a departure from the recommendation needs a reason");
        await Expect(ac.Locator("#Determination_Rationale")).ToHaveValueAsync(new Regex("brother-in-law"));
        await Expect(ac.Locator($"input[name='Determination.Sanctions'][value={departing}]")).ToBeCheckedAsync();
        await ac.FillAsync("#Determination_Reason", "First matter for this officer; the contract was cancelled before any payment.");
        await ac.ClickAsync("#calculate");
        await Expect(ac.Locator("#calculator")).ToContainTextAsync("Recommended");
        await BrowserApp.ScreenshotAsync(ac, "determination-form");
        await ac.ClickAsync("#record-determination");
        await Expect(ac.Locator(".status")).ToContainTextAsync("Closed");
        await Expect(ac.Locator(".status")).ToContainTextAsync("ViolationFound");

        // The written notice downloads as a PDF.
        var download = await ac.RunAndWaitForDownloadAsync(() => ac.ClickAsync("#notice-link"));
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Multiple(() =>
        {
            Assert.That(download.SuggestedFilename, Is.EqualTo($"{reference}-written-notice.pdf"));
            Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        });
        await BrowserApp.ScreenshotAsync(ac, "case-determined");

        // The reporter sees the outcome, not the notice.
        await officer.GotoAsync($"/Cases/{reference}");
        await Expect(officer.Locator(".status")).ToContainTextAsync("Closed");
        await Expect(officer.Locator("#notice-link")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Anonymous_reporter_files_and_checks_status_with_key_and_password()
    {
        var page = await BrowserApp.AnonymousAsync();
        await page.GotoAsync("/");
        await BrowserApp.ScreenshotAsync(page, "home-anonymous");
        await page.GotoAsync("/Anonymous/Report");
        await page.CheckAsync("input[name=Category][value=Fraud]");
        await page.FillAsync("#Summary", "Freight invoices inflated to fund rebates");
        await page.FillAsync("#Details", "Invoices from one carrier are 30% above contract since March.");
        await BrowserApp.ScreenshotAsync(page, "anonymous-report");
        await page.ClickAsync("form.card button[type=submit]");
        var key = (await page.TextContentAsync("#report-key"))!.Trim();
        var password = (await page.TextContentAsync("#report-password"))!.Trim();
        Assert.That(key, Does.Match("^AR-[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$"));
        await BrowserApp.ScreenshotAsync(page, "anonymous-receipt");

        var later = await BrowserApp.AnonymousAsync();
        await later.GotoAsync("/Anonymous/Status");
        await later.FillAsync("#ReportKey", key);
        await later.FillAsync("#Password", "NOT-THE-PASSWORD");
        await later.ClickAsync("form.card button[type=submit]");
        await Expect(later.Locator(".errors")).ToContainTextAsync("No report matches");
        await later.FillAsync("#ReportKey", key);
        await later.FillAsync("#Password", password);
        await later.ClickAsync("form.card button[type=submit]");
        await Expect(later.Locator("#report-state")).ToHaveTextAsync("Intake");
        await later.FillAsync("#Reply", "The carrier is Northline Freight.");
        await later.ClickAsync("form.compose button[type=submit]");
        await Expect(later.Locator("ol.thread")).ToContainTextAsync("Northline Freight");
        await BrowserApp.ScreenshotAsync(later, "anonymous-status");
    }

    [Test]
    public async Task Recused_General_Counsel_cannot_find_the_case()
    {
        var reference = await BrowserApp.FileAsync(Officer, ConcernCategory.SecuritiesLawViolation, "Selective disclosure by the General Counsel", GeneralCounsel);
        var gc = await BrowserApp.SignInAsync(GeneralCounsel);

        var response = await gc.GotoAsync($"/Cases/{reference}");
        Assert.That(response!.Status, Is.EqualTo(404));
        await Expect(gc.Locator("h1")).ToHaveTextAsync("Not found");
        await BrowserApp.ScreenshotAsync(gc, "recused-not-found");
        await gc.GotoAsync("/Triage");
        await Expect(gc.Locator("main")).Not.ToContainTextAsync(reference);

        var ac = await BrowserApp.SignInAsync(AuditCommittee);
        await ac.GotoAsync($"/Cases/{reference}");
        await Expect(ac.Locator("main")).ToContainTextAsync("General Counsel recused");
    }

    [Test]
    public async Task Section_16_Audit_Committee_imports_a_late_Form_4_and_finds_the_insider_in_the_Item_405_report()
    {
        await BrowserApp.AddPersonAsync("auste.graham@alto.example", "Auste M. Graham", "Gen. Counsel, VP", Role.Officer);
        var seed = Path.GetFullPath(Path.Combine(BrowserApp.RepositoryRoot(), "..", "shared", "seeds", "form4-alto-graham-2024-03-20.txt"));
        var ac = await BrowserApp.SignInAsync(AuditCommittee);

        await ac.ClickAsync("nav.mainnav a:text('Form 4 filings')");
        await ac.SetInputFilesAsync("#files", seed);
        await ac.FillAsync("#FiledDate", "2024-03-25");
        await ac.ClickAsync("#form4-upload button[type=submit]");

        var filing = ac.Locator("article.filing");
        await Expect(ac.Locator("#import-summary")).ToContainTextAsync("Imported 1 filing(s)");
        await Expect(filing.Locator(".due")).ToHaveTextAsync("2024-03-22");
        await Expect(filing.Locator(".timeliness")).ToContainTextAsync("Late by 1 business day(s)");
        await Expect(filing.Locator("ul.findings")).ToContainTextAsync("LateFiling");
        await Expect(filing.Locator("table.transactions")).ToContainTextAsync("71,660");
        var concern = filing.Locator("ul.concerns a");
        await Expect(concern).ToHaveTextAsync(ReferencePattern());
        await BrowserApp.ScreenshotAsync(ac, "form4-import");

        var reference = await concern.InnerTextAsync();
        await concern.ClickAsync();
        await Expect(ac.Locator("main")).ToContainTextAsync(reference);
        await Expect(ac.Locator("main")).ToContainTextAsync("Auste M. Graham");

        await ac.GotoAsync("/Filings/Item405");
        await ac.FillAsync("#Year", "2024");
        await ac.ClickAsync("#item405-year button[type=submit]");
        var row = ac.Locator("#item405-people tbody tr", new() { HasText = "Auste M. Graham" });
        await Expect(row).ToContainTextAsync("due 2024-03-22 filed 2024-03-25");
        await Expect(row.Locator("td.num").First).ToHaveTextAsync("1");
        await BrowserApp.ScreenshotAsync(ac, "item405");

        // The officer does not see the pages or the link.
        var officer = await BrowserApp.SignInAsync(Officer);
        await Expect(officer.Locator("nav.mainnav")).Not.ToContainTextAsync("Form 4");
        var refused = await officer.GotoAsync("/Filings/Item405");
        Assert.That(refused!.Status, Is.EqualTo(403));
    }

    [GeneratedRegex("EC-[0-9]{4}-[0-9]{4}")]
    private static partial Regex ReferencePattern();
}
