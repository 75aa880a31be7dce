using EthicsCases.Features.Advice;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.Sanctions;
using EthicsCases.Web.Auth;
using EthicsCases.Web.Infrastructure;
using Mediator;

namespace EthicsCases.Web.Api;

/// <summary>
/// The Board's determination, the sanction calculator and the prior-advice ledger under <c>/api</c>. Each endpoint
/// Sends the message <c>ethics sanction recommend</c>, <c>ethics case determine|context|notice</c> and
/// <c>ethics advice add|list</c> send; roles, recusal and the departure rule live in those handlers.
/// </summary>
public static class DeterminationsApi
{
    public static RouteGroupBuilder MapDeterminationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Api).WithTags("Determinations");

        api.MapPost("/sanctions/recommend", (RecommendRequest body, IMediator m, CancellationToken ct) =>
                m.Send(new RecommendSanction(body.Severity, body.Occurrences, body.Intent, body.Advised, body.PriorViolations, body.Category), ct))
            .WithName("RecommendSanction").WithSummary("What the sanction policy in force recommends for the five factors as typed in.");

        var cases = api.MapGroup("/cases/{key}");

        cases.MapGet("/determination-context", (string key, string? subject, int? severity, int? occurrences, string? intent, string? advised,
                    IMediator m, CancellationToken ct) =>
                m.Send(new GetDeterminationContext(key, subject, severity, occurrences, intent, advised), ct))
            .WithName("GetDeterminationContext")
            .WithSummary("Prior violations and prior advice from the records; with factors, a recommendation preview and the most comparable precedents (Audit Committee, Board).");

        cases.MapPost("/determination", (string key, DeterminationRequest body, IMediator m, CancellationToken ct) =>
                m.Send(new DetermineCase(key, body.ViolationFound, body.Sanctions ?? [], body.Severity, body.Occurrences, body.Intent,
                    body.Advised, body.AdvisedReason, body.Reason, body.Rationale, body.Subject, body.MeetingDate, body.NoAction ?? false), ct))
            .WithName("DetermineCase")
            .WithSummary("Record the Board's determination (Board member, Audit Committee, or the Board's designee for determinations on the meeting date); 400 on 'reason' when the actions depart from the recommendation without one.");

        // POST, not GET: every fetch writes an audit event, and a GET must not change anything (a prefetch or a
        // crawler would fill the case's trail). GET on this path answers 405.
        cases.MapPost("/notice", async (string key, IMediator m, CancellationToken ct) =>
            {
                var notice = await m.Send(new GetNotice(key), ct);
                return TypedResults.File(notice.Pdf, "application/pdf", notice.FileName);
            })
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithName("GetNotice").WithSummary("The written notice of a determined violation as a PDF (Audit Committee, Board); every fetch is audited, hence POST.");

        api.MapPost("/advice", async (AdviceRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Created("/api/advice", await m.Send(new RecordAdvice(body.Person, body.Category, body.Date, body.Summary), ct)))
            .WithName("RecordAdvice").WithSummary("Record advice the General Counsel gave a person on the proper course (General Counsel).");

        api.MapGet("/advice", async (string? person, int? limit, string? after, IMediator m, CancellationToken ct) =>
                (await m.Send(new ListAdvice(person, ApiPages.Limit(limit), after), ct)).ToApi())
            .WithName("ListAdvice")
            .WithSummary("The prior-advice ledger, optionally for one person (General Counsel, Audit Committee): {items, next}; ?limit=1..200 (50), ?after=next.");
        return api;
    }
}
