using EthicsCases.Domain;
using EthicsCases.Features.Anonymous;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace EthicsCases.Web.Api;

/// <summary>
/// Anonymous reporting (Exchange Act Rule 10A-3): no sign-in, rate-limited, and nothing identifying kept: the
/// handlers receive no address or user agent, and request logging is left at its default (which records neither).
/// </summary>
public static class AnonymousApi
{
    /// <summary>Name of the rate-limiting policy for anonymous endpoints.</summary>
    public const string RateLimitPolicy = "anonymous";

    /// <summary>Maps <c>/api/anonymous</c>.</summary>
    public static RouteGroupBuilder MapAnonymousApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/anonymous").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithTags("Anonymous reports");

        api.MapPost("/reports", async (ConcernRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Created((string?)null, await m.Send(new FileAnonymousReport(body.Category, body.Summary, body.Details, body.SubjectEmails ?? [], body.IncidentDate), ct)))
            .WithName("FileAnonymousReport").WithSummary("File anonymously; the report key and password are returned once.");

        api.MapPost("/status", (AnonymousCredentialsRequest body, IMediator m, CancellationToken ct) =>
                m.Send(new CheckAnonymousReport(body.ReportKey, body.Password), ct))
            .WithName("CheckAnonymousReport").WithSummary("Progress and shared messages of an anonymous report.");

        api.MapPost("/messages", async (AnonymousMessageRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Created((string?)null, await m.Send(new ReplyAnonymously(body.ReportKey, body.Password, body.Text), ct)))
            .WithName("ReplyAnonymously").WithSummary("Write to the reviewers of an anonymous report.");

        api.MapPost("/evidence", async ([FromForm] string reportKey, [FromForm] string password, IFormFile file, IMediator m, CancellationToken ct) =>
                TypedResults.Created((string?)null, await m.Send(new UploadEvidenceAnonymously(reportKey, password, file.FileName,
                    await Uploads.ReadAsync(file, EvidencePolicy.MaxBytes, ct) ?? []), ct)))
            .DisableAntiforgery() // no session: the credential travels in the form itself
            .WithName("UploadEvidenceAnonymously")
            .WithSummary($"Attach a document to an anonymous report (multipart: reportKey, password, file); allow-listed types, at most {EvidencePolicy.MaxBytes} bytes.");
        return api;
    }
}
