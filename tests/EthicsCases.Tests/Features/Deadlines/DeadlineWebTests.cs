using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Notifications;
using EthicsCases.Tests.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.Deadlines;

/// <summary>The clocks, the acknowledgement, feedback, preferences and reporter uploads through the web app's pages and API.</summary>
public sealed partial class DeadlineWebTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static HttpClient Browser(EthicsWebFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private static async Task<HttpClient> SignedIn(EthicsWebFactory app, Person person)
    {
        var client = Browser(app);
        (await SessionCookieTests.SignInAsync(client, person.Email)).Dispose();
        return client;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string? handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups[1].Value;
        return await client.PostAsync(handler is null ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Test]
    public async Task The_api_shows_deadlines_to_the_reviewer_the_reporters_two_to_the_reporter_and_nothing_to_a_subject()
    {
        using var app = new EthicsWebFactory();
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        var subject = await app.AddPersonAsync("controller@example.com", "Jo Controller", Role.Officer);
        var gc = await app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        var filed = await app.FileAsync(officer, ConcernCategory.CodeOfEthicsViolation, subject);
        using var asGc = app.ClientAs(gc);
        using var asOfficer = app.ClientAs(officer);
        using var asSubject = app.ClientAs(subject);

        var reviewer = await asGc.GetFromJsonAsync<JsonElement>($"/api/cases/{filed.Reference}");
        var reporter = await asOfficer.GetFromJsonAsync<JsonElement>($"/api/cases/{filed.Reference}");
        var queue = (await asGc.GetFromJsonAsync<JsonElement>("/api/queue?state=Intake")).GetProperty("items").EnumerateArray().Single();
        using var forSubject = await asSubject.GetAsync($"/api/cases/{filed.Reference}");

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(reviewer.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("kind").GetString()),
                Is.EqualTo(new[] { "Acknowledge", "Feedback", "Triage" }));
            var acknowledge = reviewer.GetProperty("deadlines")[0];
            Assert.That(acknowledge.GetProperty("due").GetString(), Is.EqualTo(due));
            Assert.That(acknowledge.GetProperty("metAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(acknowledge.GetProperty("overdue").GetBoolean(), Is.False);
            Assert.That(reporter.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("kind").GetString()),
                Is.EqualTo(new[] { "Acknowledge", "Feedback" }));
            Assert.That(queue.GetProperty("nextDeadline").GetProperty("kind").GetString(), Is.EqualTo("Acknowledge"));
            Assert.That(queue.GetProperty("nextDeadline").GetProperty("due").GetString(), Is.EqualTo(due));
            Assert.That(queue.GetProperty("nextDeadline").GetProperty("overdue").GetBoolean(), Is.False);
            Assert.That(forSubject.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task The_api_acknowledges_once_and_takes_feedback_and_the_incident_date()
    {
        using var app = new EthicsWebFactory();
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        var gc = await app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        using var asOfficer = app.ClientAs(officer);
        using var asGc = app.ClientAs(gc);

        using var filing = await asOfficer.PostAsJsonAsync("/api/concerns", new
        {
            category = "CodeOfEthicsViolation", summary = "Gifts", subjectEmails = Array.Empty<string>(), incidentDate = "2026-01-15",
        });
        var reference = (await filing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        using var first = await asGc.PostAsync($"/api/cases/{reference}/acknowledge", null);
        using var second = await asGc.PostAsync($"/api/cases/{reference}/acknowledge", null);
        using var feedback = await asGc.PostAsJsonAsync($"/api/cases/{reference}/messages", new { text = "We looked into it.", sharedWithReporter = true, feedback = true });
        using var badFeedback = await asGc.PostAsJsonAsync($"/api/cases/{reference}/messages", new { text = "note", sharedWithReporter = false, feedback = true });
        var shown = await asGc.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");

        Assert.Multiple(() =>
        {
            Assert.That(filing.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(feedback.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(badFeedback.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(shown.GetProperty("incidentDate").GetString(), Is.EqualTo("2026-01-15"));
            Assert.That(shown.GetProperty("deadlines").EnumerateArray().Take(2).Select(d => d.GetProperty("metAt").ValueKind),
                Is.All.Not.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task The_case_page_shows_the_deadlines_block_and_its_acknowledge_button_works()
    {
        using var app = new EthicsWebFactory();
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        var gc = await app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        var filed = await app.FileAsync(officer, ConcernCategory.CodeOfEthicsViolation);
        using var gcBrowser = await SignedIn(app, gc);
        using var officerBrowser = await SignedIn(app, officer);

        var before = await gcBrowser.GetStringAsync($"/Cases/{filed.Reference}");
        using var acknowledged = await PostFormAsync(gcBrowser, $"/Cases/{filed.Reference}", "Acknowledge", []);
        var after = await gcBrowser.GetStringAsync($"/Cases/{filed.Reference}");
        var reporterPage = await officerBrowser.GetStringAsync($"/Cases/{filed.Reference}");
        var myReports = await officerBrowser.GetStringAsync("/Reports");

        Assert.Multiple(() =>
        {
            Assert.That(before, Does.Contain("<h2>Deadlines</h2>").And.Contain("data-kind=\"Triage\"").And.Contain("id=\"acknowledge\""));
            Assert.That(acknowledged.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(after, Does.Not.Contain("id=\"acknowledge\"").And.Contain("met "));
            Assert.That(reporterPage, Does.Contain("data-kind=\"Acknowledge\"").And.Not.Contain("data-kind=\"Triage\"").And.Not.Contain("id=\"acknowledge\""));
            Assert.That(myReports, Does.Contain("report-deadlines").And.Contain("data-kind=\"Feedback\""));
        });
    }

    [Test]
    public async Task The_notifications_page_sets_the_daily_digest()
    {
        using var app = new EthicsWebFactory();
        var gc = await app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        using var browser = await SignedIn(app, gc);

        var home = await browser.GetStringAsync("/");
        using var saved = await PostFormAsync(browser, "/Account/Notifications", null, new() { ["Preference"] = "DailyDigest" });
        var page = await browser.GetStringAsync("/Account/Notifications");
        using var anonymous = await Browser(app).GetAsync("/Account/Notifications");

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<EthicsDbContext>().People.AsNoTracking().SingleAsync(p => p.Email == gc.Email);
        Assert.Multiple(() =>
        {
            Assert.That(home, Does.Contain("href=\"/Account/Notifications\""));
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(stored.NotificationPreference, Is.EqualTo(NotificationPreference.DailyDigest));
            Assert.That(page, Does.Match("id=\"pref-digest\"[^>]*checked"));
            Assert.That(anonymous.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Reporters_attach_documents_signed_in_and_anonymously_within_the_type_rules()
    {
        using var app = new EthicsWebFactory();
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        var chair = await app.AddPersonAsync("chair@example.com", "Ari Chair", Role.AuditCommittee);
        var filed = await app.FileAsync(officer, ConcernCategory.Fraud);
        using var asOfficer = app.ClientAs(officer);
        using var asChair = app.ClientAs(chair);
        using var anonymous = app.CreateClient();

        using var signedIn = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 receipts"u8.ToArray()), "file", "receipts.pdf" } };
        using var upload = await asOfficer.PostAsync($"/api/cases/{filed.Reference}/evidence", signedIn);
        using var report = await anonymous.PostAsJsonAsync("/api/anonymous/reports", new { category = "Fraud", summary = "Split invoices", subjectEmails = Array.Empty<string>() });
        var receipt = await report.Content.ReadFromJsonAsync<JsonElement>();
        MultipartFormDataContent Anonymous(string name, byte[] content) => new()
        {
            { new StringContent(receipt.GetProperty("reportKey").GetString()!), "reportKey" },
            { new StringContent(receipt.GetProperty("password").GetString()!), "password" },
            { new ByteArrayContent(content), "file", name },
        };
        using var good = Anonymous("ledger.csv", "date,amount\n2026-01-02,100\n"u8.ToArray());
        using var anonymousUpload = await anonymous.PostAsync("/api/anonymous/evidence", good);
        using var bad = Anonymous("run.exe", "MZ"u8.ToArray());
        using var refused = await anonymous.PostAsync("/api/anonymous/evidence", bad);
        using var wrong = new MultipartFormDataContent
        {
            { new StringContent(receipt.GetProperty("reportKey").GetString()!), "reportKey" },
            { new StringContent("not the password"), "password" },
            { new ByteArrayContent("a,b\n"u8.ToArray()), "file", "x.csv" },
        };
        using var wrongPassword = await anonymous.PostAsync("/api/anonymous/evidence", wrong);
        var signedInList = await asChair.GetFromJsonAsync<JsonElement>($"/api/cases/{filed.Reference}/evidence");
        var anonymousList = await asChair.GetFromJsonAsync<JsonElement>($"/api/cases/{receipt.GetProperty("reference").GetString()}/evidence");

        Assert.Multiple(() =>
        {
            Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(signedInList.EnumerateArray().Single().GetProperty("uploadedBy").GetString(), Is.EqualTo("Casey Officer"));
            Assert.That(anonymousUpload.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(anonymousList.EnumerateArray().Single().GetProperty("fileName").GetString(), Is.EqualTo("ledger.csv"));
            Assert.That(anonymousList.EnumerateArray().Single().GetProperty("uploadedBy").GetString(), Is.EqualTo(EthicsCase.AnonymousReporter));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(wrongPassword.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
