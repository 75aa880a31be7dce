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
        var counts = new Dictionary<string, int>();
        foreach (var state in Enum.GetValues<CaseState>())
        {
            counts[state.ToString()] = await CountInStateAsync(cases, state, ct);
        }

        return counts;
    }

    /// <summary>
    /// How many cases of a state a list counts at most: <see cref="CountLimit"/> means that many or more. Counting every
    /// visible case checks each one against the viewer's subjects (a case naming the viewer is never counted), which at
    /// a million cases took seconds per state (docs/performance.md); counting stops at the limit instead, read in index order.
    /// </summary>
    public const int CountLimit = 1_000;

    /// <summary>How many of the cases are in the state, up to <see cref="CountLimit"/>.</summary>
    public static Task<int> CountInStateAsync(IQueryable<EthicsCase> cases, CaseState state, CancellationToken ct) =>
        cases.Where(c => c.State == state).Take(CountLimit).CountAsync(ct);

    /// <summary>What a list shows for a summary: the text, or the purge notice.</summary>
    public static string Summary(string? opened, DateTime? purgedAt) => purgedAt is null ? opened ?? "" : EthicsCase.PurgedText;
}
