using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Evidence;
using EthicsCases.Features.Messages;
using EthicsCases.Features.Retention;
using EthicsCases.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

/// <summary>
/// Legal holds and redaction through <c>/api</c> with real tokens, and a purged case through the API and the page: its
/// content is unreadable, every change is a 409 problem, and its history marks the purged reasons.
/// </summary>
[TestFixture]
public sealed class RetentionApiTests
{
    private static readonly string[] PurgedWords = ["Quillfeather", "Zanzibarite", "Oxbowquay", "Marrowgate", "Thistlewick", "Fenwickshire"];

    // The app's clock starts 400 days back: the purged case is filed and dismissed then, and the clock is brought to the
    // real time before any token is used (tokens are issued on the real clock).
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow - TimeSpan.FromDays(400));
    private ClockedFactory _app = null!;
    private Person _officer = null!;
    private Person _ac = null!;
    private Person _board = null!;
    private Person _acSubject = null!;
    private string _purged = "";
    private Guid _purgedId;

    private sealed class ClockedFactory(ManualClock clock) : EthicsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = new ClockedFactory(_clock);
        _officer = await _app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        _ac = await _app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
        _board = await _app.AddPersonAsync("board@example.com", "Blair Director", Role.Board);
        _acSubject = await _app.AddPersonAsync("ac2@example.com", "Ash Member", Role.AuditCommittee);
        var filed = await SendAs(_officer, new FileConcern("Fraud", "Quillfeather invoices paid twice", "The Zanzibarite supplier was paid twice.", []));
        (_purged, _purgedId) = (filed.Reference, filed.CaseId);
        await SendAs(_ac, new PostMessage(_purged, "Please send the Oxbowquay invoices.", true));
        await SendAs(_ac, new UploadEvidence(_purged, "Marrowgate.txt", Encoding.UTF8.GetBytes("Thistlewick ledger line 42")));
        await SendAs(_ac, new FireTrigger(_purged, "Dismiss", "Duplicate of the Fenwickshire report"));
        _clock.Advance(DateTimeOffset.UtcNow - _clock.GetUtcNow());
        await SendAs(null, new RunRetention());
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    // Tokens carry the real time: keep the app's clock on it.
    [SetUp]
    public void KeepTheClockOnTime() => _clock.Advance(TimeSpan.FromTicks(Math.Max(0, (DateTimeOffset.UtcNow - _clock.GetUtcNow()).Ticks)));

    [Test]
    public async Task The_Audit_Committee_places_and_releases_a_hold_and_each_is_on_the_cases_chain()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.Fraud);
        using var ac = _app.ClientAs(_ac);

        using var placed = await ac.PostAsJsonAsync($"/api/cases/{filed.Reference}/hold", new { reason = "SEC inquiry 2026-17" });
        var placedBody = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var holds = await ac.GetFromJsonAsync<JsonElement>($"/api/cases/{filed.Reference}/holds");
        using var released = await ac.PostAsJsonAsync($"/api/cases/{filed.Reference}/release", new { reason = "Inquiry closed" });
        var releasedBody = await released.Content.ReadFromJsonAsync<JsonElement>();
        var events = await EventsAsync(filed.CaseId);

        Assert.Multiple(() =>
        {
            Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(Guid.TryParse(placedBody.GetProperty("holdId").GetString(), out var holdId), Is.True);
            Assert.That(holds.GetProperty("holds")[0].GetProperty("reason").GetString(), Is.EqualTo("SEC inquiry 2026-17"));
            Assert.That(released.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((releasedBody.GetProperty("holdId").GetString(), releasedBody.GetProperty("activeHolds").GetInt32()), Is.EqualTo((holdId.ToString(), 0)));
            Assert.That(events.Select(e => (e.Action, e.Actor, e.Data)), Is.SupersetOf(new[]
            {
                ("LegalHoldPlaced", _ac.Email, $"{{\"holdId\":\"{holdId}\"}}"),
                ("LegalHoldReleased", _ac.Email, $"{{\"holdId\":\"{holdId}\"}}"),
            }));
        });
    }

    [Test]
    public async Task A_hold_by_a_Board_member_or_the_reporter_is_forbidden_a_subject_finds_no_case_and_nothing_is_recorded()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.Fraud, _acSubject);
        var before = (await EventsAsync(filed.CaseId)).Count;

        var statuses = new List<HttpStatusCode>();
        foreach (var person in new[] { _board, _officer, _acSubject })
        {
            using var client = _app.ClientAs(person);
            using var response = await client.PostAsJsonAsync($"/api/cases/{filed.Reference}/hold", new { reason = "Mine" });
            statuses.Add(response.StatusCode);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound }));
            Assert.That((await EventsAsync(filed.CaseId)).Count, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_hold_or_release_without_a_reason_and_a_redaction_with_a_bad_target_or_passage_are_400_problems_naming_the_field()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.Fraud);
        using var ac = _app.ClientAs(_ac);

        var problems = new List<(HttpStatusCode, string?, string)>();
        foreach (var (url, body, field) in new (string, object, string)[]
        {
            ($"/api/cases/{filed.Reference}/hold", new { reason = "" }, "reason"),
            ($"/api/cases/{filed.Reference}/hold", new { }, "reason"),
            ($"/api/cases/{filed.Reference}/release", new { reason = " " }, "reason"),
            ($"/api/cases/{filed.Reference}/redactions", new { target = "summary", passage = "test", reason = "Why" }, "target"),
            ($"/api/cases/{filed.Reference}/redactions", new { target = "details", passage = "not in the account", reason = "Why" }, "passage"),
            ($"/api/cases/{filed.Reference}/redactions", new { target = "details", passage = "test" }, "reason"),
        })
        {
            using var response = await ac.PostAsJsonAsync(url, body);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            problems.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _) ? field : problem.RootElement.ToString()));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(problems.Select(p => p.Item1), Is.All.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problems.Select(p => p.Item2), Is.All.EqualTo("application/problem+json"));
            Assert.That(problems.Select(p => p.Item3), Is.EqualTo(new[] { "reason", "reason", "reason", "target", "passage", "reason" }));
            Assert.That((await EventsAsync(filed.CaseId)).Select(e => e.Action), Has.None.AnyOf("LegalHoldPlaced", "Redacted"));
        });
    }

    [Test]
    public async Task A_reviewer_redacts_a_passage_of_the_account_and_the_reporter_may_not()
    {
        var filed = await _app.FileAsync(_officer, ConcernCategory.Fraud);
        using var ac = _app.ClientAs(_ac);
        using var reporter = _app.ClientAs(_officer);

        using var refused = await reporter.PostAsJsonAsync($"/api/cases/{filed.Reference}/redactions", new { target = "details", passage = "test", reason = "Mine" });
        using var redacted = await ac.PostAsJsonAsync($"/api/cases/{filed.Reference}/redactions", new { target = "details", passage = "test", reason = "Names a bystander" });
        var body = await redacted.Content.ReadFromJsonAsync<JsonElement>();
        var shown = await ac.GetFromJsonAsync<JsonElement>($"/api/cases/{filed.Reference}");
        var events = await EventsAsync(filed.CaseId);

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(redacted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(body.GetProperty("target").GetString(), Is.EqualTo("details"));
            Assert.That(shown.GetProperty("details").GetString(), Is.EqualTo("Details of the [redacted] concern."));
            Assert.That(events.Where(e => e.Action == "Redacted").Select(e => (e.Actor, e.Seq)), Is.EqualTo(new[] { (_ac.Email, body.GetProperty("eventSeq").GetInt64()) }));
            Assert.That(shown.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString(), Is.EqualTo("Names a bystander"));
        });
    }

    [Test]
    public async Task A_purged_case_refuses_a_message_a_document_a_hold_a_redaction_and_a_reopening_with_409_problems_and_nothing_changes()
    {
        using var ac = _app.ClientAs(_ac);
        using var reporter = _app.ClientAs(_officer);
        var before = await EventsAsync(_purgedId);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("late document")), "file", "late.txt" } };

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["message"] = await ac.PostAsJsonAsync($"/api/cases/{_purged}/messages", new { text = "One more thing.", sharedWithReporter = true }),
            ["reporter's message"] = await reporter.PostAsJsonAsync($"/api/cases/{_purged}/messages", new { text = "Any news?", sharedWithReporter = true }),
            ["evidence"] = await ac.PostAsync($"/api/cases/{_purged}/evidence", upload),
            ["hold"] = await ac.PostAsJsonAsync($"/api/cases/{_purged}/hold", new { reason = "New litigation" }),
            ["redaction"] = await ac.PostAsJsonAsync($"/api/cases/{_purged}/redactions", new { target = "details", passage = "Zanzibarite", reason = "Too late" }),
            ["reopen"] = await ac.PostAsJsonAsync($"/api/cases/{_purged}/triggers/Reopen", new { reason = "New facts" }),
        };
        var problems = new Dictionary<string, (HttpStatusCode, string?, string?)>();
        foreach (var (entry, response) in responses)
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            problems[entry] = (response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
            response.Dispose();
        }

        var after = await EventsAsync(_purgedId);
        var counts = await CountsAsync(_purgedId);
        Assert.Multiple(() =>
        {
            foreach (var (entry, (status, type, detail)) in problems)
            {
                Assert.That((status, type), Is.EqualTo((HttpStatusCode.Conflict, "application/problem+json")), entry);
                Assert.That(detail, Does.Contain(_purged).And.Contain("removed under the retention policy"), entry);
            }

            Assert.That(after.Select(e => e.Seq), Is.EqualTo(before.Select(e => e.Seq)), "no event was added");
            Assert.That(counts, Is.EqualTo((1, 1, 0, "Closed")), "one message, one document, no hold, still closed");
        });
    }

    [Test]
    public async Task A_purged_case_reads_through_the_api_without_any_of_its_words_and_marks_its_purged_reasons()
    {
        using var ac = _app.ClientAs(_ac);
        var read = new StringBuilder();
        foreach (var url in new[] { $"/api/cases/{_purged}", $"/api/cases/{_purged}/messages", $"/api/cases/{_purged}/evidence", $"/api/cases/{_purged}/holds", "/api/cases/export" })
        {
            using var response = await ac.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            read.AppendLine(await response.Content.ReadAsStringAsync());
        }

        var shown = await ac.GetFromJsonAsync<JsonElement>($"/api/cases/{_purged}");
        var dismiss = shown.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("trigger").GetString() == "Dismiss");
        var filedEntry = shown.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("trigger").GetString() == "Filed");
        var page = await PageAsync(_ac.Email, _purged);
        var stored = StoredBytes();

        Assert.Multiple(() =>
        {
            Assert.That(PurgedWords.Where(w => read.ToString().Contains(w, StringComparison.OrdinalIgnoreCase)), Is.Empty, "read through the API");
            Assert.That(PurgedWords.Where(w => stored.Contains(w, StringComparison.Ordinal)), Is.Empty, "in the SQLite file or its WAL");
            Assert.That(dismiss.GetProperty("purged").GetBoolean(), Is.True);
            Assert.That(dismiss.GetProperty("reason").GetString(), Does.Match(@"^\[purged under retention policy 2026-11-v1 on \d{4}-\d{2}-\d{2}\]$"));
            Assert.That((filedEntry.GetProperty("purged").GetBoolean(), filedEntry.GetProperty("reason").ValueKind), Is.EqualTo((false, JsonValueKind.Null)));
            Assert.That(page, Does.Contain("[purged under retention policy 2026-11-v1 on ").And.Not.Contain("Fenwickshire"));
        });
    }

    private async Task<T> SendAs<T>(Person? person, ICommand<T> command)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = person?.Email;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    private async Task<List<(string Action, string Actor, string? Data, long Seq)>> EventsAsync(Guid caseId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        return (await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Seq).Select(e => new { e.Action, e.Actor, e.Data, e.Seq }).ToListAsync())
            .Select(e => (e.Action, e.Actor, e.Data, e.Seq)).ToList();
    }

    private async Task<(int Messages, int Documents, int Holds, string State)> CountsAsync(Guid caseId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        return (await db.CaseMessages.CountAsync(m => m.CaseId == caseId), await db.EvidenceFiles.CountAsync(f => f.CaseId == caseId),
            await db.LegalHolds.CountAsync(h => h.CaseId == caseId), (await db.Cases.SingleAsync(c => c.Id == caseId)).State.ToString());
    }

    private string StoredBytes()
    {
        var file = Path.Combine(_app.DataDirectory, "ethics.db");
        return string.Concat(new[] { file, file + "-wal" }.Where(File.Exists).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Encoding.Latin1.GetString(copy.ToArray());
        }));
    }

    private async Task<string> PageAsync(string email, string reference)
    {
        using var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        (await SessionCookieTests.SignInAsync(browser, email)).Dispose();
        using var page = await browser.GetAsync($"/Cases/{reference}");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await page.Content.ReadAsStringAsync();
    }
}
