using EthicsCases.Features.Waivers;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Waivers;

/// <summary>
/// The waiver register as the signed-in person may see it (Sends <see cref="ListWaivers"/>, as <c>ethics waiver list</c>):
/// reviewers and designees see every waiver, an officer only their own; with the Item 5.05 clock.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>The register, oldest request first.</summary>
    public IReadOnlyList<WaiverRow> Rows { get; private set; } = [];

    /// <summary>Shows the register.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Rows = await mediator.Send(new ListWaivers(), ct);
}
