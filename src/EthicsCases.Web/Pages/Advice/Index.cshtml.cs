using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.Advice;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.People;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Advice;

/// <summary>
/// The prior-advice ledger: the General Counsel records advice given to an officer (Sends <see cref="RecordAdvice"/>, as
/// <c>ethics advice add</c>); the General Counsel and the Audit Committee read it (<see cref="ListAdvice"/>).
/// </summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel, IFormPage
{
    /// <summary>The ledger, oldest advice first.</summary>
    public IReadOnlyList<AdviceEntry> Entries { get; private set; } = [];

    /// <summary>The directory, for choosing the person advised.</summary>
    public IReadOnlyList<DirectoryEntry> People { get; private set; } = [];

    /// <summary>Previous and next pages of the ledger.</summary>
    public PageLinks Pages { get; private set; } = new(null, null, 1);

    /// <summary>Whether the signed-in person may record advice (General Counsel).</summary>
    public bool CanRecord => User.HasClaim(Auth.AuthSetup.DirectoryRole, nameof(Role.GeneralCounsel));

    /// <summary>Only this person's advice, when given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    /// <summary>The person advised (e-mail).</summary>
    [BindProperty]
    public string? AdvisedPerson { get; set; }

    /// <summary>The SOP category the advice was about.</summary>
    [BindProperty]
    public string? Category { get; set; }

    /// <summary>When the advice was given.</summary>
    [BindProperty]
    public DateOnly? Date { get; set; }

    /// <summary>What the General Counsel advised.</summary>
    [BindProperty]
    public string? Summary { get; set; }

    /// <summary>Shows the ledger (and the form for the General Counsel).</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Date ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await ReloadAsync(ct);
    }

    /// <summary>Records an entry; a refusal shows next to the form with the values kept.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var entry = await mediator.Send(new RecordAdvice(AdvisedPerson ?? "", Category ?? "", Date, Summary ?? ""), ct);
        TempData["Flash"] = $"Advice to {entry.PersonName} on {Labels.Category(entry.Category).ToLowerInvariant()} given {entry.Date:yyyy-MM-dd} recorded.";
        return RedirectToPage();
    }

    // The command calls the advised person "person"; on this page Person filters the list and AdvisedPerson is the field.
    string IFormPage.FieldName(string field) => field == "person" ? nameof(AdvisedPerson) : field;

    public async Task ReloadAsync(CancellationToken ct)
    {
        var page = await mediator.Send(new ListAdvice(string.IsNullOrWhiteSpace(Person) ? null : Person, Paging.DefaultLimit, PageLinks.After(Request)), ct);
        Entries = page;
        Pages = PageLinks.For(Request, page.Next);
        People = CanRecord ? await mediator.Send(new ListPeople(), ct) : [];
    }
}
