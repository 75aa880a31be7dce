using System.Collections.Concurrent;
using EthicsCases.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EthicsCases.Common;

/// <summary>
/// Issues human references EC-YYYY-NNNN. On PostgreSQL from a sequence per year, so that filers never queue on a row
/// (a filing that rolls back leaves a gap); on SQLite from the per-year counter row inside the single write, where the
/// one writer already orders filings and a rollback gives the number back.
/// </summary>
public static class ReferenceNumbers
{
    // Years whose sequence exists, per database: created once, checked once per process.
    private static readonly ConcurrentDictionary<string, bool> KnownSequences = new(StringComparer.Ordinal);

    /// <summary>Formats a reference.</summary>
    public static string Format(int year, int number) => $"EC-{year:D4}-{number:D4}";

    /// <summary>The PostgreSQL sequence behind a year's references.</summary>
    public static string SequenceName(int year) => $"ReferenceNumbers_{year:D4}";

    /// <summary>Takes the next number of <paramref name="year"/> inside the caller's transaction.</summary>
    public static async Task<string> NextAsync(EthicsDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A reference number is taken inside the transaction that stores the case.");
        }

        if (db.Database.IsNpgsql())
        {
            await EnsureSequenceAsync(db, year, ct);
            // The name is built from an int: nothing from outside reaches the statement.
            var sql = $"SELECT nextval('\"{SequenceName(year)}\"') AS \"Value\"";
            var number = await db.Database.SqlQueryRaw<long>(sql).ToListAsync(ct);
            return Format(year, checked((int)number.Single()));
        }

        // Same statement on SQLite (3.35+) and PostgreSQL.
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ReferenceCounters" ("Year", "Last") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = "ReferenceCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return Format(year, next.Single());
    }

    /// <summary>
    /// After a bulk load that numbered cases itself (the demo seeder, through the counters), moves PostgreSQL's sequence
    /// past the highest number used so that the next filing does not collide.
    /// </summary>
    public static async Task AdvanceAsync(EthicsDbContext db, int year, int last, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        await EnsureSequenceAsync(db, year, ct);
        var sql = $"SELECT setval('\"{SequenceName(year)}\"', GREATEST({last}, (SELECT last_value FROM \"{SequenceName(year)}\")))";
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>The highest number PostgreSQL's sequence issued for the year (0 if none, and always 0 on SQLite).</summary>
    public static async Task<int> LastIssuedAsync(EthicsDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return 0;
        }

        await EnsureSequenceAsync(db, year, ct);
        var sql = $"SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS \"Value\" FROM \"{SequenceName(year)}\"";
        var last = await db.Database.SqlQueryRaw<long>(sql).ToListAsync(ct);
        return checked((int)last.Single());
    }

    // The sequence is created on first use, outside the filing's transaction (DDL in it would lock the name until commit),
    // starting after any number the counters already issued (a database that numbered from the counters before).
    private static async Task EnsureSequenceAsync(EthicsDbContext db, int year, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var key = connectionString + "|" + year;
        if (KnownSequences.ContainsKey(key))
        {
            return;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT to_regclass('"{SequenceName(year)}"') IS NOT NULL,
                   COALESCE((SELECT "Last" FROM "ReferenceCounters" WHERE "Year" = {year}), 0)
            """;
        bool exists;
        long start;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            exists = reader.GetBoolean(0);
            start = reader.GetInt64(1) + 1;
        }

        if (!exists)
        {
            command.CommandText = $"CREATE SEQUENCE IF NOT EXISTS \"{SequenceName(year)}\" AS bigint START WITH {start}";
            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Another node created it at the same moment.
            }
        }

        KnownSequences[key] = true;
    }
}
