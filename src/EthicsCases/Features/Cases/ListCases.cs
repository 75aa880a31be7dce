using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Cases;

/// <summary>The cases the signed-in person may see, optionally narrowed by state; oldest first.</summary>
public sealed record ListCases(CaseState? State = null) : IQuery<IReadOnlyList<CaseListItem>>, IActorRequest;

/// <summary>One line of a case list.</summary>
public sealed record CaseListItem(Guid CaseId, string Reference, ConcernCategory Category, CaseState State,
    CaseOutcome? Outcome, string Summary, DateTime FiledAt, DateTime UpdatedAt);

/// <summary>Applies the visibility rule in SQL, so no invisible case ever leaves the database.</summary>
public sealed class ListCasesHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<ListCases, IReadOnlyList<CaseListItem>>
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CaseListItem>> Handle(ListCases query, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(actor.Current));
        if (query.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }

        return await cases.OrderBy(c => c.FiledAt).ThenBy(c => c.Reference)
            .Select(c => new CaseListItem(c.Id, c.Reference, c.Category, c.State, c.Outcome, c.Summary, c.FiledAt, c.UpdatedAt))
            .ToListAsync(cancellationToken);
    }
}
