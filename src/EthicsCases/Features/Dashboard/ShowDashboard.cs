using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Dashboard;

/// <summary>The Audit Committee's overview: open cases by state and by category (recused cases excluded).</summary>
public sealed record ShowDashboard : IQuery<DashboardView>, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.AuditCommittee];
}

/// <summary>Counts; every state and category is listed, zeros included, so the table shape never changes.</summary>
public sealed record DashboardView(int Open, int Closed, IReadOnlyList<StateCount> ByState, IReadOnlyList<CategoryCount> ByCategory,
    IReadOnlyList<CellCount> Cells);

/// <summary>Open cases in a state.</summary>
public sealed record StateCount(CaseState State, int Count);

/// <summary>Open cases of a category.</summary>
public sealed record CategoryCount(ConcernCategory Category, int Count);

/// <summary>Open cases of a category in a state.</summary>
public sealed record CellCount(CaseState State, ConcernCategory Category, int Count);

/// <summary>Groups in SQL within what the member may see.</summary>
public sealed class ShowDashboardHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<ShowDashboard, DashboardView>
{
    public async ValueTask<DashboardView> Handle(ShowDashboard query, CancellationToken cancellationToken)
    {
        var groups = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(await CaseLookup.VisibleToAsync(db, actor.Current, cancellationToken))
            .GroupBy(c => new { c.State, c.Category })
            .Select(g => new { g.Key.State, g.Key.Category, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var open = groups.Where(g => g.State != CaseState.Closed).ToList();
        var openStates = Enum.GetValues<CaseState>().Where(s => s != CaseState.Closed).ToList();
        return new DashboardView(
            open.Sum(g => g.Count),
            groups.Where(g => g.State == CaseState.Closed).Sum(g => g.Count),
            openStates.Select(s => new StateCount(s, open.Where(g => g.State == s).Sum(g => g.Count))).ToList(),
            Enum.GetValues<ConcernCategory>().Select(k => new CategoryCount(k, open.Where(g => g.Category == k).Sum(g => g.Count))).ToList(),
            open.Select(g => new CellCount(g.State, g.Category, g.Count)).ToList());
    }
}
