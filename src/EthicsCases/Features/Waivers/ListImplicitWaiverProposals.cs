using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Waivers;

/// <summary>The implicit-waiver proposals the person may see: open ones, or all with <see cref="All"/>.</summary>
public sealed record ListImplicitWaiverProposals(bool All = false) : IQuery<IReadOnlyList<ProposalRow>>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>Reads them, oldest first.</summary>
public sealed class ListImplicitWaiverProposalsHandler(EthicsDbContext db, ActorContext actor)
    : IQueryHandler<ListImplicitWaiverProposals, IReadOnlyList<ProposalRow>>
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ProposalRow>> Handle(ListImplicitWaiverProposals query, CancellationToken cancellationToken)
    {
        var proposals = ImplicitWaivers.VisibleTo(db, actor.Current);
        if (!query.All)
        {
            proposals = proposals.Where(p => p.State == Domain.Waivers.ProposalState.Open);
        }

        var rows = await proposals.OrderBy(p => p.ProposedAt).ToListAsync(cancellationToken);
        await db.OpenAllAsync(rows, cancellationToken);
        return rows.Select(ImplicitWaivers.Row).ToList();
    }
}
