using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EthicsCases.Features.Cases;

/// <summary>
/// A reviewer's work queue: the visible cases in the given states, oldest first, flagging those waiting longer than
/// <see cref="TriageOptions.OverdueAfterBusinessDays"/> business days (a configured service level, not an SOP rule).
/// </summary>
public sealed record ReviewQueue(IReadOnlyList<CaseState> States)
    : IQuery<IReadOnlyList<QueueItem>>, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee, Role.Board];
}

/// <summary>
/// One queued case; <see cref="WaitingSince"/> is the filing time in Intake, else the last change;
/// <see cref="NextDeadline"/> is its unmet clock due first (see <see cref="CaseDeadlines"/>).
/// </summary>
public sealed record QueueItem(Guid CaseId, string Reference, ConcernCategory Category, CaseState State, string Summary,
    DateTime FiledAt, DateTime WaitingSince, int BusinessDaysWaiting, bool Overdue, bool Anonymous)
{
    public NextDeadline? NextDeadline { get; init; }
}

/// <summary>Visibility in SQL; waiting time in memory (business days).</summary>
public sealed class ReviewQueueHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock, IOptions<TriageOptions> triage) : IQueryHandler<ReviewQueue, IReadOnlyList<QueueItem>>
{
    public async ValueTask<IReadOnlyList<QueueItem>> Handle(ReviewQueue query, CancellationToken cancellationToken)
    {
        var states = query.States.ToList();
        var rows = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(actor.Current))
            .Where(c => states.Contains(c.State))
            .OrderBy(c => c.FiledAt).ThenBy(c => c.Reference)
            .Select(c => new { c.Id, c.Reference, c.Category, c.State, c.SealedSummary, c.ContentPurgedAt, c.FiledAt, c.UpdatedAt, c.ReporterId })
            .ToListAsync(cancellationToken);
        var summaries = await db.OpenTextsAsync(rows, r => r.Id, r => r.ContentPurgedAt is null ? r.SealedSummary : null, EthicsCase.SummaryPurpose,
            (r, s) => CaseRows.Summary(s, r.ContentPurgedAt), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var deadlines = await CaseDeadlines.ForCasesAsync(db, rows.Select(r => r.Id).ToList(), CaseDeadlines.Calculator(triage.Value), clock.GetUtcNow(), cancellationToken);
        return rows.Select((c, i) =>
        {
            var since = c.State == CaseState.Intake ? c.FiledAt : c.UpdatedAt;
            // Working days as the SEC counts them: weekends, federal holidays and EDGAR closures do not run the clock.
            var waiting = SecBusinessCalendar.Default.BusinessDaysAfter(DateOnly.FromDateTime(since), today);
            return new QueueItem(c.Id, c.Reference, c.Category, c.State, summaries[i], c.FiledAt, since, waiting,
                waiting > triage.Value.OverdueAfterBusinessDays, c.ReporterId is null)
            {
                NextDeadline = CaseDeadlines.Next(deadlines[c.Id]),
            };
        }).ToList();
    }
}
