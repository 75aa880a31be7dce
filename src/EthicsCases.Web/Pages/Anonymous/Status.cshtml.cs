using EthicsCases.Domain;
using EthicsCases.Features.Anonymous;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Anonymous;

/// <summary>The anonymous reporter checks progress and writes to the reviewers: Sends <see cref="CheckAnonymousReport"/> and <see cref="ReplyAnonymously"/>.</summary>
public sealed class StatusModel(IMediator mediator) : PageModel
{
    /// <summary>The report key.</summary>
    [BindProperty]
    public string? ReportKey { get; set; }

    /// <summary>The password.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>A reply to the reviewers.</summary>
    [BindProperty]
    public string? Reply { get; set; }

    /// <summary>The report, once the credentials check out.</summary>
    public AnonymousReportStatus? Report { get; private set; }

    /// <summary>Shows the credential form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the credentials and shows the report.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await ShowAsync(ct);

    /// <summary>Sends a reply, then shows the report again.</summary>
    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        try
        {
            await mediator.Send(new ReplyAnonymously(ReportKey ?? "", Password ?? "", Reply ?? ""), ct);
            Reply = null;
            TempData["Flash"] = "Your message was sent to the reviewers.";
        }
        catch (RejectedException rejected) when (rejected is not NotFoundException)
        {
            ModelState.Add(rejected);
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        try
        {
            Report = await mediator.Send(new CheckAnonymousReport(ReportKey ?? "", Password ?? ""), ct);
        }
        catch (RejectedException rejected)
        {
            // One message for an unknown key and a wrong password alike.
            ModelState.AddModelError(string.Empty, rejected is NotFoundException ? rejected.Message : "Enter the report key and the password.");
        }

        return Page();
    }
}
