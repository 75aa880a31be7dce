using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EthicsCases.Tests.Web;

[TestFixture]
public sealed class ApiBehaviourTests
{
    private EthicsWebFactory _app = null!;
    private Person _officer = null!;
    private Person _gc = null!;
    private Person _ac = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = new EthicsWebFactory();
        _officer = await _app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        _gc = await _app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        _ac = await _app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Invalid_concern_is_a_validation_problem_with_errors_by_field()
    {
        using var client = _app.ClientAs(_officer);
        using var response = await client.PostAsJsonAsync("/api/concerns", new { category = "Gossip", summary = "", subjectEmails = new[] { "nobody@example.com" } });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(400));
            Assert.That(errors.TryGetProperty("category", out _), Is.True);
            Assert.That(errors.TryGetProperty("summary", out _), Is.True);
        });
    }

    [Test]
    public async Task Dismiss_without_reason_is_a_validation_problem_on_reason()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.CodeOfEthicsViolation);
        using var client = _app.ClientAs(_gc);
        using var response = await client.PostAsJsonAsync($"/api/cases/{filed.Reference}/triggers/Dismiss", new { reason = "" });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty("reason", out _), Is.True);
        });
    }

    [Test]
    public async Task Trigger_not_possible_in_this_state_is_409_naming_the_permitted_triggers()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.CodeOfEthicsViolation);
        using var client = _app.ClientAs(_gc);
        using var response = await client.PostAsJsonAsync($"/api/cases/{filed.Reference}/triggers/Reopen", new { reason = "try" });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var permitted = problem.RootElement.GetProperty("permittedTriggers").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.RootElement.GetProperty("state").GetString(), Is.EqualTo("Intake"));
            Assert.That(permitted, Is.EquivalentTo(new[] { "Accept", "Dismiss" }));
        });
    }

    [Test]
    public async Task Concurrent_changes_to_one_case_never_fail_with_a_server_error()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.CodeOfEthicsViolation);
        using var client = _app.ClientAs(_gc);
        var accepts = Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync($"/api/cases/{filed.Reference}/triggers/Accept", new { }));
        var notes = Enumerable.Range(0, 6).Select(i => client.PostAsJsonAsync($"/api/cases/{filed.Reference}/messages", new { text = $"note {i}", sharedWithReporter = false }));
        var responses = await Task.WhenAll(accepts.Concat(notes));
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(codes, Is.All.AnyOf(200, 201, 409), string.Join(",", codes));
            Assert.That(codes.Take(6).Count(c => c == 200), Is.EqualTo(1), "exactly one Accept wins");
        });
    }

    [Test]
    public async Task Anonymous_report_is_followed_with_key_and_password_and_stores_only_hashes()
    {
        using var anonymous = _app.CreateClient();
        using var filed = await anonymous.PostAsJsonAsync("/api/anonymous/reports", new { category = "Fraud", summary = "Kickbacks on freight", details = "Seen in Q3." });
        var receipt = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var key = receipt.GetProperty("reportKey").GetString()!;
        var password = receipt.GetProperty("password").GetString()!;

        using var status = await anonymous.PostAsJsonAsync("/api/anonymous/status", new { reportKey = key, password });
        using var wrong = await anonymous.PostAsJsonAsync("/api/anonymous/status", new { reportKey = key, password = "WRONG-PASSWORD" });
        using var reply = await anonymous.PostAsJsonAsync("/api/anonymous/messages", new { reportKey = key, password, text = "More detail: invoices 17-23." });
        using var ac = _app.ClientAs(_ac);
        var reference = receipt.GetProperty("reference").GetString();
        var thread = await ac.GetFromJsonAsync<JsonElement>($"/api/cases/{reference}/messages");

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        var ethicsCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Reference == reference);
        var credential = await db.AnonymousCredentials.AsNoTracking().SingleAsync(a => a.CaseId == ethicsCase.Id);
        Assert.Multiple(() =>
        {
            Assert.That(filed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(thread.EnumerateArray().Single().GetProperty("author").GetString(), Is.EqualTo("Anonymous reporter"));
            Assert.That(ethicsCase.ReporterId, Is.Null);
            Assert.That(credential.KeyHash, Does.Not.Contain(key).And.Length.EqualTo(64));
            Assert.That(credential.PasswordHash, Does.Not.Contain(password));
            Assert.That(credential.Scheme, Is.EqualTo(AnonymousCredential.HmacScheme));
        });
    }

    [Test]
    public async Task Reporter_reads_shared_messages_but_never_private_notes()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.CodeOfEthicsViolation);
        using var gc = _app.ClientAs(_gc);
        using var officer = _app.ClientAs(_officer);
        (await gc.PostAsJsonAsync($"/api/cases/{filed.Reference}/messages", new { text = "Private: check vendor 42.", sharedWithReporter = false })).EnsureSuccessStatusCode();
        (await gc.PostAsJsonAsync($"/api/cases/{filed.Reference}/messages", new { text = "Could you send the invoice numbers?", sharedWithReporter = true })).EnsureSuccessStatusCode();

        var seen = (await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{filed.Reference}/messages")).EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { "Could you send the invoice numbers?" }));
            Assert.That(seen.Single().GetProperty("author").GetString(), Is.EqualTo("Reviewer"));
        });
    }

    [Test]
    public async Task Evidence_outside_the_allow_list_or_disguised_is_refused()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.CodeOfEthicsViolation);
        using var gc = _app.ClientAs(_gc);
        async Task<HttpStatusCode> Upload(string name, byte[] bytes)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
            using var response = await gc.PostAsync($"/api/cases/{filed.Reference}/evidence", form);
            return response.StatusCode;
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await Upload("run.exe", "MZ"u8.ToArray()), Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Upload("fake.pdf", "<html>"u8.ToArray()), Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Upload("real.pdf", "%PDF-1.7"u8.ToArray()), Is.EqualTo(HttpStatusCode.Created));
        });
    }

    [Test]
    public async Task Every_audited_action_keeps_the_audit_chain_valid()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.CodeOfEthicsViolation);
        using var gc = _app.ClientAs(_gc);
        (await gc.PostAsJsonAsync($"/api/cases/{filed.Reference}/messages", new { text = "Note", sharedWithReporter = false })).EnsureSuccessStatusCode();
        (await gc.PostAsJsonAsync($"/api/cases/{filed.Reference}/triggers/Accept", new { })).EnsureSuccessStatusCode();
        var detail = await gc.GetFromJsonAsync<JsonElement>($"/api/cases/{filed.Reference}");

        await using var scope = _app.Services.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new EthicsCases.Features.Audit.VerifyAudit());
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("trigger").GetString()),
                Is.EqualTo(new[] { "Filed", "NoteAdded", "Accept" }));
            Assert.That(verdict.Valid, Is.True);
        });
    }

    [Test]
    public async Task OpenApi_document_lists_the_api()
    {
        using var client = _app.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(paths, Does.Contain("/api/cases/{key}/triggers/{trigger}").And.Contain("/api/anonymous/reports"));
    }

    [Test]
    public async Task Pages_carry_security_headers_and_a_strict_content_security_policy()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(csp, Does.Contain("script-src 'self'").And.Not.Contain("unsafe-inline"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Does.Contain("nosniff"));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Does.Contain("DENY"));
        });
    }

    [Test]
    public async Task Anonymous_form_without_antiforgery_token_is_rejected()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/Anonymous/Report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Category"] = "Fraud", ["Summary"] = "x",
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void Production_refuses_local_sign_in()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Mode"] = "Local" }).Build();
        var production = new FakeEnvironment(Environments.Production);
        Assert.Multiple(() =>
        {
            Assert.That(() => AuthSetup.ModeOf(config, production), Throws.InvalidOperationException.With.Message.Contains("refused outside Development"));
            Assert.That(AuthSetup.ModeOf(new ConfigurationBuilder().Build(), new FakeEnvironment(Environments.Development)), Is.EqualTo(AuthMode.Local));
        });
    }

    private sealed class FakeEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "EthicsCases.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
