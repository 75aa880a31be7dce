using System.Security.Claims;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using EthicsCases.Web.Auth;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Account;

/// <summary>Entra ID: starts the OpenID Connect sign-in. Local mode: pick a directory person (clearly labelled).</summary>
public sealed class SignInModel(IMediator mediator, AuthModeInfo mode) : PageModel
{
    /// <summary>The directory, in local mode.</summary>
    public IReadOnlyList<DirectoryEntry> People { get; private set; } = [];

    /// <summary>The person chosen.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Where to go after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the picker or challenges Entra ID.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!mode.IsLocal)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = SafeReturn() }, OpenIdConnectDefaults.AuthenticationScheme);
        }

        People = await mediator.Send(new ListPeople(), ct);
        return Page();
    }

    /// <summary>Signs in as the chosen directory person (local mode only).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!mode.IsLocal)
        {
            return NotFound();
        }

        People = await mediator.Send(new ListPeople(), ct);
        var person = People.FirstOrDefault(p => p.Email == Person.NormalizeEmail(Email ?? ""));
        if (person is null)
        {
            ModelState.AddModelError(nameof(Email), "Choose a person from the directory.");
            return Page();
        }

        var identity = new ClaimsIdentity(
            // The directory look-up finds the person by 'oid', as it does for a local token.
            [new Claim("preferred_username", person.Email), new Claim(ClaimTypes.Name, person.Name), new Claim("sub", person.PersonId.ToString()),
                new Claim("oid", person.PersonId.ToString())],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(SafeReturn());
    }

    private string SafeReturn() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
