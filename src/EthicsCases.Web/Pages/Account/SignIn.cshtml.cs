using System.Security.Claims;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using EthicsCases.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Web.Pages.Account;

/// <summary>Entra ID: starts the OpenID Connect sign-in. Local mode: pick a directory person (clearly labelled).</summary>
public sealed class SignInModel(EthicsDbContext db, AuthModeInfo mode) : PageModel
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

        People = await DirectoryAsync(ct);
        return Page();
    }

    /// <summary>Signs in as the chosen directory person (local mode only).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!mode.IsLocal)
        {
            return NotFound();
        }

        People = await DirectoryAsync(ct);
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

    // Picking whom to be is part of signing in, like the claims transformation's directory read: nobody is signed in
    // yet to send ListPeople as (it is for directory people).
    private async Task<IReadOnlyList<DirectoryEntry>> DirectoryAsync(CancellationToken ct) =>
        (await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct))
        .Select(p => new DirectoryEntry(p.Id, p.Email, p.Name, p.Title, p.Roles)).ToList();

    private string SafeReturn() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
