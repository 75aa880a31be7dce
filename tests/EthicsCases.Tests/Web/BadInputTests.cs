using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

/// <summary>
/// Malformed requests answer 400 problem details in every environment, and change nothing: the cases the first
/// attacker's report named one by one. Development used to throw (500) where Production answered an empty 400.
/// </summary>
[TestFixture("Development")]
[TestFixture("Production")]
public sealed class BadInputTests(string environment)
{
    private EthicsWebFactory _app = null!;
    private Person _officer = null!;
    private Person _gc = null!;
    private Person _ac = null!;
    private string _boardCase = null!;
    private string _intakeCase = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = environment == "Production" ? new ProductionWebFactory() : new EthicsWebFactory();
        _officer = await _app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        _gc = await _app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        _ac = await _app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
        _intakeCase = (await _app.FileAsync(_officer, ConcernCategory.CodeOfEthicsViolation)).Reference;
        _boardCase = (await _app.FileAsync(_officer, ConcernCategory.Fraud)).Reference;
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = _ac.Email;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new FireTrigger(_boardCase, "Accept", null));
        await mediator.Send(new FireTrigger(_boardCase, "RequestBoardDetermination", null));
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    private static StringContent Json(string body, string? mediaType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = mediaType is null ? null : new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    private static async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> Send(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<int> CaseCount() => Read(db => db.Cases.CountAsync());

    private async Task<T> Read<T>(Func<EthicsDbContext, Task<T>> read)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
    }

    private static void IsBadRequestProblem((HttpStatusCode Status, string? MediaType, JsonElement Body) answer, string? field = null)
    {
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.Body.ToString());
        Assert.That(answer.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(answer.Body.GetProperty("status").GetInt32(), Is.EqualTo(400));
        if (field is not null)
        {
            Assert.That(answer.Body.GetProperty("errors").TryGetProperty(field, out _), Is.True, answer.Body.ToString());
        }
    }

    [Test]
    public async Task Unreadable_json_bodies_are_400_problem_details()
    {
        using var officer = _app.ClientAs(_officer);
        using var ac = _app.ClientAs(_ac);
        var before = await CaseCount();

        var truncated = await Send(officer, HttpMethod.Post, "/api/concerns", Json("""{"category":"Fraud","summary":"Vendor paid tw"""));
        var wrongType = await Send(officer, HttpMethod.Post, "/api/concerns", Json("""{"category":"Fraud","summary":5,"subjectEmails":[]}"""));
        var noContentType = await Send(officer, HttpMethod.Post, "/api/concerns", Json("""{"category":"Fraud","summary":"s","subjectEmails":[]}""", null));
        var textPlain = await Send(officer, HttpMethod.Post, "/api/concerns", Json("""{"category":"Fraud","summary":"s","subjectEmails":[]}""", "text/plain"));
        var advisedAsBoolean = await Send(ac, HttpMethod.Post, $"/api/cases/{_boardCase}/determination", Json(
            """{"violationFound":true,"sanctions":[],"severity":1,"occurrences":1,"intent":"inadvertent","advised":false}"""));

        Assert.Multiple(async () =>
        {
            IsBadRequestProblem(truncated);
            IsBadRequestProblem(wrongType);
            IsBadRequestProblem(noContentType);
            IsBadRequestProblem(textPlain);
            IsBadRequestProblem(advisedAsBoolean);
            Assert.That(advisedAsBoolean.Body.GetProperty("detail").GetString(), Does.Contain("advised"), "the reader says where the body went wrong");
            Assert.That(await CaseCount(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Multipart_without_a_boundary_or_without_the_file_is_400_problem_details()
    {
        using var gc = _app.ClientAs(_gc);
        var noBoundary = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--x--\r\n"u8.ToArray());
        noBoundary.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        var noBoundaryForm4 = new ByteArrayContent("garbage"u8.ToArray());
        noBoundaryForm4.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        using var wrongField = new MultipartFormDataContent { { new ByteArrayContent("a,b\n"u8.ToArray()), "document", "a.csv" } };

        var evidence = await Send(gc, HttpMethod.Post, $"/api/cases/{_intakeCase}/evidence", noBoundary);
        var form4 = await Send(gc, HttpMethod.Post, "/api/form4/check", noBoundaryForm4);
        var missingFile = await Send(gc, HttpMethod.Post, $"/api/cases/{_intakeCase}/evidence", wrongField);
        var jsonToForm = await Send(gc, HttpMethod.Post, "/api/form4/import", Json("{}"));

        Assert.Multiple(async () =>
        {
            IsBadRequestProblem(evidence);
            IsBadRequestProblem(form4);
            IsBadRequestProblem(missingFile);
            IsBadRequestProblem(jsonToForm);
            Assert.That(await Read(db => db.EvidenceFiles.CountAsync()), Is.Zero);
        });
    }

    [Test]
    public async Task Enums_accept_their_names_in_any_case_and_nothing_else()
    {
        using var anonymous = _app.CreateClient();
        using var officer = _app.ClientAs(_officer);
        using var gc = _app.ClientAs(_gc);
        using var ac = _app.ClientAs(_ac);
        var before = await CaseCount();

        var unknownNumber = await Send(anonymous, HttpMethod.Post, "/api/anonymous/reports", JsonContent.Create(new { category = "99", summary = "s", subjectEmails = Array.Empty<string>() }));
        var definedNumber = await Send(officer, HttpMethod.Post, "/api/concerns", JsonContent.Create(new { category = "3", summary = "s", subjectEmails = Array.Empty<string>() }));
        var joined = await Send(officer, HttpMethod.Post, "/api/concerns", JsonContent.Create(new { category = "Fraud, BooksAndRecords", summary = "s", subjectEmails = Array.Empty<string>() }));
        var numericTrigger = await Send(gc, HttpMethod.Post, $"/api/cases/{_intakeCase}/triggers/1", JsonContent.Create(new { reason = "r" }));
        var numericSanction = await Send(ac, HttpMethod.Post, $"/api/cases/{_boardCase}/determination", Json(
            """{"violationFound":true,"sanctions":[{"sanction":1}],"severity":1,"occurrences":1,"intent":"inadvertent"}"""));
        var flagsSanction = await Send(ac, HttpMethod.Post, $"/api/cases/{_boardCase}/determination", Json(
            """{"violationFound":true,"sanctions":[{"sanction":"Censure, Termination"}],"severity":1,"occurrences":1,"intent":"inadvertent"}"""));
        var numericState = await Send(ac, HttpMethod.Get, "/api/cases?state=3");
        var numericQueue = await Send(ac, HttpMethod.Get, "/api/queue?state=Intake&state=99");
        var lowerState = await Send(ac, HttpMethod.Get, "/api/cases?state=boarddetermination");
        var lowerCategory = await Send(officer, HttpMethod.Post, "/api/concerns", JsonContent.Create(new { category = "fraud", summary = "Lower case is a name", subjectEmails = Array.Empty<string>() }));

        Assert.Multiple(async () =>
        {
            IsBadRequestProblem(unknownNumber, "category");
            IsBadRequestProblem(definedNumber, "category");
            IsBadRequestProblem(joined, "category");
            IsBadRequestProblem(numericTrigger, "trigger");
            IsBadRequestProblem(numericSanction);
            IsBadRequestProblem(flagsSanction);
            IsBadRequestProblem(numericState, "state");
            IsBadRequestProblem(numericQueue, "state");
            Assert.That(lowerState.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(lowerState.Body.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("reference").GetString()), Is.EqualTo(new[] { _boardCase }));
            Assert.That(lowerCategory.Status, Is.EqualTo(HttpStatusCode.Created), lowerCategory.Body.ToString());
            Assert.That(lowerCategory.Body.GetProperty("routedTo").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "AuditCommittee" }), "stored as Fraud");
            Assert.That(await CaseCount(), Is.EqualTo(before + 1), "only the lower-case name was filed");
            Assert.That(await Read(db => db.Cases.Where(c => c.Reference == _intakeCase).Select(c => c.State).SingleAsync()), Is.EqualTo(CaseState.Intake));
        });
    }

    [Test]
    public async Task Control_characters_and_dates_out_of_range_are_refused_by_field()
    {
        using var officer = _app.ClientAs(_officer);
        using var gc = _app.ClientAs(_gc);
        using var ac = _app.ClientAs(_ac);
        var before = await CaseCount();

        var nul = await Send(officer, HttpMethod.Post, "/api/concerns", JsonContent.Create(new { category = "Fraud", summary = "Vendor\0paid twice", subjectEmails = Array.Empty<string>() }));
        var escape = await Send(gc, HttpMethod.Post, $"/api/cases/{_intakeCase}/messages", JsonContent.Create(new { text = "see \u001b[2J", sharedWithReporter = false }));
        var nested = await Send(ac, HttpMethod.Post, $"/api/cases/{_boardCase}/determination", JsonContent.Create(new
        {
            violationFound = true, sanctions = new[] { new { sanction = "DemotionOrReassignment", details = "to\u0007 the plant" } }, severity = 1, occurrences = 1, intent = "inadvertent",
        }));
        var farFuture = await Send(gc, HttpMethod.Post, "/api/advice", JsonContent.Create(new { person = _officer.Email, category = "Fraud", date = "9999-12-31", summary = "s" }));
        var longAgo = await Send(ac, HttpMethod.Post, $"/api/cases/{_boardCase}/determination", JsonContent.Create(new
        {
            violationFound = false, sanctions = Array.Empty<object>(), meetingDate = "1899-12-31",
        }));
        using var filed = Form4ApiTests.Upload("9999-12-31T23:59", Form4ApiTests.GrahamSeed());
        var form4 = await Send(gc, HttpMethod.Post, "/api/form4/check", filed);
        var tabsAndNewlines = await Send(gc, HttpMethod.Post, $"/api/cases/{_intakeCase}/messages", JsonContent.Create(new { text = "line one\r\n\tline two", sharedWithReporter = false }));

        Assert.Multiple(async () =>
        {
            IsBadRequestProblem(nul, "summary");
            IsBadRequestProblem(escape, "text");
            IsBadRequestProblem(nested, "sanctions[0].details");
            IsBadRequestProblem(farFuture, "date");
            IsBadRequestProblem(longAgo, "meetingDate");
            IsBadRequestProblem(form4, "filed.date");
            Assert.That(tabsAndNewlines.Status, Is.EqualTo(HttpStatusCode.Created), "tab, CR and LF are text");
            Assert.That(await CaseCount(), Is.EqualTo(before));
            Assert.That(await Read(db => db.Cases.Where(c => c.Reference == _boardCase).Select(c => c.State).SingleAsync()), Is.EqualTo(CaseState.BoardDetermination));
            Assert.That(await Read(db => db.PriorAdvice.CountAsync()), Is.Zero);
        });
    }
}
