using EthicsCases.Features.Retention;
using EthicsCases.Web.Auth;
using Mediator;

namespace EthicsCases.Web.Api;

/// <summary>
/// Legal holds and redaction under <c>/api/cases/{key}</c>. Each endpoint Sends the message the matching
/// <c>ethics case hold|release|redact</c> command sends, so the roles (General Counsel or Audit Committee reviewing the
/// case for holds; the case's reviewers for redaction), recusal (404 for a subject) and the refusal of a purged case
/// (409) live in those handlers. The retention run is an operator's command (<see cref="EthicsCases.Common.IOperatorRequest"/>):
/// it deletes data keys, so it is run with <c>ethics retention run</c> on a host holding the keys and is never mapped here.
/// </summary>
public static class RetentionApi
{
    public static RouteGroupBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Api).WithTags("Retention");
        var cases = api.MapGroup("/cases/{key}");

        cases.MapGet("/holds", (string key, IMediator m, CancellationToken ct) => m.Send(new ListLegalHolds(key), ct))
            .WithName("ListLegalHolds")
            .WithSummary("The case's legal holds, oldest first, and whether the caller may place and release them (the case's reviewers).");

        cases.MapPost("/hold", async (string key, HoldRequest? body, IMediator m, CancellationToken ct) =>
            {
                var placed = await m.Send(new PlaceLegalHold(key, body?.Reason ?? ""), ct);
                return TypedResults.Created($"/api/cases/{key}/holds", placed);
            })
            .WithName("PlaceLegalHold")
            .WithSummary("Place a legal hold (General Counsel or Audit Committee reviewing the case; reason required): the retention policy does not purge "
                + "the case until it is released. 409 once the case's content was purged.");

        cases.MapPost("/release", (string key, ReleaseRequest? body, IMediator m, CancellationToken ct) =>
                m.Send(new ReleaseLegalHold(key, body?.Reason ?? "", body?.HoldId), ct))
            .WithName("ReleaseLegalHold")
            .WithSummary("Release a legal hold (General Counsel or Audit Committee; reason required); name holdId when the case has several active holds.");

        cases.MapPost("/redactions", async (string key, RedactionRequest? body, IMediator m, CancellationToken ct) =>
            {
                var redacted = await m.Send(new RedactContent(key, body?.Target ?? "", body?.Passage ?? "", body?.Reason ?? ""), ct);
                return TypedResults.Created($"/api/cases/{key}", redacted);
            })
            .WithName("RedactContent")
            .WithSummary("Permanently replace a passage with \"[redacted]\" (the case's reviewers): target \"details\" (the account) or a message id; "
                + "passage exactly as it appears; reason required. The record keeps the hashes before and after, never the passage.");
        return api;
    }
}

/// <summary>Body of <c>POST /api/cases/{key}/hold</c>.</summary>
public sealed record HoldRequest(string? Reason);

/// <summary>Body of <c>POST /api/cases/{key}/release</c>: the hold may be left out when the case has only one active.</summary>
public sealed record ReleaseRequest(string? Reason, Guid? HoldId = null);

/// <summary>Body of <c>POST /api/cases/{key}/redactions</c>: target <c>details</c> or a message id.</summary>
public sealed record RedactionRequest(string? Target, string? Passage, string? Reason);
