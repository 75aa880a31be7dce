using EthicsCases.Domain.Filings;
using EthicsCases.Features.Form4;
using EthicsCases.Web.Auth;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace EthicsCases.Web.Api;

/// <summary>
/// Section 16 filings under <c>/api/form4</c> for the General Counsel and the Audit Committee
/// (<see cref="Policies.Form4Monitor"/>). Import, Item 405 and review Send the messages <c>ethics form4 import|item405|review</c>
/// send; check runs the same pure checker as <c>ethics form4 check</c> and stores nothing.
/// </summary>
public static class Form4Api
{
    public static RouteGroupBuilder MapForm4Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/form4").RequireAuthorization(Policies.Api, Policies.Form4Monitor).WithTags("Form 4");

        api.MapPost("/check", async (IFormFileCollection files, [FromForm] string? filed, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(Form4Checked.ToJson(await m.Send(new CheckForm4(await Uploads.Form4FilesAsync(files, ct), Uploads.ParseFiled(filed)), ct))))
            .DisableAntiforgery() // bearer-only endpoint: no ambient credential to forge
            .WithName("CheckForm4")
            .WithSummary("Parse and check filings (multipart field 'files', optional 'filed' YYYY-MM-DD[THH:MM] Eastern); one object per file as `ethics form4 check --json`, "
                + "a bad file as {file, error}. Nothing is stored.");

        api.MapPost("/import", async (IFormFileCollection files, [FromForm] string? filed, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ImportForm4(await Uploads.Form4FilesAsync(files, ct), Uploads.ParseFiled(filed)), ct)))
            .DisableAntiforgery()
            .WithName("ImportForm4")
            .WithSummary("Import filings as `ethics form4 import --as` the caller: {imported, concernsFiled, skipped, errors, needsReview, filings}; "
                + "a bad file is listed under errors with its reason and the others are imported.");

        api.MapGet("/item405", (int? year, string? fiscalYearEnd, IMediator m, CancellationToken ct) =>
                m.Send(new GetItem405Report(year ?? 0, string.IsNullOrWhiteSpace(fiscalYearEnd) ? null : fiscalYearEnd), ct))
            .WithName("GetItem405Report")
            .WithSummary("Delinquent Section 16(a) reports (Regulation S-K Item 405) for the fiscal year ending MM-DD (default 12-31) of 'year', as `ethics form4 item405`.");

        api.MapGet("/review", async (int? limit, string? after, IMediator m, CancellationToken ct) =>
                (await m.Send(new ListForm4Review(ApiPages.Limit(limit), after), ct)).ToApi())
            .WithName("ListForm4Review")
            .WithSummary("Reporting owners of imported filings not linked to a directory person, as `ethics form4 review`: {items, next}; ?limit=1..200 (50), ?after=next.");
        return api;
    }

}
