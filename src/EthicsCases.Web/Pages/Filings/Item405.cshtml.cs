using EthicsCases.Features.Form4;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Filings;

/// <summary>
/// "Item 405": delinquent Section 16(a) reports for a fiscal year, per person (Sends <see cref="GetItem405Report"/>, as
/// <c>ethics form4 item405</c>).
/// </summary>
public sealed class Item405Model(IMediator mediator, TimeProvider clock) : PageModel, IFormPage
{
    /// <summary>Calendar year in which the fiscal year ends (default: last year, the proxy season's subject).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Fiscal year end, MM-DD (default 12-31).</summary>
    [BindProperty(SupportsGet = true)]
    public string? FiscalYearEnd { get; set; }

    /// <summary>The report, once valid parameters were given.</summary>
    public Item405ReportResult? Report { get; private set; }

    /// <summary>Shows the report.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= clock.GetUtcNow().Year - 1;
        FiscalYearEnd = string.IsNullOrWhiteSpace(FiscalYearEnd) ? "12-31" : FiscalYearEnd.Trim();
        ModelState.Clear();
        Report = await mediator.Send(new GetItem405Report(Year.Value, FiscalYearEnd), ct);
    }

    public Task ReloadAsync(CancellationToken ct) => Task.CompletedTask;
}
