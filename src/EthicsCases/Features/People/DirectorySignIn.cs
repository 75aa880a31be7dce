using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.People;

/// <summary>
/// A Microsoft Entra ID account as a validated token or ID token presents it.
/// </summary>
/// <param name="TenantId">The token's <c>tid</c>; the host has already checked it is the pinned tenant.</param>
/// <param name="ObjectId">The token's <c>oid</c>: immutable, never reused, unique in the tenant.</param>
/// <param name="VerifiedUpn">The user principal name when the token carries one that counts as verified (docs/entra-id.md), else null.</param>
/// <param name="UpnClaim">Which claim <paramref name="VerifiedUpn"/> came from (<c>upn</c> or <c>preferred_username</c>), for the audit trail.</param>
public sealed record EntraAccount(Guid TenantId, Guid ObjectId, string? VerifiedUpn, string? UpnClaim);

/// <summary>
/// Who a signed-in account is in the directory, read on every request so that a deactivation or a role change
/// takes effect on the next one. An Entra ID account is found by (tenant, object id); the first sign-in of an
/// account links it to the unlinked, active person whose e-mail is the account's verified UPN, and audits the link.
/// After that the e-mail plays no part: a renamed UPN still signs in, and a new account that reuses an old UPN does
/// not inherit the old person (an administrator links it explicitly).
/// </summary>
public sealed class DirectorySignIn(EthicsDbContext db, TimeProvider clock)
{
    /// <summary>The active person of an Entra ID account, linking it on first sign-in; null when there is none.</summary>
    public async Task<Person?> FindAsync(EntraAccount account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var linked = await db.People.AsNoTracking()
            .SingleOrDefaultAsync(p => p.TenantId == account.TenantId && p.ObjectId == account.ObjectId, ct);
        if (linked is not null)
        {
            return linked.Active ? linked : null;
        }

        if (string.IsNullOrWhiteSpace(account.VerifiedUpn))
        {
            return null;
        }

        var email = Person.NormalizeEmail(account.VerifiedUpn);
        var candidate = await db.People.SingleOrDefaultAsync(p => p.Email == email, ct);
        if (candidate is null || !candidate.Active || candidate.TenantId is not null || candidate.ObjectId is not null)
        {
            return null;
        }

        candidate.LinkTo(account.TenantId, account.ObjectId);
        await DirectoryAudit.RecordAsync(db, candidate.Email, "PersonLinked", clock.GetUtcNow().UtcDateTime,
            JsonSerializer.Serialize(new
            {
                personId = candidate.Id,
                email = candidate.Email,
                tenantId = account.TenantId,
                objectId = account.ObjectId,
                claim = account.UpnClaim,
            }), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A simultaneous first sign-in linked it (or the account went to someone else): read what was stored.
            db.ChangeTracker.Clear();
            return await db.People.AsNoTracking()
                .SingleOrDefaultAsync(p => p.TenantId == account.TenantId && p.ObjectId == account.ObjectId && p.DeactivatedAt == null, ct);
        }

        // The request's handlers share this context; they must not find the person tracked.
        db.ChangeTracker.Clear();
        return candidate;
    }

    /// <summary>The active person with this directory id (local sign-in mode, whose tokens and cookies carry it).</summary>
    public Task<Person?> FindAsync(Guid personId, CancellationToken ct) =>
        db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId && p.DeactivatedAt == null, ct);
}
