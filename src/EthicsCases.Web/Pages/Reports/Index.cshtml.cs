using EthicsCases.Common;
using EthicsCases.Features.Concerns;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Reports;

/// <summary>The signed-in person's own reports: Sends <see cref="MyReports"/>.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>Newest first.</summary>
    public IReadOnlyList<MyReport> Reports { get; private set; } = [];

    /// <summary>Previous and next pages.</summary>
    public PageLinks Pages { get; private set; } = new(null, null, 1);

    /// <summary>Loads one page of the list.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await mediator.Send(new MyReports(Paging.DefaultLimit, PageLinks.After(Request)), ct);
        Reports = page;
        Pages = PageLinks.For(Request, page.Next);
    }
}
