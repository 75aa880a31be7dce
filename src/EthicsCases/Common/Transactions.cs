using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>Turns lost optimistic-concurrency races into a clear conflict for the person.</summary>
public static class Transactions
{
    /// <summary>Saves, mapping a concurrency failure to <see cref="ConflictException"/>; nothing is written then.</summary>
    public static async Task SaveOrConflictAsync(this DbContext db, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"{what} was changed by someone else at the same time; nothing was saved. Reload it and try again.");
        }
    }
}
