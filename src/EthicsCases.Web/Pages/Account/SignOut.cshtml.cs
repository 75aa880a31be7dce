using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EthicsCases.Web.Auth;

namespace EthicsCases.Web.Pages.Account;

/// <summary>Signs out (POST only, with antiforgery), from Entra ID as well in that mode.</summary>
public sealed class SignOutModel(AuthModeInfo mode) : PageModel
{
    /// <summary>Nothing to show on GET.</summary>
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Ends the session.</summary>
    public IActionResult OnPost() => mode.IsLocal
        ? SignOut(new AuthenticationProperties { RedirectUri = "/" }, CookieAuthenticationDefaults.AuthenticationScheme)
        : SignOut(new AuthenticationProperties { RedirectUri = "/" }, CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
}
