using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Board;

/// <summary>
/// The cases awaiting the Board's determination that the signed-in person may see (Sends <see cref="ListCases"/> with
/// <see cref="CaseState.BoardDetermination"/>, as <c>GET /api/cases?state=BoardDetermination</c>): the Board's list, and
/// the list of a person the Board designated for determinations, who may hold no role and so has no review queue.
/// </summary>
public sealed class DeterminationsModel(IMediator mediator) : PageModel
{
    /// <summary>The cases waiting, oldest first.</summary>
    public IReadOnlyList<CaseListItem> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Cases = (await mediator.Send(new ListCases(CaseState.BoardDetermination), ct)).Items;
}
