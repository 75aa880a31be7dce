namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// A cookie marked Secure whatever the request's scheme. Behind a proxy that terminates TLS the app sees http, yet
/// the browser talks https and must never send the cookie in clear. (Antiforgery's own
/// <c>SecurePolicy = Always</c> refuses to run on an http request instead, which would break that deployment.)
/// Browsers accept Secure cookies from http://localhost, so local development keeps working.
/// </summary>
public sealed class AlwaysSecureCookieBuilder : CookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
