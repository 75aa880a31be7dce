using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Board;

/// <summary>The Board's designations, newest resolution first, for the Board, the Audit Committee and the General Counsel.</summary>
public sealed record ListDesignations : IQuery<IReadOnlyList<DesignationRow>>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.BoardChair, Role.Board, Role.AuditCommittee, Role.GeneralCounsel];
}

/// <summary>Reads them with the designees and who recorded them.</summary>
public sealed class ListDesignationsHandler(EthicsDbContext db, TimeProvider clock) : IQueryHandler<ListDesignations, IReadOnlyList<DesignationRow>>
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DesignationRow>> Handle(ListDesignations query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var designations = await db.BoardDesignations.AsNoTracking().Include(d => d.Designee)
            .OrderByDescending(d => d.ResolutionDate).ThenByDescending(d => d.RecordedAt).ToListAsync(cancellationToken);
        var recorderIds = designations.Select(d => d.RecordedById).Distinct().ToList();
        var recorders = await db.People.AsNoTracking().Where(p => recorderIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Email, cancellationToken);
        return designations.Select(d => DesignationRow.Of(d, d.Designee, recorders[d.RecordedById], today)).ToList();
    }
}
