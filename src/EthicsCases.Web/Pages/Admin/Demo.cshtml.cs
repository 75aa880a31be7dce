using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Admin;

/// <summary>
/// Loads demonstration data by Sending <c>EthicsCases.Features.Demo.SeedDemo</c> (the same command as
/// <c>ethics demo seed</c>). The command is found by name so that this page works as soon as the command is in the
/// build; until then the page says that demo data is not available in this build.
/// </summary>
public sealed class DemoModel(IMediator mediator) : PageModel
{
    /// <summary>The command's type name (CONTRACT.md: <c>ethics demo seed</c>).</summary>
    public const string SeedDemoType = "EthicsCases.Features.Demo.SeedDemo";

    /// <summary>How many cases to create.</summary>
    [BindProperty]
    public int Cases { get; set; } = 40;

    /// <summary>Whether this build carries the seeding command.</summary>
    public static bool Available => SeedDemoCommand() is not null;

    /// <summary>The outcome.</summary>
    public string? Result { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Seeds.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var type = SeedDemoCommand();
        if (type is null || Cases is < 1 or > 5000)
        {
            return Page();
        }

        // record SeedDemo(int Cases, int? Seed, IProgress<int>? Progress = null) : ICommand<SeedDemoResult>
        var command = Activator.CreateInstance(type, Cases, (int?)null, null)!;
        var result = await mediator.Send(command, ct);
        Result = $"Demo data loaded: {result}";
        return Page();
    }

    private static Type? SeedDemoCommand() => typeof(EthicsCases.DependencyInjection).Assembly.GetType(SeedDemoType);
}
