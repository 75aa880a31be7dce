using System.Security.Claims;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EthicsCases.Web.Auth;

/// <summary>How people sign in: <c>Auth:Mode</c>.</summary>
public enum AuthMode
{
    /// <summary>Embedded default for development: pick a directory person; tokens signed with a key in the data folder.</summary>
    Local,

    /// <summary>Microsoft Entra ID through Microsoft.Identity.Web (OpenID Connect for pages, JWT bearer for /api).</summary>
    EntraId,
}

/// <summary>Names of the authorization policies; the directory, not the token, decides the roles behind them.</summary>
public static class Policies
{
    /// <summary>Any signed-in person found in the directory.</summary>
    public const string DirectoryPerson = nameof(DirectoryPerson);

    /// <summary>
    /// The triage queue: the General Counsel, the Audit Committee, and the Board (which sees the cases referred to it
    /// there).
    /// </summary>
    public const string Reviewer = nameof(Reviewer);

    public const string AuditCommittee = nameof(AuditCommittee);

    /// <summary>General Counsel or Audit Committee (the prior-advice ledger).</summary>
    public const string AdviceLedger = nameof(AdviceLedger);

    /// <summary>
    /// General Counsel or Audit Committee: Form 4 filings (check, import), the Item 405 report and the owner review list.
    /// The SOP sends Section 16 matters to both; the Board reads Item 405 in the proxy draft, not here.
    /// </summary>
    public const string Form4Monitor = nameof(Form4Monitor);

    /// <summary>Loading demo data: an Administrator, or anyone in Local mode in Development.</summary>
    public const string DemoData = nameof(DemoData);

    /// <summary>The API: a valid bearer token (Entra ID or local) of a directory person.</summary>
    public const string Api = nameof(Api);
}

/// <summary>Wires authentication for both modes and the role policies.</summary>
public static class AuthSetup
{
    /// <summary>Claim type of the roles the directory gives the signed-in person (added per request).</summary>
    public const string DirectoryRole = "ethics:role";

    /// <summary>Claim set once the person was found in the directory.</summary>
    public const string DirectoryPersonId = "ethics:person";

    /// <summary>Reads <c>Auth:Mode</c>: Local by default in Development only; Production refuses Local.</summary>
    public static AuthMode ModeOf(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var text = configuration["Auth:Mode"];
        AuthMode mode;
        if (string.IsNullOrWhiteSpace(text))
        {
            mode = environment.IsDevelopment() ? AuthMode.Local : AuthMode.EntraId;
        }
        else if (!Enum.TryParse(text, ignoreCase: true, out mode))
        {
            throw new InvalidOperationException($"Auth:Mode '{text}' is not supported; use Local or EntraId.");
        }

        if (mode == AuthMode.Local && environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Auth:Mode is Local, which lets anyone sign in as anyone; it is refused in Production. " +
                "Configure Microsoft Entra ID (Auth:Mode=EntraId and the AzureAd section, see docs/entra-id.md) " +
                "or run with ASPNETCORE_ENVIRONMENT=Development for a local trial.");
        }

        if (mode == AuthMode.EntraId && string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]))
        {
            throw new InvalidOperationException("Auth:Mode is EntraId but AzureAd:ClientId is empty; see docs/entra-id.md.");
        }

        return mode;
    }

    /// <summary>Registers authentication (cookies or OpenID Connect for pages, JWT bearer for the API) and policies.</summary>
    public static IServiceCollection AddEthicsAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var mode = ModeOf(configuration, environment);
        services.AddSingleton(new AuthModeInfo(mode, environment.IsDevelopment()));
        services.AddScoped<IClaimsTransformation, DirectoryClaimsTransformation>();

        if (mode == AuthMode.EntraId)
        {
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));
            services.AddAuthentication()
                .AddMicrosoftIdentityWebApi(configuration.GetSection("AzureAd"), JwtBearerDefaults.AuthenticationScheme);
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, Harden);
        }
        else
        {
            var dataDirectory = DatabaseSettings.DataDirectory(configuration);
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o =>
                {
                    Harden(o);
                    o.LoginPath = "/Account/SignIn";
                    o.AccessDeniedPath = "/Status";
                })
                .AddMicrosoftIdentityWebApi(
                    _ => { },
                    identity =>
                    {
                        // Shaped like an Entra registration so that Identity.Web runs its normal pipeline.
                        identity.Instance = "https://login.microsoftonline.com/";
                        identity.TenantId = "local";
                        identity.ClientId = LocalTokens.Audience;
                    },
                    JwtBearerDefaults.AuthenticationScheme);
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => UseLocalKey(o, dataDirectory));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.DirectoryPerson, p => p.RequireClaim(DirectoryPersonId))
            .AddPolicy(Policies.Reviewer, p => p.RequireClaim(DirectoryRole, nameof(Role.GeneralCounsel), nameof(Role.AuditCommittee), nameof(Role.Board)))
            .AddPolicy(Policies.AuditCommittee, p => p.RequireClaim(DirectoryRole, nameof(Role.AuditCommittee)))
            .AddPolicy(Policies.AdviceLedger, p => p.RequireClaim(DirectoryRole, nameof(Role.GeneralCounsel), nameof(Role.AuditCommittee)))
            .AddPolicy(Policies.Form4Monitor, p => p.RequireClaim(DirectoryRole, nameof(Role.GeneralCounsel), nameof(Role.AuditCommittee)))
            .AddPolicy(Policies.DemoData, p => p.RequireAssertion(ctx =>
                ctx.User.HasClaim(DirectoryRole, nameof(Role.Administrator))
                || (mode == AuthMode.Local && environment.IsDevelopment())))
            .AddPolicy(Policies.Api, p => p
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(DirectoryPersonId));
        return services;
    }

    /// <summary>The signed-in person's e-mail: <c>preferred_username</c>, else <c>email</c>, else the UPN.</summary>
    public static string? EmailOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        string[] types = ["preferred_username", ClaimTypes.Email, "email", ClaimTypes.Upn, "upn", ClaimTypes.Name];
        return types.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && v.Contains('@', StringComparison.Ordinal));
    }

    private static void Harden(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "ethics.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
    }

    // Same JwtBearer handler as Entra, but keys and issuer are static: no metadata request ever leaves the machine.
    private static void UseLocalKey(JwtBearerOptions o, string dataDirectory)
    {
        var key = LocalTokens.SigningKey(dataDirectory);
        var metadata = new OpenIdConnectConfiguration { Issuer = LocalTokens.Issuer };
        metadata.SigningKeys.Add(key);
        o.Configuration = metadata;
        o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
        o.Authority = null;
        o.MetadataAddress = null!;
        o.TokenValidationParameters.ValidIssuer = LocalTokens.Issuer;
        o.TokenValidationParameters.ValidIssuers = [LocalTokens.Issuer];
        o.TokenValidationParameters.IssuerSigningKeys = [key];
        o.TokenValidationParameters.ValidAudiences = [LocalTokens.Audience];
        o.TokenValidationParameters.IssuerValidator = null;
    }
}

/// <summary>The active sign-in mode, for pages that differ (the local sign-in page).</summary>
public sealed record AuthModeInfo(AuthMode Mode, bool IsDevelopment)
{
    /// <summary>Whether the local sign-in page is available.</summary>
    public bool IsLocal => Mode == AuthMode.Local;
}
