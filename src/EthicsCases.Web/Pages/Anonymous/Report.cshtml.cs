using EthicsCases.Features.Anonymous;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Anonymous;

/// <summary>
/// Anonymous report (Exchange Act Rule 10A-3): Sends <see cref="FileAnonymousReport"/>. The receipt is rendered in
/// this one response and never stored in a cookie or TempData.
/// </summary>
public sealed class ReportModel(IMediator mediator) : PageModel, IFormPage
{
    /// <summary>The SOP category.</summary>
    [BindProperty]
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

    /// <summary>People named, by e-mail, one per line.</summary>
    [BindProperty]
    public string? Subjects { get; set; }

    /// <summary>Set once filed: shown once.</summary>
    public AnonymousReceipt? Receipt { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Files and shows the key and password.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var subjects = (Subjects ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Receipt = await mediator.Send(new FileAnonymousReport(Category ?? "", Summary ?? "", Details, subjects, IncidentDate), ct);
        return Page();
    }

    public Task ReloadAsync(CancellationToken ct) => Task.CompletedTask;
}
