using System.Globalization;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Features.Oversight;
using EthicsCases.Web.Auth;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Oversight;

/// <summary>
/// Program metrics for the Audit Committee, General Counsel and Board: Sends <see cref="GetProgramMetrics"/>. Charts are
/// separate SVG responses shown through <c>&lt;img&gt;</c>, so the page's strict CSP needs no inline style or script;
/// the quarterly report is a POST download (it records an event).
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel, IFormPage
{
    /// <summary>First day of the range (any day of its first quarter).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day of the range.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The quarter of the report to download.</summary>
    [BindProperty]
    public string? Quarter { get; set; }

    /// <summary>The metrics shown.</summary>
    public ProgramMetrics? Metrics { get; private set; }

    /// <summary>Whether the viewer may download the quarterly report.</summary>
    public bool MayDownloadReport => User.HasClaim(AuthSetup.DirectoryRole, nameof(Role.AuditCommittee)) || User.HasClaim(AuthSetup.DirectoryRole, nameof(Role.Board));

    /// <summary>The quarter offered for the report by default: the last one.</summary>
    public string DefaultQuarter => Domain.Oversight.Quarter.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).ToString();

    /// <summary>The query string of the range, for the chart URLs.</summary>
    public string RangeQuery => string.Join("&", new[] { From is { } f ? "from=" + Iso(f) : null, To is { } t ? "to=" + Iso(t) : null }.OfType<string>());

    /// <summary>Loads the metrics.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            await ReloadAsync(ct);
        }
    }

    /// <summary>One chart as an SVG document.</summary>
    public async Task<IActionResult> OnGetChartAsync(string chart, CancellationToken ct)
    {
        if (!Enum.TryParse<MetricsChart>(chart, ignoreCase: false, out var which) || !Enum.IsDefined(which) || !ModelState.IsValid)
        {
            return NotFound();
        }

        var metrics = await mediator.Send(new GetProgramMetrics(From, To), ct);
        Response.Headers.CacheControl = "no-store";
        // The chart document itself (not the page) styles its text with attributes ScottPlot writes; it is shown only
        // through <img>, which runs no script, and MetricsCharts refuses script, handlers and outside references.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return Content("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + MetricsCharts.Svg(which, metrics), "image/svg+xml; charset=utf-8");
    }

    /// <summary>The quarterly report PDF.</summary>
    public async Task<IActionResult> OnPostReportAsync(CancellationToken ct)
    {
        var report = await mediator.Send(new GetQuarterlyReport(Quarter ?? ""), ct);
        return File(report.Pdf, "application/pdf", report.FileName);
    }

    /// <inheritdoc />
    public async Task ReloadAsync(CancellationToken ct) => Metrics = await mediator.Send(new GetProgramMetrics(From, To), ct);

    /// <summary>A share as a percentage, or a dash.</summary>
    public static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "–";

    /// <summary>A number with one decimal, or a dash.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
