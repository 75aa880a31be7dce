using System.Net;
using System.Net.Http.Json;
using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.Evidence;
using EthicsCases.Security;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

/// <summary>
/// Every API endpoint × role × relation to the case, with real tokens signed by <see cref="LocalTokens"/> and
/// validated by the Microsoft.Identity.Web JwtBearer pipeline. Each row files its own case (Intake, routed to the
/// General Counsel and the Audit Committee, naming the subject), so rows never depend on each other.
/// </summary>
[TestFixture]
public sealed class ApiAuthorizationMatrixTests
{
    private const int Ok = 200, Created = 201, Forbidden = 403, NotFound = 404, Conflict = 409;

    private static readonly string[] Personas = ["reporter", "subject", "generalCounsel", "auditCommittee", "board", "administrator", "unrelated"];

    private EthicsWebFactory _app = null!;
    private Dictionary<string, Person> _people = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = new EthicsWebFactory();
        _people = new Dictionary<string, Person>
        {
            ["reporter"] = await _app.AddPersonAsync("reporter@example.com", "Riley Reporter", Role.Officer),
            ["subject"] = await _app.AddPersonAsync("subject@example.com", "Sam Subject", Role.Officer),
            ["generalCounsel"] = await _app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel),
            ["auditCommittee"] = await _app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee),
            ["board"] = await _app.AddPersonAsync("board@example.com", "Blair Director", Role.Board),
            ["administrator"] = await _app.AddPersonAsync("admin@example.com", "Ada Admin", Role.Administrator),
            ["unrelated"] = await _app.AddPersonAsync("other@example.com", "Olly Other", Role.Officer),
        };
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    private static readonly Dictionary<string, int[]> CaseEndpoints = new()
    {
        //                                   reporter   subject   GC        AC         board     admin     unrelated
        ["GET /api/cases/{key}"] = [Ok, NotFound, Ok, Ok, NotFound, NotFound, NotFound],
        ["GET /api/cases/{key}/messages"] = [Ok, NotFound, Ok, Ok, NotFound, NotFound, NotFound],
        ["POST /api/cases/{key}/messages"] = [Created, NotFound, Created, Created, NotFound, NotFound, NotFound],
        ["GET /api/cases/{key}/evidence"] = [Forbidden, NotFound, Ok, Ok, NotFound, NotFound, NotFound],
        // Reporters attach documents to their own report (issue 11); they do not list or read the case's evidence.
        ["POST /api/cases/{key}/evidence"] = [Created, NotFound, Created, Created, NotFound, NotFound, NotFound],
        ["POST /api/cases/{key}/acknowledge"] = [Forbidden, NotFound, Ok, Ok, NotFound, NotFound, NotFound],
        ["GET /api/cases/{key}/evidence/{id}"] = [Forbidden, NotFound, Ok, Ok, NotFound, NotFound, NotFound],
        // Accept and Dismiss exist in Intake: not yours = 403. CloseNoViolation does not exist in Intake = 409.
        ["POST /api/cases/{key}/triggers/Accept"] = [Forbidden, NotFound, Ok, Forbidden, NotFound, NotFound, NotFound],
        ["POST /api/cases/{key}/triggers/Dismiss"] = [Forbidden, NotFound, Ok, Forbidden, NotFound, NotFound, NotFound],
        ["POST /api/cases/{key}/triggers/CloseNoViolation"] = [Conflict, NotFound, Conflict, Conflict, NotFound, NotFound, NotFound],
    };

    // Rows run on a Fraud case (routed to the Audit Committee alone) before the Board; the notice rows on one closed
    // ViolationFound. The notice names its roles, checked before the case is looked up, so a person without the role
    // hears 403 whatever the case. The determination and its context are the case's (issue 12: the Board, the Audit
    // Committee or a designee decides): who may not see the case hears 404, the reporter who sees it 403; the Board
    // sees a referred case and may record.
    private static readonly Dictionary<string, int[]> BoardEndpoints = new()
    {
        //                                   reporter   subject   GC        AC         board     admin     unrelated
        ["GET /api/cases/{key}/determination-context"] = [Forbidden, NotFound, NotFound, Ok, Ok, NotFound, NotFound],
        ["POST /api/cases/{key}/determination"] = [Forbidden, NotFound, NotFound, Ok, Ok, NotFound, NotFound],
        ["POST /api/cases/{key}/notice"] = [Forbidden, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden],
    };

    private static readonly Dictionary<string, int[]> GlobalEndpoints = new()
    {
        ["POST /api/sanctions/recommend"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /api/advice"] = [Forbidden, Forbidden, Created, Forbidden, Forbidden, Forbidden, Forbidden],
        ["GET /api/advice"] = [Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden],
        ["GET /api/cases"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /api/reports/mine"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /api/people"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /api/concerns"] = [Created, Created, Created, Created, Created, Created, Created],
        ["GET /api/queue"] = [Forbidden, Forbidden, Ok, Ok, Ok, Forbidden, Forbidden],
        ["GET /api/dashboard"] = [Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden],
        // Form 4: the General Counsel and the Audit Committee (policy Form4Monitor, checked before anything is read).
        ["POST /api/form4/check"] = [Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden],
        ["POST /api/form4/import"] = [Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden],
        ["GET /api/form4/item405?year=2024"] = [Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden],
        ["GET /api/form4/review"] = [Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden],
    };

    private static IEnumerable<TestCaseData> Rows() =>
        CaseEndpoints.Concat(BoardEndpoints).Concat(GlobalEndpoints).SelectMany(e => Personas.Select((p, i) =>
            new TestCaseData(e.Key, p, e.Value[i]).SetName($"{e.Key} as {p} answers {e.Value[i]}")));

    private static IEnumerable<TestCaseData> Endpoints() =>
        CaseEndpoints.Keys.Concat(BoardEndpoints.Keys).Concat(GlobalEndpoints.Keys).Select(e => new TestCaseData(e).SetName($"{e} without a token answers 401"));

    [TestCaseSource(nameof(Rows))]
    public async Task Endpoint_answers_exactly(string endpoint, string persona, int expected)
    {
        var filed = BoardEndpoints.ContainsKey(endpoint)
            ? await _app.FileAsync(_people["reporter"], ConcernCategory.Fraud, _people["subject"])
            : await _app.FileAsync(_people["reporter"], ConcernCategory.CodeOfEthicsViolation, _people["subject"]);
        var evidenceId = await AttachAsync(filed.Reference);
        if (BoardEndpoints.ContainsKey(endpoint))
        {
            await BeforeTheBoardAsync(filed.Reference, determined: endpoint.EndsWith("/notice", StringComparison.Ordinal));
        }

        using var client = _app.ClientAs(_people[persona]);

        using var response = await SendAsync(client, endpoint, filed.Reference, evidenceId);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), body);
        if (expected >= 400)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Endpoint_without_a_token_is_unauthorized(string endpoint)
    {
        var filed = await _app.FileAsync(_people["reporter"], ConcernCategory.CodeOfEthicsViolation);
        using var client = _app.CreateClient();
        using var response = await SendAsync(client, endpoint, filed.Reference, Guid.NewGuid());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Token_signed_with_another_key_is_unauthorized()
    {
        var other = Path.Combine(_app.DataDirectory, "elsewhere");
        var (token, _) = LocalTokens.Issue(_people["auditCommittee"], other, TimeProvider.System);
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.GetAsync("/api/cases");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Valid_token_of_someone_outside_the_directory_is_forbidden()
    {
        var stranger = new Person(Guid.NewGuid(), "stranger@example.com", "Stranger", null, [Role.AuditCommittee]);
        using var client = _app.ClientAs(stranger);
        using var response = await client.GetAsync("/api/cases");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Recused_general_counsel_cannot_find_the_case_and_the_audit_committee_accepts_it()
    {
        var filed = await _app.FileAsync(_people["reporter"], ConcernCategory.CodeOfEthicsViolation, _people["generalCounsel"]);
        using var gc = _app.ClientAs(_people["generalCounsel"]);
        using var ac = _app.ClientAs(_people["auditCommittee"]);

        using var hidden = await gc.GetAsync($"/api/cases/{filed.Reference}");
        using var accepted = await ac.PostAsJsonAsync($"/api/cases/{filed.Reference}/triggers/Accept", new { reason = (string?)null });
        var state = await accepted.Content.ReadFromJsonAsync<Dictionary<string, object>>();

        Assert.Multiple(() =>
        {
            Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(state!["state"].ToString(), Is.EqualTo("AuditCommitteeReview"));
        });
    }

    [Test]
    public async Task Board_sees_and_writes_in_a_case_once_referred_but_cannot_fire_intake_triggers()
    {
        var filed = await _app.FileAsync(_people["reporter"], ConcernCategory.Fraud);
        using var ac = _app.ClientAs(_people["auditCommittee"]);
        using var board = _app.ClientAs(_people["board"]);
        using var before = await board.GetAsync($"/api/cases/{filed.Reference}");
        (await ac.PostAsJsonAsync($"/api/cases/{filed.Reference}/triggers/Accept", new { })).EnsureSuccessStatusCode();
        (await ac.PostAsJsonAsync($"/api/cases/{filed.Reference}/triggers/RequestBoardDetermination", new { })).EnsureSuccessStatusCode();

        using var after = await board.GetAsync($"/api/cases/{filed.Reference}");
        using var note = await board.PostAsJsonAsync($"/api/cases/{filed.Reference}/messages", new { text = "Board reviewed the file.", sharedWithReporter = false });
        using var accept = await board.PostAsJsonAsync($"/api/cases/{filed.Reference}/triggers/Accept", new { });

        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(note.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(accept.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        });
    }

    [TestCase("GET /api/cases/{key}/determination-context")]
    [TestCase("POST /api/cases/{key}/determination")]
    [TestCase("POST /api/cases/{key}/notice")]
    public async Task Audit_Committee_member_named_as_subject_cannot_find_the_case(string endpoint)
    {
        var recused = await _app.AddPersonAsync($"ac-{Guid.NewGuid():N}@example.com", "Rae Recused", Role.AuditCommittee);
        var filed = await _app.FileAsync(_people["reporter"], ConcernCategory.Fraud, recused);
        await BeforeTheBoardAsync(filed.Reference, determined: endpoint.EndsWith("/notice", StringComparison.Ordinal));
        using var client = _app.ClientAs(recused);

        using var response = await SendAsync(client, endpoint, filed.Reference, Guid.NewGuid());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), await response.Content.ReadAsStringAsync());
    }

    // Fraud goes to the Audit Committee alone: it accepts and asks the Board; "determined" records a violation too.
    private async Task BeforeTheBoardAsync(string reference, bool determined)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = _people["auditCommittee"].Email;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new FireTrigger(reference, "Accept", null));
        await mediator.Send(new FireTrigger(reference, "RequestBoardDetermination", null));
        if (determined)
        {
            await mediator.Send(new DetermineCase(reference, true, [new DeterminedSanction(Sanction.WrittenNotice)], 1, 1, "inadvertent",
                Reason: "Set up by the matrix test."));
        }
    }

    private async Task<Guid> AttachAsync(string reference)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = _people["auditCommittee"].Email;
        var uploaded = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new UploadEvidence(reference, "ledger.csv", "account,amount\n4000,125.00\n"u8.ToArray()));
        return uploaded.EvidenceId;
    }

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint, string reference, Guid evidenceId)
    {
        var (method, template) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var url = template.Replace("{key}", reference, StringComparison.Ordinal).Replace("{id}", evidenceId.ToString(), StringComparison.Ordinal);
        if (method == "GET")
        {
            return client.GetAsync(url);
        }

        HttpContent content = url switch
        {
            _ when url.EndsWith("/evidence", StringComparison.Ordinal) => Upload(),
            _ when url.StartsWith("/api/form4/", StringComparison.Ordinal) => Form4ApiTests.Upload("2024-03-25", Form4ApiTests.GrahamSeed()),
            _ when url.EndsWith("/messages", StringComparison.Ordinal) => JsonContent.Create(new { text = "A question about the invoices.", sharedWithReporter = false }),
            _ when url.EndsWith("/concerns", StringComparison.Ordinal) => JsonContent.Create(new
            {
                category = "BooksAndRecords", summary = "Unrecorded rebate", details = "Seen in the March close.", subjectEmails = Array.Empty<string>(),
            }),
            _ when url.EndsWith("/determination", StringComparison.Ordinal) => JsonContent.Create(new { violationFound = false, sanctions = Array.Empty<object>() }),
            _ when url.EndsWith("/sanctions/recommend", StringComparison.Ordinal) => JsonContent.Create(new
            {
                severity = 2, occurrences = 1, intent = "inadvertent", advised = "no", priorViolations = 0,
            }),
            _ when url.EndsWith("/advice", StringComparison.Ordinal) => JsonContent.Create(new
            {
                person = "subject@example.com", category = "BooksAndRecords", date = "2024-01-15", summary = "Explained how rebates are booked.",
            }),
            _ => JsonContent.Create(new { reason = "Reason given in the matrix test." }),
        };
        return client.PostAsync(url, content);
    }

    private static MultipartFormDataContent Upload()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 test evidence"u8.ToArray());
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", "memo.pdf");
        return form;
    }
}
