using EthicsCases.Data;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>Issues human references EC-YYYY-NNNN from a per-year counter.</summary>
public static class ReferenceNumbers
{
    /// <summary>Formats a reference.</summary>
    public static string Format(int year, int number) => $"EC-{year:D4}-{number:D4}";

    /// <summary>
    /// Takes the next number of <paramref name="year"/> with one atomic upsert, inside the caller's transaction: people
    /// filing at the same moment queue on the counter row instead of failing, and a filing that rolls back gives its
    /// number back, so references have no gaps.
    /// </summary>
    public static async Task<string> NextAsync(EthicsDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A reference number is taken inside the transaction that stores the case.");
        }

        // Same statement on SQLite (3.35+) and PostgreSQL.
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ReferenceCounters" ("Year", "Last") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = "ReferenceCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return Format(year, next.Single());
    }
}
