using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Waivers;
using Mediator;

namespace EthicsCases.Features.Board;

/// <summary>
/// What the signed-in person may decide today as the Board's designee, by the same rules that open the cases and the
/// waiver register to them: so that the menu leads a designee who holds no role to the lists they work from.
/// </summary>
public sealed record MyDesignatedMatters : IQuery<IReadOnlyList<DesignatedMatter>>, IActorRequest;

/// <summary>Reads the designations in force today once.</summary>
public sealed class MyDesignatedMattersHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : IQueryHandler<MyDesignatedMatters, IReadOnlyList<DesignatedMatter>>
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DesignatedMatter>> Handle(MyDesignatedMatters query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // One read of the designations in force today (a handful of rows), judged by the rules that open the cases
        // (CaseLookup: by name) and the waiver register (WaiverAccess: by name, or as a member of a designated body).
        var inForce = await WaiverAccess.DesignationsOnAsync(db, today, cancellationToken);
        var matters = new List<DesignatedMatter>();
        if (CaseLookup.DesignatedForDeterminations(me, inForce))
        {
            matters.Add(DesignatedMatter.Determinations);
        }

        if (Designations.CanDecide(me, DesignatedMatter.Waivers, today, inForce))
        {
            matters.Add(DesignatedMatter.Waivers);
        }

        return matters;
    }
}
