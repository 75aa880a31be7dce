using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Data;

/// <summary>Applies pending migrations (at start-up and by <c>ethics db migrate</c>) and tunes SQLite.</summary>
public static class DatabaseMigrator
{
    /// <summary>
    /// Migrates only when this build has migrations the database lacks (a new SQLite file lacks them all). The check
    /// reads the migrations history with plain SQL and this build's migration ids by reflection: asking EF for pending
    /// migrations builds the whole model first, and a full <see cref="MigrateAsync"/> also takes the migration lock and
    /// compares the model with the last snapshot, seconds of start-up spent for nothing when the schema is current.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateIfBehindAsync(EthicsDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await IsCurrentAsync(db, ct) ? [] : await MigrateAsync(db, ct);
    }

    /// <summary>Whether the database holds every migration of this build, read without building the EF model.</summary>
    public static async Task<bool> IsCurrentAsync(EthicsDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            // Before SQLite creates a new file on the first connection, so that the file is owner-only (0600).
            DatabaseSettings.FromConnection(db.Database.GetConnectionString()!, DatabaseProvider.Sqlite).CreatePrivately();
        }

        var known = MigrationIds(db.Database.IsSqlite() ? DatabaseSettings.SqliteMigrations : DatabaseSettings.PostgreSqlMigrations);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            return known.All(applied.Contains);
        }
        catch (System.Data.Common.DbException)
        {
            // No history table: a new database.
            return false;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static string[] MigrationIds(string assembly) =>
        [.. System.Reflection.Assembly.Load(new System.Reflection.AssemblyName(assembly)).GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), inherit: false)
                .OfType<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().FirstOrDefault()?.Id)
            .OfType<string>()];

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
