using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Concerns;

/// <summary>The concerns the signed-in person filed, newest first, with their progress.</summary>
public sealed record MyReports(int? Limit = null, string? After = null) : IQuery<Page<CaseListItem>>, IActorRequest, IPagedQuery;

/// <summary>Limit and cursor.</summary>
public sealed class MyReportsValidator : FluentValidation.AbstractValidator<MyReports>
{
    public MyReportsValidator() => this.AddPagingRules();
}

/// <summary>Filters on the reporter; subjects are never reporters of the same case, so visibility holds.</summary>
public sealed class MyReportsHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<MyReports, Page<CaseListItem>>
{
    public async ValueTask<Page<CaseListItem>> Handle(MyReports query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var mine = db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(me)).Where(c => c.ReporterId == me.Id);
        var counts = query.Limit is not null && query.After is null ? await CaseRows.CountsAsync(mine, cancellationToken) : null;
        var rows = await CaseRows.ListAsync(db, CaseRows.Before(mine, query.After).OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.Reference)
            .Take(Paging.Fetch(query.Limit)), cancellationToken);
        return Paging.Of(rows, query.Limit, r => Paging.Cursor(r.FiledAt, r.Reference), counts);
    }
}
