using System.ComponentModel.DataAnnotations;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.People;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Concerns;

/// <summary>An officer files a concern: Sends <see cref="FileConcern"/>, as <c>ethics concern file</c> does.</summary>
public sealed class FileModel(IMediator mediator) : PageModel, IFormPage
{
    /// <summary>The directory, for naming subjects (the signed-in person excluded).</summary>
    public IReadOnlyList<DirectoryEntry> People { get; private set; } = [];

    /// <summary>The SOP category.</summary>
    [BindProperty, Required(ErrorMessage = "Choose the category that fits best.")]
    public string? Category { get; set; }

    /// <summary>One line.</summary>
    [BindProperty]
    public string Summary { get; set; } = "";

    /// <summary>What happened.</summary>
    [BindProperty]
    public string? Details { get; set; }

    /// <summary>When it happened, if known.</summary>
    [BindProperty]
    public DateOnly? IncidentDate { get; set; }

    /// <summary>People named.</summary>
    [BindProperty]
    public List<string> SubjectEmails { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    /// <summary>Files and goes to the new case.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        var filed = await mediator.Send(new FileConcern(Category!, Summary ?? "", Details, SubjectEmails, IncidentDate), ct);
        TempData["Flash"] = $"Concern {filed.Reference} filed and routed to {string.Join(" and ", filed.RoutedTo.Select(Labels.Role))}.";
        return RedirectToPage("/Cases/Show", new { key = filed.Reference });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        var me = User.FindFirst(Auth.AuthSetup.DirectoryPersonId)?.Value;
        People = (await mediator.Send(new ListPeople(), ct)).Where(p => p.PersonId.ToString() != me).ToList();
    }
}
