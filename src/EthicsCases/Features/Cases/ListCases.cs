using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Cases;

/// <summary>
/// The cases the signed-in person may see, optionally narrowed by state; oldest first (filing time, then reference), a
/// page of <see cref="Limit"/> after the cursor <see cref="After"/>, or all of them without a limit.
/// </summary>
public sealed record ListCases(CaseState? State = null, int? Limit = null, string? After = null) : IQuery<Page<CaseListItem>>, IActorRequest, IPagedQuery;

/// <summary>Limit and cursor.</summary>
public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator() => this.AddPagingRules();
}

/// <summary>Applies the visibility rule in SQL, so no invisible case ever leaves the database.</summary>
public sealed class ListCasesHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<ListCases, Page<CaseListItem>>
{
    public async ValueTask<Page<CaseListItem>> Handle(ListCases query, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(await CaseLookup.VisibleInListAsync(db, actor.Current, cancellationToken));
        if (query.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }

        var counts = query.Limit is not null && query.After is null ? await CaseRows.CountsAsync(cases, cancellationToken) : null;
        var rows = await CaseRows.ListAsync(db, CaseRows.After(cases, query.After).OrderBy(c => c.FiledAt).ThenBy(c => c.Reference).Take(Paging.Fetch(query.Limit)),
            cancellationToken);
        return Paging.Of(rows, query.Limit, r => Paging.Cursor(r.FiledAt, r.Reference), counts);
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
        return await CaseRows.ListAsync(db, db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(await CaseLookup.VisibleToAsync(db, actor.Current, cancellationToken)).Where(c => ids.Contains(c.Id)),
            cancellationToken);
    }
}
