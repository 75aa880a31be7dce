using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Dashboard;
using EthicsCases.Features.Evidence;
using EthicsCases.Features.Messages;
using EthicsCases.Features.People;
using EthicsCases.Web.Auth;
using EthicsCases.Web.Infrastructure;
using Mediator;

namespace EthicsCases.Web.Api;

/// <summary>
/// The signed-in JSON API. Every endpoint Sends the same Mediator message as the page and the CLI; the Mediator
/// authorization behaviour applies roles, recusal and visibility. Bearer tokens only (Entra ID or local), so no
/// cookie can ride along on a cross-site request.
/// </summary>
public static class CasesApi
{
    /// <summary>Maps <c>/api</c> (signed-in part).</summary>
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Api).WithTags("Cases");

        api.MapGet("/people", async (int? limit, string? after, IMediator m, CancellationToken ct) =>
                (await m.Send(new ListPeople(ApiPages.Limit(limit), after), ct)).ToApi())
            .WithName("ListPeople").WithSummary("The company directory (for naming subjects), by name: {items, next}; ?limit=1..200 (50), ?after=next.");

        api.MapPost("/concerns", async (ConcernRequest body, IMediator m, CancellationToken ct) =>
            {
                var filed = await m.Send(new FileConcern(body.Category, body.Summary, body.Details, body.SubjectEmails ?? [], body.IncidentDate), ct);
                return TypedResults.Created($"/api/cases/{filed.CaseId}", filed);
            })
            .WithName("FileConcern").WithSummary("File a concern under SOP II-031 as the signed-in person.");

        api.MapGet("/reports/mine", async (int? limit, string? after, IMediator m, CancellationToken ct) =>
                (await m.Send(new MyReports(ApiPages.Limit(limit), after), ct)).ToCaseApi())
            .WithName("MyReports").WithSummary("The concerns the signed-in person filed, newest first: {items, next, counts}; ?limit=1..200 (50), ?after=next.");

        // States arrive as names (EnumNames): "3" or "99" is a bad request, not a state.
        api.MapGet("/cases", async (string? state, int? limit, string? after, IMediator m, CancellationToken ct) =>
                (await m.Send(new ListCases(string.IsNullOrEmpty(state) ? null : EnumNames.ParseField<CaseState>(state, "state"), ApiPages.Limit(limit), after), ct))
                .ToCaseApi())
            .WithName("ListCases")
            .WithSummary("The cases the signed-in person may see, oldest first; optional state name. {items, next, counts}: ?limit=1..200 (50), ?after=next; "
                + "counts per state on the first page.");

        api.MapGet("/queue", async (string[]? state, int? limit, string? after, IMediator m, CancellationToken ct) =>
                (await m.Send(new ReviewQueue(EnumNames.ParseFields<CaseState>(state, "state") is { Count: > 0 } states ? states : [CaseState.Intake],
                    ApiPages.Limit(limit), after), ct)).ToCaseApi())
            .WithName("ReviewQueue")
            .WithSummary("A reviewer's queue: cases in the given states (names, repeatable), oldest first, overdue flagged. {items, next, counts}: "
                + "?limit=1..200 (50), ?after=next; counts per queued state on the first page.");

        api.MapGet("/dashboard", (IMediator m, CancellationToken ct) => m.Send(new ShowDashboard(), ct))
            .WithName("Dashboard").WithSummary("Open cases by state and category (Audit Committee).");

        var cases = api.MapGroup("/cases/{key}");
        cases.MapGet("", (string key, IMediator m, CancellationToken ct) => m.Send(new ShowCase(key), ct))
            .WithName("ShowCase").WithSummary("One case as the signed-in person may see it.");

        cases.MapPost("/triggers/{trigger}", (string key, string trigger, TriggerRequest? body, IMediator m, CancellationToken ct) =>
                m.Send(new FireTrigger(key, trigger, body?.Reason), ct))
            .WithName("FireTrigger").WithSummary("Move the case along the workflow (403: not yours to fire; 409: not possible in this state).");

        cases.MapGet("/messages", (string key, IMediator m, CancellationToken ct) => m.Send(new ShowThread(key), ct))
            .WithName("ShowThread").WithSummary("The thread: reviewers read notes and messages, the reporter the shared messages.");

        cases.MapPost("/messages", async (string key, MessageRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/cases/{key}/messages", await m.Send(new PostMessage(key, body.Text, body.SharedWithReporter, body.Feedback), ct)))
            .WithName("PostMessage").WithSummary("Write a note (reviewers) or a message to the other side; feedback marks a shared message as the reporter's feedback.");

        cases.MapPost("/acknowledge", (string key, IMediator m, CancellationToken ct) => m.Send(new AcknowledgeReport(key), ct))
            .WithName("AcknowledgeReport").WithSummary("Acknowledge receipt to the reporter (reviewers; 409 once acknowledged).");

        cases.MapGet("/evidence", (string key, IMediator m, CancellationToken ct) => m.Send(new ListEvidence(key), ct))
            .WithName("ListEvidence").WithSummary("Documents attached to the case (reviewers).");

        cases.MapPost("/evidence", async (string key, IFormFile file, IMediator m, CancellationToken ct) =>
            {
                var uploaded = await m.Send(new UploadEvidence(key, file.FileName, await Uploads.ReadAsync(file, EvidencePolicy.MaxBytes, ct) ?? []), ct);
                return TypedResults.Created($"/api/cases/{key}/evidence/{uploaded.EvidenceId}", uploaded);
            })
            .DisableAntiforgery() // bearer-only endpoint: no ambient credential to forge
            .WithName("UploadEvidence").WithSummary($"Attach a document (multipart field 'file'); allow-listed types, at most {EvidencePolicy.MaxBytes} bytes.");

        cases.MapGet("/evidence/{evidenceId:guid}", async (string key, Guid evidenceId, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new DownloadEvidence(key, evidenceId), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("DownloadEvidence").WithSummary("Download a document (reviewers); always as an attachment.");
        return api;
    }
}
