using EthicsCases.Features.Waivers;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Waivers;

/// <summary>
/// Implicit-waiver proposals (Instruction 2 to Item 5.05): the General Counsel (or the Audit Committee) runs the scan,
/// and confirms or dismisses each proposal with a reason (Sends <see cref="ListImplicitWaiverProposals"/>,
/// <see cref="ProposeImplicitWaivers"/>, <see cref="ConfirmImplicitWaiver"/>, <see cref="DismissImplicitWaiverProposal"/>).
/// </summary>
public sealed class ProposalsModel(IMediator mediator) : PageModel, IFormPage
{
    /// <summary>The proposals, open ones first.</summary>
    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];

    [BindProperty]
    public Guid ProposalId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Provision { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    /// <summary>Looks for new implicit waivers now.</summary>
    public async Task<IActionResult> OnPostScanAsync(CancellationToken ct)
    {
        var scan = await mediator.Send(new ProposeImplicitWaivers(), ct);
        TempData["Flash"] = $"{scan.Proposed} new proposal{(scan.Proposed == 1 ? "" : "s")}.";
        return RedirectToPage();
    }

    /// <summary>Records the proposal as an implicit waiver: granted today, the clock starts.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var decision = await mediator.Send(new ConfirmImplicitWaiver(ProposalId, Reason ?? "", string.IsNullOrWhiteSpace(Provision) ? null : Provision), ct);
        TempData["Flash"] = $"Implicit waiver recorded: disclose it by {decision.DisclosureDue:yyyy-MM-dd}.";
        return decision.WaiverId is { } id ? Redirect($"/Waivers/{id}") : RedirectToPage();
    }

    /// <summary>Dismisses the proposal.</summary>
    public async Task<IActionResult> OnPostDismissAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await mediator.Send(new DismissImplicitWaiverProposal(ProposalId, Reason ?? ""), ct);
        TempData["Flash"] = "Proposal dismissed.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken ct) =>
        Proposals = (await mediator.Send(new ListImplicitWaiverProposals(All: true), ct)).OrderBy(p => p.State).ThenBy(p => p.ProposedAt).ToList();
}
