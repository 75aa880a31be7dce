using EthicsCases.Domain;
using EthicsCases.Features.Board;
using EthicsCases.Features.People;
using EthicsCases.Web.Infrastructure;
using EthicsCases.Web.Pages.Waivers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Board;

/// <summary>
/// The Board's designations (SOP II-031: "determine, or designate appropriate persons to determine"): the Board chair
/// records who may decide determinations or waivers in the Board's place, from when to when, under which resolution
/// (Sends <see cref="RecordDesignation"/>, as <c>ethics board designate</c>); the Board, the Audit Committee and the
/// General Counsel read them (<see cref="ListDesignations"/>).
/// </summary>
public sealed class DesignationsModel(IMediator mediator, TimeProvider clock) : PageModel, IFormPage
{
    /// <summary>Every designation, newest resolution first.</summary>
    public IReadOnlyList<DesignationRow> Designations { get; private set; } = [];

    /// <summary>The directory, for choosing the designee.</summary>
    public IReadOnlyList<DirectoryEntry> People { get; private set; } = [];

    /// <summary>Only the Board chair records designations.</summary>
    public bool CanRecord => WaiverPages.Has(User, Role.BoardChair);

    /// <summary>The person designated (e-mail); empty when the Audit Committee is.</summary>
    [BindProperty]
    public string? Person { get; set; }

    /// <summary>Designate the Audit Committee as a body.</summary>
    [BindProperty]
    public bool AuditCommittee { get; set; }

    /// <summary>determinations, waivers.</summary>
    [BindProperty]
    public List<string> Matters { get; set; } = [];

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? To { get; set; }

    [BindProperty]
    public DateOnly? Resolution { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        From ??= today;
        Resolution ??= today;
        To ??= today.AddYears(1);
        await ReloadAsync(ct);
    }

    /// <summary>Records a designation.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var row = await mediator.Send(new RecordDesignation(string.IsNullOrWhiteSpace(Person) ? null : Person, AuditCommittee, Matters, From, To, Resolution), ct);
        TempData["Flash"] = $"Designation of {row.PersonName ?? "the Audit Committee"} for {string.Join(" and ", row.Matters)} recorded ({row.From:yyyy-MM-dd} to {row.To:yyyy-MM-dd}).";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Designations = (await mediator.Send(new ListDesignations(), ct)).OrderByDescending(d => d.Resolution).ToList();
        People = CanRecord ? await mediator.Send(new ListPeople(), ct) : [];
    }
}
