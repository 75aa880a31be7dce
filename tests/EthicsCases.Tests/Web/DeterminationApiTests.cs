using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

/// <summary>The Board determination, the calculator and the prior-advice ledger through <c>/api</c>, with real tokens.</summary>
[TestFixture]
public sealed class DeterminationApiTests
{
    private EthicsWebFactory _app = null!;
    private Person _officer = null!;
    private Person _gc = null!;
    private Person _ac = null!;
    private Person _board = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = new EthicsWebFactory();
        _officer = await _app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        _gc = await _app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        _ac = await _app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
        _board = await _app.AddPersonAsync("board@example.com", "Blair Director", Role.Board);
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Recommend_answers_the_contract_shape()
    {
        using var client = _app.ClientAs(_officer);
        using var response = await client.PostAsJsonAsync("/api/sanctions/recommend",
            new { severity = 1, occurrences = 1, intent = "inadvertent", advised = "no", priorViolations = 0 });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("recommendation").GetString(), Is.EqualTo("WrittenNotice"));
            Assert.That(body.GetProperty("factors").GetArrayLength(), Is.EqualTo(5));
            Assert.That(body.GetProperty("policyVersion").GetString(), Is.Not.Empty);
            Assert.That(body.GetProperty("explanation").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Recommend_with_an_out_of_range_factor_is_a_validation_problem_naming_it()
    {
        using var client = _app.ClientAs(_officer);
        using var response = await client.PostAsJsonAsync("/api/sanctions/recommend",
            new { severity = 9, occurrences = 1, intent = "inadvertent", advised = "no", priorViolations = 0 });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty("severity", out _), Is.True);
        });
    }

    [Test]
    public async Task Departing_determination_without_a_reason_is_400_on_reason_and_changes_nothing()
    {
        var reference = await BeforeTheBoardAsync();
        using var ac = _app.ClientAs(_ac);

        using var response = await ac.PostAsJsonAsync($"/api/cases/{reference}/determination", Departing(reason: null));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var after = await ac.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.RootElement.GetProperty("errors").GetProperty("reason")[0].GetString(), Does.Contain("WrittenNotice"));
            Assert.That(after.GetProperty("state").GetString(), Is.EqualTo("BoardDetermination"));
        });
    }

    [Test]
    public async Task Departing_determination_with_a_reason_closes_the_case_with_a_violation_and_a_pdf_notice()
    {
        var reference = await BeforeTheBoardAsync();
        using var ac = _app.ClientAs(_ac);
        using var board = _app.ClientAs(_board);

        using var response = await ac.PostAsJsonAsync($"/api/cases/{reference}/determination", Departing(reason: "Repeated concealment from the auditors."));
        var determined = await response.Content.ReadFromJsonAsync<JsonElement>();
        var shown = await ac.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}");
        using var notice = await board.PostAsync($"/api/cases/{reference}/notice", null);
        var pdf = await notice.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), determined.ToString());
            Assert.That(determined.GetProperty("state").GetString(), Is.EqualTo("Closed"));
            Assert.That(determined.GetProperty("outcome").GetString(), Is.EqualTo("ViolationFound"));
            Assert.That(determined.GetProperty("recommendation").GetString(), Is.EqualTo("WrittenNotice"));
            Assert.That(determined.GetProperty("departsFromRecommendation").GetBoolean(), Is.True);
            Assert.That(shown.GetProperty("state").GetString(), Is.EqualTo("Closed"));
            Assert.That(shown.GetProperty("outcome").GetString(), Is.EqualTo("ViolationFound"));
            Assert.That(notice.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(notice.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        });
    }

    [Test]
    public async Task Recording_a_determination_twice_is_409_naming_the_state()
    {
        var reference = await BeforeTheBoardAsync();
        using var ac = _app.ClientAs(_ac);
        using var first = await ac.PostAsJsonAsync($"/api/cases/{reference}/determination", new { violationFound = false, sanctions = Array.Empty<object>() });
        using var second = await ac.PostAsJsonAsync($"/api/cases/{reference}/determination", new { violationFound = false, sanctions = Array.Empty<object>() });
        using var problem = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.RootElement.GetProperty("state").GetString(), Is.EqualTo("Closed"));
        });
    }

    [Test]
    public async Task Notice_of_a_case_without_a_determined_violation_is_404()
    {
        var reference = await BeforeTheBoardAsync();
        using var ac = _app.ClientAs(_ac);
        using var response = await ac.PostAsync($"/api/cases/{reference}/notice", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Fetching_the_notice_takes_a_POST_and_a_GET_writes_nothing()
    {
        var reference = await BeforeTheBoardAsync();
        using var ac = _app.ClientAs(_ac);
        (await ac.PostAsJsonAsync($"/api/cases/{reference}/determination", Departing(reason: "Repeated concealment from the auditors."))).EnsureSuccessStatusCode();
        using var browser = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false,
        });
        (await SessionCookieTests.SignInAsync(browser, _ac.Email)).Dispose();

        using var apiGet = await ac.GetAsync($"/api/cases/{reference}/notice");
        using var pageGet = await browser.GetAsync($"/Cases/{reference}?handler=Notice");
        var afterGets = await NoticeFetchesAsync(reference);
        using var apiPost = await ac.PostAsync($"/api/cases/{reference}/notice", null);
        var afterPost = await NoticeFetchesAsync(reference);

        Assert.Multiple(() =>
        {
            Assert.That(apiGet.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(apiGet.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(pageGet.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("application/pdf"));
            Assert.That(afterGets, Is.Zero);
            Assert.That(apiPost.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(afterPost, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_notice_POST_is_in_the_OpenAPI_document_and_the_GET_is_not()
    {
        using var client = _app.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var path = document.RootElement.GetProperty("paths").GetProperty("/api/cases/{key}/notice");
        Assert.Multiple(() =>
        {
            Assert.That(path.TryGetProperty("post", out var post), Is.True, path.ToString());
            Assert.That(post.ToString(), Does.Contain("application/pdf"), path.ToString());
            Assert.That(path.TryGetProperty("get", out _), Is.False);
        });
    }

    private async Task<int> NoticeFetchesAsync(string reference)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsCases.Data.EthicsDbContext>();
        return await db.AuditEvents.CountAsync(e => e.Action == "NoticeFetched" && db.Cases.Any(c => c.Id == e.CaseId && c.Reference == reference));
    }

    [Test]
    public async Task Advice_recorded_by_the_General_Counsel_pre_fills_advised_in_the_context_and_the_preview_counts_it()
    {
        var subject = await _app.AddPersonAsync($"officer-{Guid.NewGuid():N}@example.com", "Devon Advised", Role.Officer);
        using var gc = _app.ClientAs(_gc);
        using var recorded = await gc.PostAsJsonAsync("/api/advice",
            new { person = subject.Email, category = "Fraud", date = "2024-03-01", summary = "Receipts must be originals; duplicates are not reimbursable." });
        var reference = await BeforeTheBoardAsync(subject);
        using var ac = _app.ClientAs(_ac);

        var ledger = (await ac.GetFromJsonAsync<JsonElement>($"/api/advice?person={subject.Email}")).GetProperty("items");
        var context = await ac.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}/determination-context?severity=1&occurrences=1&intent=inadvertent");
        var individual = context.GetProperty("individuals")[0];
        var advised = context.GetProperty("recommendation").GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("factor").GetString() == "advised");

        Assert.Multiple(() =>
        {
            Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(ledger.GetArrayLength(), Is.EqualTo(1));
            Assert.That(individual.GetProperty("advised").GetBoolean(), Is.True);
            Assert.That(individual.GetProperty("priorAdvice").GetArrayLength(), Is.EqualTo(1));
            Assert.That(advised.GetProperty("input").GetString(), Is.EqualTo("yes"));
        });
    }

    [Test]
    public async Task Advice_without_a_date_is_a_validation_problem_on_date()
    {
        using var gc = _app.ClientAs(_gc);
        using var response = await gc.PostAsJsonAsync("/api/advice", new { person = _officer.Email, category = "Fraud", summary = "Advice." });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty("date", out _), Is.True);
        });
    }

    // A first, minor, inadvertent Fraud (policy: a written notice) answered with censure and a suspension: a departure.
    private static object Departing(string? reason) => new
    {
        violationFound = true,
        sanctions = new object[]
        {
            new { sanction = "Censure" },
            new { sanction = "SuspensionWithoutPay", from = "2026-12-01", to = "2026-12-14" },
        },
        severity = 1,
        occurrences = 1,
        intent = "inadvertent",
        reason,
        rationale = "The Board found the receipts duplicated.",
        meetingDate = "2026-11-20",
    };

    // Fraud goes to the Audit Committee alone: it accepts and asks the Board, through the API.
    private async Task<string> BeforeTheBoardAsync(Person? subject = null)
    {
        subject ??= await _app.AddPersonAsync($"officer-{Guid.NewGuid():N}@example.com", "Sam Subject", Role.Officer);
        using var officer = _app.ClientAs(_officer);
        using var ac = _app.ClientAs(_ac);
        using var filed = await officer.PostAsJsonAsync("/api/concerns",
            new { category = "Fraud", summary = "Duplicate expense receipts", details = "Seen in Q3.", subjectEmails = new[] { subject.Email } });
        var reference = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        (await ac.PostAsJsonAsync($"/api/cases/{reference}/triggers/Accept", new { })).EnsureSuccessStatusCode();
        (await ac.PostAsJsonAsync($"/api/cases/{reference}/triggers/RequestBoardDetermination", new { })).EnsureSuccessStatusCode();
        return reference;
    }
}
