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

    /// <summary>What a list shows for a summary: the text, or the purge notice.</summary>
    public static string Summary(string? opened, DateTime? purgedAt) => purgedAt is null ? opened ?? "" : EthicsCase.PurgedText;
}
