using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using EthicsCases.Features.Waivers;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Waivers;

/// <summary>
/// An officer asks for a waiver for themselves; the General Counsel asks on an officer's behalf (Sends
/// <see cref="RequestWaiver"/>, as <c>ethics waiver request</c>).
/// </summary>
public sealed class RequestModel(IMediator mediator, ActorContext actor) : PageModel, IFormPage
{
    /// <summary>The officers the General Counsel may ask for.</summary>
    public IReadOnlyList<DirectoryEntry> Officers { get; private set; } = [];

    /// <summary>Whether the person asks on someone's behalf (General Counsel).</summary>
    public bool OnBehalf => WaiverPages.Has(User, Role.GeneralCounsel);

    /// <summary>The officer (e-mail); the signed-in officer when not on behalf.</summary>
    [BindProperty]
    public string? Person { get; set; }

    /// <summary>The provision of the code to waive.</summary>
    [BindProperty]
    public string? Provision { get; set; }

    /// <summary>Why.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    /// <summary>Records the request and opens it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var person = OnBehalf && !string.IsNullOrWhiteSpace(Person) ? Person : actor.Email ?? "";
        var requested = await mediator.Send(new RequestWaiver(person, Provision ?? "", Reason ?? ""), ct);
        TempData["Flash"] = $"The waiver request for {requested.Person} is recorded; the Board decides it.";
        return Redirect($"/Waivers/{requested.WaiverId}");
    }

    public async Task ReloadAsync(CancellationToken ct) =>
        Officers = OnBehalf ? (await mediator.Send(new ListPeople(), ct)).Where(p => p.Roles.Contains(Role.Officer)).ToList() : [];
}
