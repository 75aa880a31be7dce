using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Determinations;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Cases;

/// <summary>
/// The Board's determination on a case in BoardDetermination (Audit Committee): Sends <see cref="GetDeterminationContext"/>
/// for the records and, on Calculate, the recommendation and precedents for the factors entered; Record Sends
/// <see cref="DetermineCase"/>, as <c>ethics case determine</c> does.
/// </summary>
public sealed class DeterminationModel(IMediator mediator, TimeProvider clock) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    public CaseDetail Case { get; private set; } = null!;

    /// <summary>What the records say: each individual's prior violations and advice; with factors, the recommendation.</summary>
    public DeterminationContext Context { get; private set; } = null!;

    /// <summary>The form as entered (kept when the determination is refused).</summary>
    [BindProperty]
    public DeterminationInput Determination { get; set; } = new();

    /// <summary>The individual the form is about: the one chosen, or the only subject.</summary>
    public IndividualHistory? Individual => Context.Individuals.Count == 1
        ? Context.Individuals[0]
        : Context.Individuals.FirstOrDefault(i => string.Equals(i.Email, Determination.Subject, StringComparison.OrdinalIgnoreCase));

    string IFormPage.FieldPrefix => nameof(Determination) + ".";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (!Case.PermittedTriggers.Contains(CaseTrigger.RecordDetermination))
        {
            return RedirectToPage("/Cases/Show", new { key = Key });
        }

        Determination.MeetingDate ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    /// <summary>Shows the recommendation and precedents for the factors entered; records nothing.</summary>
    public async Task<IActionResult> OnPostCalculateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Case = await mediator.Send(new ShowCase(Key), ct);
        var d = Determination;
        Context = await mediator.Send(new GetDeterminationContext(Key, Blank(d.Subject), d.Severity, d.Occurrences, Blank(d.Intent), Blank(d.Advised)), ct);
        Determination.Advised ??= Individual is { } who ? SanctionFactors.YesNo(who.Advised) : null;
        return Page();
    }

    /// <summary>Records the Board's determination and goes back to the case.</summary>
    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var d = Determination;
        var determined = await mediator.Send(new DetermineCase(Key, d.ViolationFound == "yes", d.ToSanctions(), d.Severity, d.Occurrences,
            Blank(d.Intent), Blank(d.Advised), Blank(d.AdvisedReason), Blank(d.Reason), Blank(d.Rationale), Blank(d.Subject), d.MeetingDate, d.NoAction), ct);
        TempData["Flash"] = $"The Board's determination is recorded: the case is {Labels.State(determined.State)} ({determined.Outcome})" +
            (determined.Sanctions.Count == 0 ? "." : $", actions: {string.Join(", ", determined.Sanctions)}.");
        return RedirectToPage("/Cases/Show", new { key = Key });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Case = await mediator.Send(new ShowCase(Key), ct);
        Context = await mediator.Send(new GetDeterminationContext(Key), ct);
        Determination.Advised ??= Individual is { } who ? SanctionFactors.YesNo(who.Advised) : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The Board-determination form's fields, named as in <c>ethics case determine</c>.</summary>
public sealed class DeterminationInput
{
    /// <summary>yes or no.</summary>
    public string? ViolationFound { get; set; } = "yes";

    /// <summary>The individual, when the case names several subjects.</summary>
    public string? Subject { get; set; }

    /// <summary>Nature and severity, 1 to 5.</summary>
    public int? Severity { get; set; }

    /// <summary>1 for a single occurrence.</summary>
    public int? Occurrences { get; set; }

    /// <summary>inadvertent or intentional.</summary>
    public string? Intent { get; set; }

    /// <summary>yes or no; pre-filled from the prior-advice ledger.</summary>
    public string? Advised { get; set; }

    /// <summary>Why advised differs from the ledger.</summary>
    public string? AdvisedReason { get; set; }

    /// <summary>The actions chosen.</summary>
    public List<Sanction> Sanctions { get; set; } = [];

    /// <summary>First day of each suspension (and the effective date of a demotion), by action.</summary>
    public Dictionary<Sanction, DateOnly?> From { get; set; } = [];

    /// <summary>Last day of each suspension, by action.</summary>
    public Dictionary<Sanction, DateOnly?> To { get; set; } = [];

    /// <summary>The new position on demotion or re-assignment.</summary>
    public string? Reassignment { get; set; }

    /// <summary>The Board meeting.</summary>
    public DateOnly? MeetingDate { get; set; }

    /// <summary>A violation found and no action taken.</summary>
    public bool NoAction { get; set; }

    /// <summary>The Board's reasons.</summary>
    public string? Rationale { get; set; }

    /// <summary>Why the actions depart from the recommendation.</summary>
    public string? Reason { get; set; }

    /// <summary>The chosen actions with the dates entered against them; dates of actions not chosen are ignored.</summary>
    public IReadOnlyList<DeterminedSanction> ToSanctions() => Sanctions.Select(s => s switch
    {
        Sanction.SuspensionWithPay or Sanction.SuspensionWithoutPay => new DeterminedSanction(s, From.GetValueOrDefault(s), To.GetValueOrDefault(s)),
        Sanction.DemotionOrReassignment => new DeterminedSanction(s, From.GetValueOrDefault(s), null,
            string.IsNullOrWhiteSpace(Reassignment) ? null : Reassignment.Trim()),
        _ => new DeterminedSanction(s),
    }).ToList();
}
