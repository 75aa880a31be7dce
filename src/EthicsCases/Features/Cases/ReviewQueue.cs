using System.Linq.Expressions;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EthicsCases.Features.Cases;

/// <summary>
/// A reviewer's work queue: the visible cases in the given states, oldest first, flagging those waiting longer than
/// <see cref="TriageOptions.OverdueAfterBusinessDays"/> business days (a configured service level, not an SOP rule).
/// </summary>
public sealed record ReviewQueue(IReadOnlyList<CaseState> States, int? Limit = null, string? After = null)
    : IQuery<Page<QueueItem>>, IRoleRequest, IPagedQuery
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

/// <summary>Limit and cursor.</summary>
public sealed class ReviewQueueValidator : AbstractValidator<ReviewQueue>
{
    public ReviewQueueValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.States.Count).LessThanOrEqualTo(Enum.GetValues<CaseState>().Length).OverridePropertyName("state");
    }
}

/// <summary>
/// Visibility in SQL; waiting time in memory (business days). Each state is read as its own ordered index range (at
/// most one page of it) and the ranges are merged here: an <c>IN</c> over states would make the database sort every
/// queued case to return the first page.
/// </summary>
public sealed class ReviewQueueHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock, IOptions<TriageOptions> triage) : IQueryHandler<ReviewQueue, Page<QueueItem>>
{
    public async ValueTask<Page<QueueItem>> Handle(ReviewQueue query, CancellationToken cancellationToken)
    {
        var visible = db.Cases.AsNoTracking().IgnoreAutoIncludes()
            .Where(await CaseLookup.VisibleInListAsync(db, actor.Current, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken));
        var fetch = Paging.Fetch(query.Limit);
        // The clock columns come with the page's rows: one read of each case.
        var pageRow = PageRow.Including(CaseDeadlines.Row(db));
        var rows = new List<QueueRow>();
        var counts = query.Limit is not null && query.After is null ? new Dictionary<string, int>() : null;
        foreach (var state in query.States.Distinct())
        {
            var inState = visible.Where(c => c.State == state);
            rows.AddRange(await CaseRows.After(inState, query.After)
                .OrderBy(c => c.FiledAt).ThenBy(c => c.Reference).Take(fetch)
                .Select(pageRow)
                .ToListAsync(cancellationToken));
            if (counts is not null)
            {
                counts[state.ToString()] = await CaseRows.CountInStateAsync(visible, state, cancellationToken);
            }
        }

        rows = rows.OrderBy(r => r.FiledAt).ThenBy(r => r.Reference, StringComparer.Ordinal).Take(fetch).ToList();
        var summaries = await db.OpenTextsAsync(rows, r => r.Id, r => r.ContentPurgedAt is null ? r.SealedSummary : null, EthicsCase.SummaryPurpose,
            (r, s) => CaseRows.Summary(s, r.ContentPurgedAt), cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var calculator = CaseDeadlines.Calculator(triage.Value);
        var items = rows.Select((c, i) =>
        {
            var since = c.State == CaseState.Intake ? c.FiledAt : c.UpdatedAt;
            // Working days as the SEC counts them: weekends, federal holidays and EDGAR closures do not run the clock.
            var waiting = SecBusinessCalendar.Default.BusinessDaysAfter(DateOnly.FromDateTime(since), today);
            return new QueueItem(c.Id, c.Reference, c.Category, c.State, summaries[i], c.FiledAt, since, waiting,
                waiting > triage.Value.OverdueAfterBusinessDays, c.ReporterId is null)
            {
                NextDeadline = CaseDeadlines.Next(calculator.Calculate(c.Clock.Facts(), now)),
            };
        }).ToList();
        return Paging.Of(items, query.Limit, q => Paging.Cursor(q.FiledAt, q.Reference), counts);
    }

    private static readonly Expression<Func<EthicsCase, CaseClockRow, QueueRow>> PageRow = (c, clock) =>
        new QueueRow(c.Id, c.Reference, c.Category, c.State, c.SealedSummary, c.ContentPurgedAt, c.FiledAt, c.UpdatedAt, c.ReporterId, clock);

    private sealed record QueueRow(Guid Id, string Reference, ConcernCategory Category, CaseState State, byte[]? SealedSummary, DateTime? ContentPurgedAt,
        DateTime FiledAt, DateTime UpdatedAt, Guid? ReporterId, CaseClockRow Clock);
}
