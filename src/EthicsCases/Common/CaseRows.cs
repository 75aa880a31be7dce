using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>One line of a case list.</summary>
public sealed record CaseListItem(Guid CaseId, string Reference, ConcernCategory Category, CaseState State,
    CaseOutcome? Outcome, string Summary, DateTime FiledAt, DateTime UpdatedAt);

/// <summary>Case lists with their summaries opened: one query for the rows, one for their data keys.</summary>
public static class CaseRows
{
    /// <summary>The rows of <paramref name="cases"/> (already filtered, ordered and paged) as list items.</summary>
    public static async Task<IReadOnlyList<CaseListItem>> ListAsync(EthicsDbContext db, IQueryable<EthicsCase> cases, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await cases.Select(c => new { c.Id, c.Reference, c.Category, c.State, c.Outcome, c.SealedSummary, c.ContentPurgedAt, c.FiledAt, c.UpdatedAt })
            .ToListAsync(ct);
        return await db.OpenTextsAsync(rows, r => r.Id, r => r.ContentPurgedAt is null ? r.SealedSummary : null, EthicsCase.SummaryPurpose,
            (r, summary) => new CaseListItem(r.Id, r.Reference, r.Category, r.State, r.Outcome, Summary(summary, r.ContentPurgedAt), r.FiledAt, r.UpdatedAt), ct);
    }

    /// <summary>
    /// The cases after a keyset cursor in the oldest-first order (filing time, then reference). Written as a range on
    /// the filing time plus a tie-break, so that both providers read it from the index in order.
    /// </summary>
    public static IQueryable<EthicsCase> After(IQueryable<EthicsCase> cases, string? cursor)
    {
        if (cursor is null)
        {
            return cases;
        }

        var (at, reference) = Paging.InstantCursor(cursor);
        return cases.Where(c => c.FiledAt >= at && (c.FiledAt > at || string.Compare(c.Reference, reference) > 0));
    }

    /// <summary>The cases before a cursor in the newest-first order.</summary>
    public static IQueryable<EthicsCase> Before(IQueryable<EthicsCase> cases, string? cursor)
    {
        if (cursor is null)
        {
            return cases;
        }

        var (at, reference) = Paging.InstantCursor(cursor);
        return cases.Where(c => c.FiledAt <= at && (c.FiledAt < at || string.Compare(c.Reference, reference) < 0));
    }

    /// <summary>How many of <paramref name="cases"/> each state holds, every state named (zero included).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountsAsync(IQueryable<EthicsCase> cases, CancellationToken ct)
    {
        var counted = await cases.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<CaseState>().ToDictionary(s => s.ToString(), s => counted.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>What a list shows for a summary: the text, or the purge notice.</summary>
    public static string Summary(string? opened, DateTime? purgedAt) => purgedAt is null ? opened ?? "" : EthicsCase.PurgedText;
}
