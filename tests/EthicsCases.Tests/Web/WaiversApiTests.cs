using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EthicsCases.Domain;

namespace EthicsCases.Tests.Web;

/// <summary>
/// <c>/api/waivers</c>, <c>/api/code-amendments</c> and <c>/api/board/designations</c> with real tokens: refusals are
/// 403 (no authority) or 404 (the officer's own waiver, as for a case's subject), bad input 400 problem details.
/// </summary>
[TestFixture]
public sealed class WaiversApiTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private EthicsWebFactory _app = null!;
    private Person _officer = null!;
    private Person _otherOfficer = null!;
    private Person _gc = null!;
    private Person _ac = null!;
    private Person _board = null!;
    private Person _chair = null!;
    private Person _formerDesignee = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = new EthicsWebFactory();
        _officer = await _app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        _otherOfficer = await _app.AddPersonAsync("controller@example.com", "Cory Controller", Role.Officer);
        _gc = await _app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        _ac = await _app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
        _board = await _app.AddPersonAsync("board@example.com", "Blair Director", Role.Board);
        _chair = await _app.AddPersonAsync("chair@example.com", "Robin Chair", Role.Board, Role.BoardChair);
        _formerDesignee = await _app.AddPersonAsync("outside@example.com", "Olive Outside");
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task The_officer_requests_and_only_the_Board_decides_the_officer_never()
    {
        var id = await RequestAsync(_officer);
        using var officer = _app.ClientAs(_officer);
        using var other = _app.ClientAs(_otherOfficer);
        using var gc = _app.ClientAs(_gc);
        using var board = _app.ClientAs(_board);

        using var own = await officer.PostAsJsonAsync($"/api/waivers/{id}/decision", Decision());
        using var otherOfficer = await other.PostAsJsonAsync($"/api/waivers/{id}/decision", Decision());
        using var counsel = await gc.PostAsJsonAsync($"/api/waivers/{id}/decision", Decision());
        using var granted = await board.PostAsJsonAsync($"/api/waivers/{id}/decision", Decision());
        var body = await granted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "recused from their own waiver, as a subject from a case");
            Assert.That(otherOfficer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(otherOfficer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(counsel.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the General Counsel is no designee");
            Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("state").GetString(), Is.EqualTo("Granted"));
            Assert.That(body.GetProperty("decidedAs").GetString(), Is.EqualTo("Board"));
            Assert.That(DateOnly.Parse(body.GetProperty("disclosureDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Is.GreaterThan(Today.AddDays(3)));
        });
    }

    [Test]
    public async Task A_Board_member_the_waiver_is_for_is_recused_404_and_sees_only_their_own()
    {
        var ceo = await _app.AddPersonAsync("ceo@example.com", "Cam Executive", Role.Officer, Role.Board);
        var forCeo = await RequestAsync(ceo);
        var forOfficer = await RequestAsync(_officer);
        using var client = _app.ClientAs(ceo);

        using var decide = await client.PostAsJsonAsync($"/api/waivers/{forCeo}/decision", Decision());
        using var officer = _app.ClientAs(_otherOfficer);
        var seenByOtherOfficer = await officer.GetFromJsonAsync<JsonElement>("/api/waivers");

        Assert.Multiple(() =>
        {
            Assert.That(decide.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(seenByOtherOfficer.EnumerateArray().Select(w => w.GetProperty("waiverId").GetGuid()),
                Has.None.EqualTo(forCeo).And.None.EqualTo(forOfficer), "an officer sees only their own waivers");
        });
    }

    [Test]
    public async Task An_expired_designee_is_refused_403()
    {
        using var chair = _app.ClientAs(_chair);
        using var designated = await chair.PostAsJsonAsync("/api/board/designations", new
        {
            person = _formerDesignee.Email,
            matters = new[] { "waivers" },
            from = Today.AddDays(-30),
            to = Today.AddDays(-1),
            resolution = Today.AddDays(-40),
        });
        Assert.That(designated.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = await RequestAsync(_otherOfficer);
        using var designee = _app.ClientAs(_formerDesignee);

        using var today = await designee.PostAsJsonAsync($"/api/waivers/{id}/decision", Decision());

        Assert.That(today.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Only_the_chair_designates()
    {
        using var board = _app.ClientAs(_board);
        using var response = await board.PostAsJsonAsync("/api/board/designations", new
        {
            person = _gc.Email, matters = new[] { "determinations" }, from = Today, to = Today.AddDays(30), resolution = Today,
        });
        var list = await board.GetFromJsonAsync<JsonElement>("/api/board/designations");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(list.ValueKind, Is.EqualTo(JsonValueKind.Array));
        });
    }

    [Test]
    public async Task Bad_input_is_400_problem_details_naming_the_field()
    {
        var id = await RequestAsync(_officer);
        using var board = _app.ClientAs(_board);
        using var officer = _app.ClientAs(_officer);

        using var noRationale = await board.PostAsJsonAsync($"/api/waivers/{id}/decision", new { granted = true, decided = Today, rationale = "" });
        using var noGranted = await board.PostAsJsonAsync($"/api/waivers/{id}/decision", new { decided = Today, rationale = "ok" });
        using var noReason = await officer.PostAsJsonAsync("/api/waivers", new { person = _officer.Email, provision = "Outside directorships" });
        using var malformed = await board.PostAsync($"/api/waivers/{id}/decision", new StringContent("{\"granted\":", Encoding.UTF8, "application/json"));

        Assert.Multiple(async () =>
        {
            await AssertProblem(noRationale, "rationale");
            await AssertProblem(noGranted, "granted");
            await AssertProblem(noReason, "reason");
            Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task Grant_disclose_on_the_website_and_the_register_shows_it_on_time_with_the_draft()
    {
        var id = await RequestAsync(_officer);
        using var board = _app.ClientAs(_board);
        using var gc = _app.ClientAs(_gc);
        (await board.PostAsJsonAsync($"/api/waivers/{id}/decision", Decision())).Dispose();

        using var badChannel = await gc.PostAsJsonAsync($"/api/waivers/{id}/disclosure", new { on = Today, channel = "fax" });
        using var disclosed = await gc.PostAsJsonAsync($"/api/waivers/{id}/disclosure",
            new { on = Today, channel = "website", url = "https://investors.example.com/governance/waivers" });
        using var draft = await gc.PostAsync($"/api/waivers/{id}/draft?variant=8-K", null);
        var text = await draft.Content.ReadFromJsonAsync<JsonElement>();
        using var pdf = await gc.PostAsync($"/api/waivers/{id}/draft?variant=website&format=pdf", null);
        using var getDraft = await gc.GetAsync($"/api/waivers/{id}/draft");
        var row = (await gc.GetFromJsonAsync<JsonElement>("/api/waivers")).EnumerateArray().Single(w => w.GetProperty("waiverId").GetGuid() == id);

        Assert.Multiple(async () =>
        {
            await AssertProblem(badChannel, "channel");
            Assert.That(disclosed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text.GetProperty("text").GetString(), Does.Contain("Casey Officer"));
            Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(getDraft.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed), "a draft is audited: never a GET");
            Assert.That(row.GetProperty("state").GetString(), Is.EqualTo("Disclosed"));
            Assert.That(row.GetProperty("late").GetBoolean(), Is.False);
            Assert.That(row.GetProperty("channel").GetString(), Is.EqualTo("website"));
        });
    }

    [Test]
    public async Task Code_amendments_are_recorded_with_the_same_clock()
    {
        using var gc = _app.ClientAs(_gc);
        using var officer = _app.ClientAs(_officer);
        using var created = await gc.PostAsJsonAsync("/api/code-amendments", new { revision = "II-031 rev 7", adopted = Today, summary = "Adds gifts." });
        var row = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var refused = await officer.PostAsJsonAsync("/api/code-amendments", new { revision = "II-031 rev 8", adopted = Today, summary = "x" });

        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(row.GetProperty("disclosureDue").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    private async Task<Guid> RequestAsync(Person person)
    {
        using var client = _app.ClientAs(person);
        using var response = await client.PostAsJsonAsync("/api/waivers", new
        {
            person = person.Email,
            provision = "Code of Ethics II-030, conflicts of interest: outside directorships",
            reason = "To serve on the board of a supplier cooperative, recused from its dealings with the Company.",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("state").GetString(), Is.EqualTo("Requested"));
        return body.GetProperty("waiverId").GetGuid();
    }

    private static object Decision() => new { granted = true, decided = Today, rationale = "No conflict with the officer's duties." };

    private static async Task AssertProblem(HttpResponseMessage response, string field)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), field);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), field);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field));
    }
}
