using EthicsCases.Features.Concerns;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Reports;

/// <summary>The signed-in person's own reports: Sends <see cref="MyReports"/>.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>Newest first.</summary>
    public IReadOnlyList<MyReport> Reports { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Reports = await mediator.Send(new MyReports(), ct);
}
