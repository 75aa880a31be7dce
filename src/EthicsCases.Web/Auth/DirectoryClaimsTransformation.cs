using System.Security.Claims;
using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using Microsoft.AspNetCore.Authentication;

namespace EthicsCases.Web.Auth;

/// <summary>
/// Finds the signed-in account in the company directory on every request and adds the directory's roles. An Entra ID
/// account is found by (tenant, object id), linked on its first sign-in by a verified UPN; a local-mode account by
/// the directory id its token or cookie carries. Whatever <c>ethics:*</c> claims a token or cookie brings are removed
/// first, so only this look-up grants them. Roles in a token (Entra app roles) only get someone through the door;
/// what they may do comes from the directory, the same source the CLI and the Mediator authorization behaviour use,
/// so a role change or a deactivation takes effect on the next request whatever token or cookie is held.
/// </summary>
public sealed class DirectoryClaimsTransformation(DirectorySignIn directory, ActorContext actor, AuthModeInfo mode) : IClaimsTransformation
{
    // Authentication may run more than once per request (a cookie and then the API's bearer scheme).
    private readonly Dictionary<string, Person?> _found = new(StringComparer.Ordinal);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var copy = AccountClaims.WithoutDirectoryClaims(principal);
        if (!copy.Identities.Any(i => i.IsAuthenticated))
        {
            return copy;
        }

        var person = await FindAsync(copy);
        if (person is null)
        {
            return copy;
        }

        // The Mediator authorization behaviour of this request reuses the person just read.
        actor.Resolved(person);

        var identity = new ClaimsIdentity("directory");
        identity.AddClaim(new Claim(AuthSetup.DirectoryPersonId, person.Id.ToString()));
        identity.AddClaim(new Claim(AuthSetup.DirectoryName, person.Name));
        foreach (var role in person.Roles)
        {
            identity.AddClaim(new Claim(AuthSetup.DirectoryRole, role.ToString()));
        }

        copy.AddIdentity(identity);
        return copy;
    }

    private async Task<Person?> FindAsync(ClaimsPrincipal user)
    {
        if (mode.IsLocal)
        {
            // Local tokens and the local sign-in cookie carry the directory id as 'oid'.
            return AccountClaims.ObjectId(user) is { } id ? await Cached("local:" + id, () => directory.FindAsync(id, CancellationToken.None)) : null;
        }

        return mode.TenantId is { } tenant && AccountClaims.EntraAccountOf(user, tenant) is { } account
            ? await Cached($"entra:{account.TenantId}:{account.ObjectId}", () => directory.FindAsync(account, CancellationToken.None))
            : null;
    }

    private async Task<Person?> Cached(string key, Func<Task<Person?>> read)
    {
        if (!_found.TryGetValue(key, out var person))
        {
            person = await read();
            _found[key] = person;
        }

        return person;
    }
}
