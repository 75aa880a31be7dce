using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Data;

/// <summary>Applies pending migrations (at start-up and by <c>ethics db migrate</c>) and tunes SQLite.</summary>
public static class DatabaseMigrator
{
    /// <summary>Migrates and returns the names of the migrations applied now.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(EthicsDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            DatabaseSettings.FromConnection(db.Database.GetConnectionString()!, DatabaseProvider.Sqlite).CreatePrivately();
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (pending.Any(m => m.EndsWith("_" + CaseClockBackfill.Migration, StringComparison.Ordinal)))
        {
            // Cases recorded before the clock columns existed get them from their events, once; then the program
            // metrics, which did not exist either, are counted from every case (ADR-012).
            await CaseClockBackfill.RunAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await Features.Oversight.MetricsLedger.RebuildAsync(db, ct);
            await transaction.CommitAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers (the web app) proceed while a writer (the CLI) commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        return pending;
    }
}
