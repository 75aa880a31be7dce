using EthicsCases.Notifications;
using EthicsCases.Web.Auth;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Account;

/// <summary>
/// The signed-in person chooses immediate mail or a daily digest: Sends <see cref="ShowNotificationPreference"/> and
/// <see cref="SetNotificationPreference"/>, as <c>ethics notifications prefer</c> does.
/// </summary>
[Authorize(Policy = Policies.DirectoryPerson)]
public sealed class NotificationsModel(IMediator mediator) : PageModel, IFormPage
{
    /// <summary>The stored choice.</summary>
    public NotificationPreference Current { get; private set; }

    /// <summary>The choice submitted.</summary>
    [BindProperty]
    public string? Preference { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    /// <summary>Stores the choice.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var set = await mediator.Send(new SetNotificationPreference(Preference ?? ""), ct);
        TempData["Flash"] = set.Preference == NotificationPreference.DailyDigest
            ? "You will receive one mail a day bundling your notifications."
            : "You will receive each notification as it happens.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken ct) => Current = (await mediator.Send(new ShowNotificationPreference(), ct)).Preference;
}
