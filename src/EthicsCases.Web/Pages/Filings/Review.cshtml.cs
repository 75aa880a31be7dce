using EthicsCases.Features.Form4;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Filings;

/// <summary>"Owners to review": reporting owners not linked to a directory person (Sends <see cref="ListForm4Review"/>, as <c>ethics form4 review</c>).</summary>
public sealed class ReviewModel(IMediator mediator) : PageModel
{
    /// <summary>The owners, by name.</summary>
    public IReadOnlyList<Form4ReviewOwner> Owners { get; private set; } = [];

    /// <summary>Shows the list.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Owners = await mediator.Send(new ListForm4Review(), ct);
}
