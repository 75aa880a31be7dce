using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Concerns;

/// <summary>The concerns the signed-in person filed, newest first, with their progress.</summary>
public sealed record MyReports : IQuery<IReadOnlyList<CaseListItem>>, IActorRequest;

/// <summary>Filters on the reporter; subjects are never reporters of the same case, so visibility holds.</summary>
public sealed class MyReportsHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<MyReports, IReadOnlyList<CaseListItem>>
{
    public async ValueTask<IReadOnlyList<CaseListItem>> Handle(MyReports query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        return await CaseRows.ListAsync(db, db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(me)).Where(c => c.ReporterId == me.Id)
            .OrderByDescending(c => c.FiledAt), cancellationToken);
    }
}
