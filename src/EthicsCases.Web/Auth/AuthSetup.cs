using System.Globalization;
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
    /// <summary>Development on this machine only: pick a directory person; tokens signed with a key in the data folder.</summary>
    Local,

    /// <summary>Microsoft Entra ID through Microsoft.Identity.Web (OpenID Connect for pages, JWT bearer for /api).</summary>
    EntraId,
}

/// <summary>Names of the authorization policies; the directory, not the token, decides the roles behind them.</summary>
public static class Policies
{
    /// <summary>Any signed-in person found (active) in the directory.</summary>
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

    /// <summary>Loading demo data: Development only, and there an Administrator, or anyone in Local mode.</summary>
    public const string DemoData = nameof(DemoData);

    /// <summary>The directory's administration (<c>/Admin/People</c>).</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>
    /// The API: a valid bearer token (Entra ID or local) with the <c>Cases.ReadWrite</c> scope or an app role, of an
    /// active directory person.
    /// </summary>
    public const string Api = nameof(Api);
}

/// <summary>Wires authentication for both modes and the role policies.</summary>
public static class AuthSetup
{
    /// <summary>Claim type of the roles the directory gives the signed-in person (added per request).</summary>
    public const string DirectoryRole = "ethics:role";

    /// <summary>Claim set once the person was found in the directory.</summary>
    public const string DirectoryPersonId = "ethics:person";

    /// <summary>Claim with the directory's display name.</summary>
    public const string DirectoryName = "ethics:name";

    /// <summary>
    /// Prefix of the claims only the directory look-up adds; stripped from whatever a token or cookie brings.
    /// </summary>
    public const string DirectoryClaimPrefix = "ethics:";

    /// <summary>The session cookie: <c>__Host-</c> (Secure, path /, no domain: no subdomain can set or read it).</summary>
    public const string CookieName = "__Host-ethics.auth";

    /// <summary>The antiforgery cookie, under the same rules.</summary>
    public const string AntiforgeryCookieName = "__Host-ethics.csrf";

    /// <summary>The delegated scope the API requires (or an app role).</summary>
    public const string ApiScope = LocalTokens.Scope;

    /// <summary>Sliding lifetime of a session cookie.</summary>
    public static readonly TimeSpan SlidingLifetime = TimeSpan.FromHours(8);

    // Stored in the cookie's properties at sign-in and kept across sliding renewals (which move IssuedUtc).
    private const string SignedInAtItem = ".ethics.signedInAt";

    private static readonly string[] SharedTenants = ["common", "organizations", "consumers"];

    /// <summary>
    /// Reads <c>Auth:Mode</c>: Local by default in Development only, refused in every other environment; any value
    /// but the two names is refused.
    /// </summary>
    public static AuthMode ModeOf(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var mode = SignInModes.Resolve(configuration["Auth:Mode"], environment.EnvironmentName) == SignInModes.Local ? AuthMode.Local : AuthMode.EntraId;
        if (mode == AuthMode.EntraId)
        {
            if (string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]))
            {
                throw new InvalidOperationException("Auth:Mode is EntraId but AzureAd:ClientId is empty; see docs/entra-id.md.");
            }

            PinnedTenant(configuration);
        }

        return mode;
    }

    /// <summary>
    /// The one tenant whose accounts may sign in: <c>AzureAd:TenantId</c> as a directory (tenant) GUID. The shared
    /// authorities <c>common</c>, <c>organizations</c> and <c>consumers</c> would let any Microsoft account in.
    /// </summary>
    public static Guid PinnedTenant(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["AzureAd:TenantId"]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new InvalidOperationException("AzureAd:TenantId is empty; set it to your directory (tenant) id, a GUID (docs/entra-id.md).");
        }

        if (SharedTenants.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"AzureAd:TenantId is '{text}', which admits accounts of any tenant; EthicsCases pins one tenant. " +
                "Set it to your directory (tenant) id, a GUID (docs/entra-id.md).");
        }

        return Guid.TryParse(text, out var tenant) && tenant != Guid.Empty
            ? tenant
            : throw new InvalidOperationException(
                $"AzureAd:TenantId '{text}' is not a directory (tenant) id; use the GUID shown in the Entra admin center, not a domain name (docs/entra-id.md).");
    }

    /// <summary>Registers authentication (cookies or OpenID Connect for pages, JWT bearer for the API) and policies.</summary>
    public static IServiceCollection AddEthicsAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var mode = ModeOf(configuration, environment);
        var absolute = TimeSpan.FromHours(configuration.GetValue("Auth:AbsoluteLifetimeHours", 12.0));
        if (absolute <= TimeSpan.Zero || absolute > TimeSpan.FromDays(7))
        {
            throw new InvalidOperationException("Auth:AbsoluteLifetimeHours must be more than 0 and at most 168.");
        }

        Guid? tenant = mode == AuthMode.EntraId ? PinnedTenant(configuration) : null;
        services.AddSingleton(new AuthModeInfo(mode, environment.IsDevelopment(), tenant));
        services.AddScoped<IClaimsTransformation, DirectoryClaimsTransformation>();

        if (tenant is { } pinned)
        {
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));
            services.AddAuthentication()
                .AddMicrosoftIdentityWebApi(configuration.GetSection("AzureAd"), JwtBearerDefaults.AuthenticationScheme);
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => Harden(o, absolute));
            // Identity.Web's handlers run first (they are set in Configure); ours refuse another tenant's token after them.
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                var inner = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async context =>
                {
                    await inner(context);
                    if (context.Result?.Failure is null && AccountClaims.TenantId(context.Principal!) != pinned)
                    {
                        context.Fail("The token was issued for another tenant.");
                    }
                };
            });
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
                var inner = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async context =>
                {
                    await inner(context);
                    if (context.Result?.Failure is null && AccountClaims.TenantId(context.Principal!) != pinned)
                    {
                        context.Fail("The account belongs to another tenant.");
                    }
                };
            });
        }
        else
        {
            var dataDirectory = DatabaseSettings.DataDirectory(configuration);
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o =>
                {
                    Harden(o, absolute);
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
            .AddPolicy(Policies.Administrator, p => p.RequireClaim(DirectoryRole, nameof(Role.Administrator)))
            .AddPolicy(Policies.DemoData, p => p.RequireAssertion(ctx => environment.IsDevelopment()
                && (mode == AuthMode.Local || ctx.User.HasClaim(DirectoryRole, nameof(Role.Administrator)))))
            .AddPolicy(Policies.Api, p => p
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(ctx => AccountClaims.GrantsApiAccess(ctx.User))
                .RequireClaim(DirectoryPersonId));
        return services;
    }

    private static void Harden(CookieAuthenticationOptions o, TimeSpan absolute)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.Path = "/";
        o.Cookie.Domain = null;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        // Behind TLS offload the app sees http; the browser must still never send the cookie in clear. Browsers
        // accept Secure cookies from http://localhost, the only place local mode answers.
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        o.ExpireTimeSpan = SlidingLifetime;
        o.SlidingExpiration = true;

        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async context =>
        {
            context.Properties.Items[SignedInAtItem] = Now(context.Options).ToString("O", CultureInfo.InvariantCulture);
            await signingIn(context);
        };
        var validate = o.Events.OnValidatePrincipal;
        o.Events.OnValidatePrincipal = async context =>
        {
            var signedInAt = context.Properties.Items.TryGetValue(SignedInAtItem, out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                    ? at
                    : context.Properties.IssuedUtc;
            if (signedInAt is null || Now(context.Options) - signedInAt.Value >= absolute)
            {
                // However often it slid, a session ends this long after the sign-in itself.
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await validate(context);
        };
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();

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

/// <summary>The active sign-in mode, for pages that differ (the local sign-in page) and the directory look-up.</summary>
/// <param name="Mode">The mode.</param>
/// <param name="IsDevelopment">Whether the environment is Development.</param>
/// <param name="TenantId">The pinned Entra ID tenant (Entra ID mode only).</param>
public sealed record AuthModeInfo(AuthMode Mode, bool IsDevelopment, Guid? TenantId = null)
{
    /// <summary>Whether the local sign-in page is available.</summary>
    public bool IsLocal => Mode == AuthMode.Local;
}
