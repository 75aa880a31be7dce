using System.Security.Claims;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Web.Auth;

/// <summary>
/// Adds the roles the company directory gives the signed-in person. Roles in a token (Entra app roles) only get
/// someone through the door; what they may do comes from the directory, the same source the CLI and the Mediator
/// authorization behaviour use, so a stale token cannot outlive a role change.
/// </summary>
public sealed class DirectoryClaimsTransformation(EthicsDbContext db, ActorContext actor) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.HasClaim(c => c.Type == AuthSetup.DirectoryPersonId) || AuthSetup.EmailOf(principal) is not { } email)
        {
            return principal;
        }

        var normalized = Person.NormalizeEmail(email);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == normalized);
        if (person is null)
        {
            return principal;
        }

        // The Mediator authorization behaviour of this request reuses the person just read.
        actor.Resolved(person);

        var identity = new ClaimsIdentity("directory");
        identity.AddClaim(new Claim(AuthSetup.DirectoryPersonId, person.Id.ToString()));
        identity.AddClaim(new Claim("ethics:name", person.Name));
        foreach (var role in person.Roles)
        {
            identity.AddClaim(new Claim(AuthSetup.DirectoryRole, role.ToString()));
        }

        var copy = principal.Clone();
        copy.AddIdentity(identity);
        return copy;
    }
}
