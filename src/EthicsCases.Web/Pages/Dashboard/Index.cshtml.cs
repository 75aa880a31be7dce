using EthicsCases.Features.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Dashboard;

/// <summary>Open cases by state and category: Sends <see cref="ShowDashboard"/>.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>The counts.</summary>
    public DashboardView View { get; private set; } = null!;

    /// <summary>Loads the counts.</summary>
    public async Task OnGetAsync(CancellationToken ct) => View = await mediator.Send(new ShowDashboard(), ct);
}
