using System.Globalization;
using System.Text;
using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Features.Oversight;
using EthicsCases.Web.Auth;
using Mediator;

namespace EthicsCases.Web.Api;

/// <summary>
/// Oversight reports on the API: program metrics (JSON), the quarterly report (PDF) and the case export (CSV). The same
/// messages as the <c>/Oversight</c> page and <c>ethics report</c> / <c>ethics case export</c>.
/// </summary>
public static class OversightApi
{
    /// <summary>Maps <c>/api/reports/metrics</c>, <c>/api/reports/quarterly</c> and <c>/api/cases/export</c>.</summary>
    public static RouteGroupBuilder MapOversightApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Api).WithTags("Oversight");

        api.MapGet("/reports/metrics", (string? from, string? to, IMediator m, CancellationToken ct) =>
                m.Send(new GetProgramMetrics(Date(from, "from"), Date(to, "to")), ct))
            .WithName("GetProgramMetrics")
            .WithSummary("Program metrics over the quarters from..to (YYYY-MM-DD; default the last four quarters), over the cases the caller reviews, with NAVEX benchmark medians (Audit Committee, General Counsel, Board).")
            .Produces<ProgramMetrics>();

        api.MapGet("/reports/quarterly", async (string quarter, IMediator m, CancellationToken ct) =>
            {
                var report = await m.Send(new GetQuarterlyReport(quarter), ct);
                return TypedResults.File(report.Pdf, "application/pdf", report.FileName);
            })
            .WithName("GetQuarterlyReport")
            .WithSummary("The Audit Committee's quarterly report as PDF, e.g. ?quarter=2026Q4 (Audit Committee, Board).");

        api.MapGet("/cases/export", async (string? state, IMediator m, HttpContext http, CancellationToken ct) =>
            {
                var export = await m.Send(new ExportCases(string.IsNullOrEmpty(state) ? null : EnumNames.ParseField<CaseState>(state, "state")), ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"cases.csv\"";
                await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
                await export.WriteAsync(writer, ct);
            })
            .WithName("ExportCases")
            .WithSummary("The cases (and determinations) the caller may see as CSV, streamed; optional state name.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        return api;
    }

    /// <summary>An ISO date from the query string, or a 400 naming the parameter.</summary>
    internal static DateOnly? Date(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2200
            ? date
            : throw ValidationFailedException.For(field, $"'{field}' must be a date written YYYY-MM-DD.");
}
