using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Notifications;

/// <summary>The directory people a notification rule can choose from, read once per use case.</summary>
public static class NotificationPeople
{
    /// <summary>Active people holding a reviewer's role (the only people a case notification is for).</summary>
    public static async Task<IReadOnlyList<Person>> ReviewersAsync(EthicsDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.People.AsNoTracking()
            .Where(p => p.DeactivatedAt == null
                && (p.Roles.Contains(Role.GeneralCounsel) || p.Roles.Contains(Role.AuditCommittee) || p.Roles.Contains(Role.Board)))
            .ToListAsync(ct);
    }
}
