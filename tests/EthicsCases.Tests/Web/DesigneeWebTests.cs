using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EthicsCases.Domain;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EthicsCases.Tests.Web;

/// <summary>
/// A Board designee with no role, through <c>/api</c> with a real token and through the case page with a cookie: they see
/// and decide the case awaiting the Board while designated, are refused once the designation has ended, and the page
/// offers "Record the Board's determination" to them and the Board, not to the General Counsel.
/// </summary>
[TestFixture]
public sealed class DesigneeWebTests
{
    private EthicsWebFactory _app = null!;
    private Person _officer = null!;
    private Person _gc = null!;
    private Person _ac = null!;
    private Person _chair = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = new EthicsWebFactory();
        _officer = await _app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        _gc = await _app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        _ac = await _app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
        _chair = await _app.AddPersonAsync("chair@example.com", "Blair Chair", Role.Board, Role.BoardChair);
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Test]
    public async Task A_designee_with_no_role_reads_and_determines_the_case_through_the_api()
    {
        var designee = await DesigneeAsync("designee.api", Today.AddDays(-7), Today.AddDays(7));
        var reference = await BeforeTheBoardAsync();
        using var client = _app.ClientAs(designee);

        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        using var determined = await client.PostAsJsonAsync($"/api/cases/{reference}/determination",
            new { violationFound = true, severity = 1, occurrences = 1, intent = "inadvertent" });
        var body = await determined.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(shown.GetProperty("state").GetString(), Is.EqualTo("BoardDetermination"));
            Assert.That(determined.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
            Assert.That(body.GetProperty("state").GetString(), Is.EqualTo("Closed"));
            Assert.That(body.GetProperty("decidedAs").GetString(), Is.EqualTo("Designee"));
        });
    }

    [Test]
    public async Task A_designation_that_ended_yesterday_is_refused_with_404()
    {
        var designee = await DesigneeAsync("designee.expired", Today.AddDays(-30), Today.AddDays(-1));
        var reference = await BeforeTheBoardAsync();
        using var client = _app.ClientAs(designee);

        using var shown = await client.GetAsync($"/api/cases/{reference}");
        using var determined = await client.PostAsJsonAsync($"/api/cases/{reference}/determination",
            new { violationFound = true, severity = 1, occurrences = 1, intent = "inadvertent" });

        Assert.Multiple(() =>
        {
            Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(determined.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task The_case_page_offers_the_determination_to_the_designee_and_the_Board_but_not_to_the_General_Counsel()
    {
        var designee = await DesigneeAsync("designee.page", Today.AddDays(-1), Today.AddDays(1));
        // A Code-of-Ethics concern: the General Counsel sees it (routed to them), refers it, and the Board is asked.
        using var officer = _app.ClientAs(_officer);
        using var gc = _app.ClientAs(_gc);
        using var ac = _app.ClientAs(_ac);
        var subject = await _app.AddPersonAsync($"officer-{Guid.NewGuid():N}@example.com", "Sam Subject", Role.Officer);
        using var filed = await officer.PostAsJsonAsync("/api/concerns",
            new { category = "CodeOfEthicsViolation", summary = "Undisclosed supplier interest", subjectEmails = new[] { subject.Email } });
        var reference = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        (await gc.PostAsJsonAsync($"/api/cases/{reference}/triggers/Accept", new { })).EnsureSuccessStatusCode();
        (await gc.PostAsJsonAsync($"/api/cases/{reference}/triggers/ReferToAuditCommittee", new { reason = "For the Committee" })).EnsureSuccessStatusCode();
        (await ac.PostAsJsonAsync($"/api/cases/{reference}/triggers/RequestBoardDetermination", new { })).EnsureSuccessStatusCode();

        var asDesignee = await CasePageAsync(designee.Email, reference);
        var waitingList = await PageAsync(designee.Email, "/Board/Determinations");
        var asChair = await CasePageAsync(_chair.Email, reference);
        var asCounsel = await CasePageAsync(_gc.Email, reference);

        Assert.Multiple(() =>
        {
            Assert.That(asDesignee, Does.Contain("id=\"record-determination-link\""));
            Assert.That(waitingList, Does.Contain($"/Cases/{reference}"), "the designee's list of cases awaiting the Board");
            Assert.That(asChair, Does.Contain("id=\"record-determination-link\""));
            Assert.That(asCounsel, Does.Contain(reference), "the General Counsel sees the case page");
            Assert.That(asCounsel, Does.Not.Contain("record-determination-link"));
        });
    }

    [Test]
    public async Task The_menu_leads_a_designee_with_no_role_to_their_lists_only_while_designated_and_only_for_what_they_decide()
    {
        var forDeterminations = await DesigneeAsync("designee.menu", Today.AddDays(-1), Today.AddDays(1));
        var forWaivers = await DesigneeAsync("designee.menu.waivers", Today.AddDays(-1), Today.AddDays(1), "waivers");
        var ended = await DesigneeAsync("designee.menu.ended", Today.AddDays(-30), Today.AddDays(-1), "determinations", "waivers");
        var nobody = await _app.AddPersonAsync($"no.role-{Guid.NewGuid():N}@example.com", "Nobody Designated");

        var menus = new Dictionary<string, string>();
        foreach (var (who, email) in new[] { ("determinations", forDeterminations.Email), ("waivers", forWaivers.Email), ("ended", ended.Email),
            ("no designation", nobody.Email), ("officer", _officer.Email) })
        {
            menus[who] = await PageAsync(email, "/");
        }

        // The links lead somewhere the designee may go: the list of cases awaiting the Board, the waiver register.
        var list = await PageAsync(forDeterminations.Email, "/Board/Determinations");
        var register = await PageAsync(forWaivers.Email, "/Waivers");

        Assert.Multiple(() =>
        {
            Assert.That(menus["determinations"], Does.Contain("id=\"nav-board-determinations\""));
            Assert.That(menus["determinations"], Does.Not.Contain("id=\"nav-waivers\""), "designated for determinations only");
            Assert.That(menus["waivers"], Does.Contain("id=\"nav-waivers\""));
            Assert.That(menus["waivers"], Does.Not.Contain("nav-board-determinations"), "designated for waivers only");
            Assert.That(menus["ended"], Does.Not.Contain("nav-board-determinations").And.Not.Contain("id=\"nav-waivers\""), "the designation ended yesterday");
            Assert.That(menus["no designation"], Does.Not.Contain("nav-board-determinations").And.Not.Contain("id=\"nav-waivers\""));
            Assert.That(menus["officer"], Does.Not.Contain("nav-board-determinations"), "an officer reaches waivers by role, not the Board's list");
            Assert.That(menus["officer"], Does.Contain("id=\"nav-waivers\""));
            Assert.That(list, Does.Contain("<h1"), "the designee's list opens");
            Assert.That(register, Does.Contain("<h1"), "the waiver register opens for a designee for waivers");
        });
    }

    private Task<string> CasePageAsync(string email, string reference) => PageAsync(email, $"/Cases/{reference}");

    private async Task<string> PageAsync(string email, string path)
    {
        using var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        (await SessionCookieTests.SignInAsync(browser, email)).Dispose();
        using var page = await browser.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{email}: {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    private async Task<Person> DesigneeAsync(string name, DateOnly from, DateOnly to, params string[] matters)
    {
        var designee = await _app.AddPersonAsync($"{name}-{Guid.NewGuid():N}@example.com", "Outside Counsel");
        using var chair = _app.ClientAs(_chair);
        using var designated = await chair.PostAsJsonAsync("/api/board/designations",
            new { person = designee.Email, matters = matters.Length == 0 ? ["determinations"] : matters, from, to, resolution = from });
        Assert.That(designated.StatusCode, Is.EqualTo(HttpStatusCode.Created), await designated.Content.ReadAsStringAsync());
        return designee;
    }

    private async Task<string> BeforeTheBoardAsync()
    {
        var subject = await _app.AddPersonAsync($"officer-{Guid.NewGuid():N}@example.com", "Sam Subject", Role.Officer);
        using var officer = _app.ClientAs(_officer);
        using var ac = _app.ClientAs(_ac);
        using var filed = await officer.PostAsJsonAsync("/api/concerns",
            new { category = "Fraud", summary = "Duplicate expense receipts", subjectEmails = new[] { subject.Email } });
        var reference = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        (await ac.PostAsJsonAsync($"/api/cases/{reference}/triggers/Accept", new { })).EnsureSuccessStatusCode();
        (await ac.PostAsJsonAsync($"/api/cases/{reference}/triggers/RequestBoardDetermination", new { })).EnsureSuccessStatusCode();
        return reference;
    }
}
