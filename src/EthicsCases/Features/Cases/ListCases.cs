using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Cases;

/// <summary>The cases the signed-in person may see, optionally narrowed by state; oldest first.</summary>
public sealed record ListCases(CaseState? State = null) : IQuery<IReadOnlyList<CaseListItem>>, IActorRequest;

/// <summary>Applies the visibility rule in SQL, so no invisible case ever leaves the database.</summary>
public sealed class ListCasesHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<ListCases, IReadOnlyList<CaseListItem>>
{
    public async ValueTask<IReadOnlyList<CaseListItem>> Handle(ListCases query, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(actor.Current));
        if (query.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }

        return await CaseRows.ListAsync(db, cases.OrderBy(c => c.FiledAt).ThenBy(c => c.Reference), cancellationToken);
    }
}

/// <summary>Of the given cases, those the signed-in person may see (a recused person gets fewer back).</summary>
public sealed record FindCases(IReadOnlyList<Guid> CaseIds) : IQuery<IReadOnlyList<CaseListItem>>, IActorRequest;

public sealed class FindCasesValidator : AbstractValidator<FindCases>
{
    public FindCasesValidator() => RuleFor(q => q.CaseIds.Count).LessThanOrEqualTo(500);
}

public sealed class FindCasesHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<FindCases, IReadOnlyList<CaseListItem>>
{
    public async ValueTask<IReadOnlyList<CaseListItem>> Handle(FindCases query, CancellationToken cancellationToken)
    {
        var ids = query.CaseIds.Distinct().ToList();
        return await CaseRows.ListAsync(db, db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(actor.Current)).Where(c => ids.Contains(c.Id)),
            cancellationToken);
    }
}
