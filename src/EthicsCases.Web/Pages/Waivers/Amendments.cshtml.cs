using EthicsCases.Domain;
using EthicsCases.Features.Waivers;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Waivers;

/// <summary>
/// Amendments of the code (a new SOP revision) and their Item 5.05 disclosure, on the same clock as waivers (Sends
/// <see cref="ListCodeAmendments"/>, <see cref="RecordCodeAmendment"/>, <see cref="RecordAmendmentDisclosure"/>).
/// </summary>
public sealed class AmendmentsModel(IMediator mediator, TimeProvider clock) : PageModel, IFormPage
{
    /// <summary>Every amendment recorded.</summary>
    public IReadOnlyList<AmendmentRow> Amendments { get; private set; } = [];

    /// <summary>The General Counsel, the Audit Committee and the Board record amendments.</summary>
    public bool CanRecord => WaiverPages.RecordsDisclosures(User) || WaiverPages.Has(User, Role.Board);

    [BindProperty]
    public string? Revision { get; set; }

    [BindProperty]
    public DateOnly? Adopted { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    /// <summary>The amendment disclosed (its revision).</summary>
    [BindProperty]
    public string? Amendment { get; set; }

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? PostingUrl { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Adopted ??= Today;
        On ??= Today;
        await ReloadAsync(ct);
    }

    /// <summary>Records an amendment; its clock starts on the adoption date.</summary>
    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var row = await mediator.Send(new RecordCodeAmendment(Revision ?? "", Adopted, Summary ?? ""), ct);
        TempData["Flash"] = $"Amendment {row.Revision} recorded: disclose it by {row.DisclosureDue:yyyy-MM-dd}.";
        return RedirectToPage();
    }

    /// <summary>Records an amendment's disclosure.</summary>
    public async Task<IActionResult> OnPostDiscloseAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var row = await mediator.Send(new RecordAmendmentDisclosure(Amendment ?? "", On, Channel ?? "", string.IsNullOrWhiteSpace(PostingUrl) ? null : PostingUrl.Trim()), ct);
        TempData["Flash"] = $"Disclosure of amendment {row.Revision} recorded: {(row.Late == true ? "late" : "on time")}.";
        return RedirectToPage();
    }

    // PageModel already has a Url; the commands' "url" is this form's PostingUrl.
    string IFormPage.FieldName(string field) => field == "url" ? nameof(PostingUrl) : field;

    public async Task ReloadAsync(CancellationToken ct) => Amendments = await mediator.Send(new ListCodeAmendments(), ct);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
