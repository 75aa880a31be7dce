using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Waivers;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Waivers;

/// <summary>
/// One waiver: the Board (or its designee) decides it (<see cref="DecideWaiver"/>); the General Counsel or the Audit
/// Committee records its disclosure and the website posting's removal (<see cref="RecordWaiverDisclosure"/>,
/// <see cref="RecordWaiverPostingRemoval"/>) and generates the Item 5.05 draft as text to edit or as a PDF
/// (<see cref="GetWaiverDisclosureDraft"/>, a POST because every draft is audited, as the written notice is). A waiver
/// the person may not see, or one for themselves they review, answers 404.
/// </summary>
public sealed class ShowModel(IMediator mediator, ActorContext actor, TimeProvider clock) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The waiver as the register shows it.</summary>
    public WaiverRow Waiver { get; private set; } = null!;

    /// <summary>The draft generated on request, for counsel to edit and copy.</summary>
    public WaiverDraft? Draft { get; private set; }

    /// <summary>Whether the signed-in person is the officer the waiver is for (who never decides it).</summary>
    public bool IsOwn => string.Equals(Waiver.Person, actor.Email, StringComparison.OrdinalIgnoreCase);

    /// <summary>Grant or deny: "yes" or "no".</summary>
    [BindProperty]
    public string? Granted { get; set; }

    /// <summary>The decision date.</summary>
    [BindProperty]
    public DateOnly? Decided { get; set; }

    /// <summary>The reasons for the decision.</summary>
    [BindProperty]
    public string? Rationale { get; set; }

    /// <summary>The disclosure (or removal) date.</summary>
    [BindProperty]
    public DateOnly? On { get; set; }

    /// <summary>8-K or website.</summary>
    [BindProperty]
    public string? Channel { get; set; }

    /// <summary>The website posting's address.</summary>
    [BindProperty]
    public string? PostingUrl { get; set; }

    /// <summary>Which draft: 8-K or website.</summary>
    [BindProperty]
    public string? Variant { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Decided ??= Today;
        On ??= Today;
        await ReloadAsync(ct);
    }

    /// <summary>Grants or denies.</summary>
    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var decided = await mediator.Send(new DecideWaiver(Id, Granted == "yes", Decided, Rationale ?? ""), ct);
        TempData["Flash"] = decided.State == WaiverState.Granted
            ? $"Waiver granted on {decided.Decided:yyyy-MM-dd}: disclose it by {decided.DisclosureDue:yyyy-MM-dd}."
            : $"Waiver denied on {decided.Decided:yyyy-MM-dd}.";
        return Redirect($"/Waivers/{Id}");
    }

    /// <summary>Records the disclosure.</summary>
    public async Task<IActionResult> OnPostDiscloseAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var disclosed = await mediator.Send(new RecordWaiverDisclosure(Id, On, Channel ?? "", string.IsNullOrWhiteSpace(PostingUrl) ? null : PostingUrl.Trim()), ct);
        TempData["Flash"] = $"Disclosure recorded ({disclosed.Channel}, {disclosed.DisclosedOn:yyyy-MM-dd}): {(disclosed.Late == true ? "late" : "on time")}." +
            (disclosed.Warning is { } w ? " " + w : "");
        return Redirect($"/Waivers/{Id}");
    }

    /// <summary>Records that the website posting came down (an early removal is recorded with a warning).</summary>
    public async Task<IActionResult> OnPostRemovalAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var disclosed = await mediator.Send(new RecordWaiverPostingRemoval(Id, On), ct);
        TempData["Flash"] = $"Posting removal recorded ({disclosed.PostingRemovedOn:yyyy-MM-dd})." + (disclosed.Warning is { } w ? " " + w : "");
        return Redirect($"/Waivers/{Id}");
    }

    /// <summary>Shows the Item 5.05 draft as text for counsel to edit.</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Draft = await mediator.Send(new GetWaiverDisclosureDraft(Id, Variant ?? "8-K"), ct);
        await ReloadAsync(ct);
        return Page();
    }

    /// <summary>Downloads the draft as a PDF.</summary>
    public async Task<IActionResult> OnPostDraftPdfAsync(CancellationToken ct)
    {
        var draft = await mediator.Send(new GetWaiverDisclosureDraft(Id, Variant ?? "8-K", Pdf: true), ct);
        return File(draft.Pdf!, "application/pdf", draft.FileName);
    }

    // PageModel already has a Url; the commands' "url" is this form's PostingUrl.
    string IFormPage.FieldName(string field) => field == "url" ? nameof(PostingUrl) : field;

    public async Task ReloadAsync(CancellationToken ct)
    {
        Waiver = (await mediator.Send(new ListWaivers(), ct)).SingleOrDefault(w => w.WaiverId == Id)
            ?? throw new NotFoundException($"Waiver '{Id}' was not found.");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
