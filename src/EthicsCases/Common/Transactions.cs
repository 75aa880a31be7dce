using EthicsCases.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EthicsCases.Common;

/// <summary>Turns lost races into a clear conflict for the person.</summary>
public static class Transactions
{
    /// <summary>
    /// Saves, mapping a lost race (a concurrency-token mismatch, a duplicate key from a simultaneous insert, a busy
    /// SQLite file) to <see cref="ConflictException"/>; nothing is written then.
    /// </summary>
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
        catch (DbUpdateException e) when (IsRace(e))
        {
            throw new ConflictException($"{what} was changed by someone else at the same time; nothing was saved. Try again.");
        }
    }

    private static bool IsRace(DbUpdateException e) => e.InnerException switch
    {
        // SQLITE_BUSY / SQLITE_LOCKED, and a unique or primary key clash from a simultaneous insert.
        SqliteException s => s.SqliteErrorCode is 5 or 6 || s.SqliteExtendedErrorCode is 2067 or 1555,
        // unique_violation, serialization_failure, deadlock_detected.
        PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };
}
