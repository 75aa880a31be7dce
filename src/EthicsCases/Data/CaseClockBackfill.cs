using EthicsCases.Domain.Oversight;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Data;

/// <summary>
/// Fills the clock columns (<see cref="DeadlineMarks"/>) of cases recorded before the columns existed, by replaying
/// each case's events through the same rule the case and the record's verifier apply. The columns are derived from
/// the events alone, so filling them records nothing new: the verifier replays the same events and agrees.
/// </summary>
public static class CaseClockBackfill
{
    /// <summary>The migration that added the clock columns; the backfill runs when it is applied.</summary>
    public const string Migration = "PagingClocksHoldsMetrics";

    /// <summary>Fills every case's clock columns from its events; returns how many cases got a mark.</summary>
    public static async Task<int> RunAsync(EthicsDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var filled = 0;
        Guid? current = null;
        var marks = default(DeadlineMarks);
        var events = db.AuditEvents.AsNoTracking()
            .Where(e => e.CaseId != null)
            .OrderBy(e => e.CaseId).ThenBy(e => e.Seq)
            .Select(e => new { CaseId = e.CaseId!.Value, e.Action, e.From, e.To, e.At })
            .AsAsyncEnumerable();
        var pending = new List<(Guid CaseId, DeadlineMarks Marks)>();
        await foreach (var e in events.WithCancellation(ct))
        {
            if (current != e.CaseId)
            {
                if (current is { } done && marks != default) pending.Add((done, marks));
                current = e.CaseId;
                marks = default;
            }

            // Events from before feedback existed carry no feedback flag: none of them was feedback.
            marks = marks.Apply(e.Action, e.From, e.To, e.At);
        }

        if (current is { } last && marks != default) pending.Add((last, marks));
        foreach (var (caseId, m) in pending)
        {
            filled += await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AcknowledgedAt, m.AcknowledgedAt)
                .SetProperty(c => c.FeedbackGivenAt, m.FeedbackGivenAt)
                .SetProperty(c => c.AcceptedAt, m.AcceptedAt)
                .SetProperty(c => c.LeftIntakeAt, m.LeftIntakeAt)
                .SetProperty(c => c.DeterminationRequestedAt, m.DeterminationRequestedAt)
                .SetProperty(c => c.DeterminedAt, m.DeterminedAt), ct);
        }

        return filled;
    }
}
