using EthicsCases.Data;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>Issues human references EC-YYYY-NNNN from a per-year counter guarded by optimistic concurrency.</summary>
public static class ReferenceNumbers
{
    /// <summary>Formats a reference.</summary>
    public static string Format(int year, int number) => $"EC-{year:D4}-{number:D4}";

    /// <summary>Reserves the next number of <paramref name="year"/> in the pending unit of work.</summary>
    public static async Task<string> NextAsync(EthicsDbContext db, int year, CancellationToken ct)
    {
        var counter = await db.ReferenceCounters.SingleOrDefaultAsync(r => r.Year == year, ct);
        if (counter is null)
        {
            counter = new ReferenceCounter { Year = year, Last = 0 };
            db.ReferenceCounters.Add(counter);
        }

        counter.Last++;
        return Format(year, counter.Last);
    }
}
