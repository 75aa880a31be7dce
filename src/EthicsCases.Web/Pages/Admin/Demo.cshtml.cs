using EthicsCases.Features.Demo;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Admin;

/// <summary>
/// Loads demonstration data by Sending <see cref="SeedDemo"/>, the same command as <c>ethics demo seed</c>.
/// </summary>
public sealed class DemoModel(IMediator mediator) : PageModel
{
    /// <summary>How many cases to create.</summary>
    [BindProperty]
    public int Cases { get; set; } = 40;

    /// <summary>The outcome.</summary>
    public string? Result { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Seeds.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Cases is < 1 or > 5000)
        {
            ModelState.AddModelError(nameof(Cases), "Choose between 1 and 5,000 cases.");
            return Page();
        }

        var result = await mediator.Send(new SeedDemo(Cases), ct);
        Result = $"Demo data loaded: {result.Cases} cases; the directory holds {result.People} people. Sign in as gc@{SeedDemoHandler.Domain} to see the triage queue.";
        return Page();
    }
}
