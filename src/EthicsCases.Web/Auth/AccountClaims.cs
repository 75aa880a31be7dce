using System.Security.Claims;
using EthicsCases.Domain;
using EthicsCases.Features.People;

namespace EthicsCases.Web.Auth;

/// <summary>
/// Reads what a validated token or ID token says about the account. Claims arrive under their JWT names or, with
/// ASP.NET's inbound mapping, under the long URIs; both are read. Nothing here trusts an e-mail for identity.
/// </summary>
public static class AccountClaims
{
    private const string TenantIdUri = "http://schemas.microsoft.com/identity/claims/tenantid";
    private const string ObjectIdUri = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string IdentityProviderUri = "http://schemas.microsoft.com/identity/claims/identityprovider";
    private const string ScopeUri = "http://schemas.microsoft.com/identity/claims/scope";

    /// <summary>The token's tenant (<c>tid</c>).</summary>
    public static Guid? TenantId(ClaimsPrincipal user) => GuidOf(First(user, "tid", TenantIdUri));

    /// <summary>The account's object id (<c>oid</c>); in local mode, the directory person's id.</summary>
    public static Guid? ObjectId(ClaimsPrincipal user) => GuidOf(First(user, "oid", ObjectIdUri));

    /// <summary>
    /// The Entra account of a principal from the pinned tenant, with its UPN when that counts as verified; null for
    /// another tenant or a token without <c>tid</c>/<c>oid</c>.
    /// </summary>
    public static EntraAccount? EntraAccountOf(ClaimsPrincipal user, Guid pinnedTenant)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (TenantId(user) != pinnedTenant || ObjectId(user) is not { } objectId || objectId == Guid.Empty)
        {
            return null;
        }

        var (upn, claim) = VerifiedUpn(user, pinnedTenant);
        return new EntraAccount(pinnedTenant, objectId, upn, claim);
    }

    /// <summary>
    /// The user principal name when it counts as verified for a first-sign-in link (docs/entra-id.md, "Binding"):
    /// <c>upn</c> (v1.0 tokens, or v2.0 with the optional claim), else <c>preferred_username</c> of a v2.0 token; never
    /// <c>email</c>, <c>unique_name</c> or <c>name</c>; and nothing for an account another identity provider
    /// authenticated (a guest: <c>idp</c> other than the tenant).
    /// </summary>
    public static (string? Upn, string? Claim) VerifiedUpn(ClaimsPrincipal user, Guid tenant)
    {
        ArgumentNullException.ThrowIfNull(user);
        var idp = First(user, "idp", IdentityProviderUri);
        if (idp is not null && !IsTenantIssuer(idp, tenant))
        {
            return (null, null);
        }

        if (First(user, "upn", ClaimTypes.Upn) is { } upn && LooksLikeUpn(upn))
        {
            return (upn, "upn");
        }

        return First(user, "ver") == "2.0" && First(user, "preferred_username") is { } preferred && LooksLikeUpn(preferred)
            ? (preferred, "preferred_username")
            : (null, null);
    }

    /// <summary>
    /// Whether a bearer token may call <c>/api</c>: the delegated scope <c>Cases.ReadWrite</c>, or an app role named
    /// like a directory role (daemon callers).
    /// </summary>
    public static bool GrantsApiAccess(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var scopes = user.FindAll(c => c.Type is "scp" or ScopeUri).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var roles = user.FindAll(c => c.Type is "roles" or ClaimTypes.Role).Select(c => c.Value);
        return scopes.Contains(AuthSetup.ApiScope, StringComparer.Ordinal)
            || roles.Any(r => Enum.GetNames<Role>().Contains(r, StringComparer.Ordinal));
    }

    /// <summary>A copy of the principal without any <c>ethics:*</c> claim: only the directory look-up may add them.</summary>
    public static ClaimsPrincipal WithoutDirectoryClaims(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var copy = new ClaimsPrincipal();
        foreach (var identity in user.Identities)
        {
            var clone = identity.Clone();
            foreach (var claim in clone.Claims.Where(c => c.Type.StartsWith(AuthSetup.DirectoryClaimPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                clone.RemoveClaim(claim);
            }

            if (clone.IsAuthenticated || clone.Claims.Any())
            {
                copy.AddIdentity(clone);
            }
        }

        return copy;
    }

    /// <summary>Something to show for an account the directory does not know (never used to decide anything).</summary>
    public static string? Label(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            ? First(user, "preferred_username", "upn", ClaimTypes.Upn, "name", ClaimTypes.Name, ClaimTypes.Email, "email")
            : null;
    }

    internal static bool IsTenantIssuer(string issuer, Guid tenant) =>
        string.Equals(issuer.TrimEnd('/'), $"https://login.microsoftonline.com/{tenant}/v2.0", StringComparison.OrdinalIgnoreCase)
        || string.Equals(issuer.TrimEnd('/'), $"https://sts.windows.net/{tenant}", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeUpn(string value) =>
        value.Count(ch => ch == '@') == 1 && !value.Contains('#', StringComparison.Ordinal) && value.Length <= 320;

    private static string? First(ClaimsPrincipal user, params string[] types) =>
        types.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static Guid? GuidOf(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
