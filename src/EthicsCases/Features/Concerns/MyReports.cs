using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Concerns;

/// <summary>The concerns the signed-in person filed, newest first, with their progress.</summary>
public sealed record MyReports(int? Limit = null, string? After = null) : IQuery<Page<MyReport>>, IActorRequest, IPagedQuery;

/// <summary>One of the person's reports: the list line and the clocks they are owed (Acknowledge and Feedback).</summary>
public sealed record MyReport(Guid CaseId, string Reference, ConcernCategory Category, CaseState State,
    CaseOutcome? Outcome, string Summary, DateTime FiledAt, DateTime UpdatedAt, IReadOnlyList<CaseDeadline> Deadlines);

/// <summary>Limit and cursor.</summary>
public sealed class MyReportsValidator : FluentValidation.AbstractValidator<MyReports>
{
    public MyReportsValidator() => this.AddPagingRules();
}

/// <summary>Filters on the reporter; subjects are never reporters of the same case, so visibility holds.</summary>
public sealed class MyReportsHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : IQueryHandler<MyReports, Page<MyReport>>
{
    public async ValueTask<Page<MyReport>> Handle(MyReports query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var mine = db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(me)).Where(c => c.ReporterId == me.Id);
        var counts = query.Limit is not null && query.After is null ? await CaseRows.CountsAsync(mine, cancellationToken) : null;
        var rows = await CaseRows.ListAsync(db, CaseRows.Before(mine, query.After).OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.Reference)
            .Take(Paging.Fetch(query.Limit)), cancellationToken);
        var deadlines = await CaseDeadlines.ForCasesAsync(db, rows.Select(r => r.CaseId).ToList(), DeadlineCalculator.Default, clock.GetUtcNow(), cancellationToken);
        var reports = rows.Select(r => new MyReport(r.CaseId, r.Reference, r.Category, r.State, r.Outcome, r.Summary, r.FiledAt, r.UpdatedAt,
            CaseDeadlines.ForReporter(deadlines[r.CaseId]))).ToList();
        return Paging.Of(reports, query.Limit, r => Paging.Cursor(r.FiledAt, r.Reference), counts);
    }
}
