using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Retention;

/// <summary>The legal holds of a case, for its reviewers (the case page shows the active ones).</summary>
public sealed record ListLegalHolds(string CaseKey) : IQuery<CaseLegalHolds>, ICaseRequest;

/// <summary>A case's holds, oldest first, and whether the person asking may place and release them.</summary>
public sealed record CaseLegalHolds(bool MayKeep, IReadOnlyList<LegalHoldItem> Holds)
{
    /// <summary>The holds that block the purge.</summary>
    public IReadOnlyList<LegalHoldItem> Active => Holds.Where(h => h.IsActive).ToList();
}

/// <summary>One hold; the reasons are null once the case's content was purged.</summary>
public sealed record LegalHoldItem(Guid HoldId, string PlacedBy, DateTime PlacedAt, string? Reason, string? ReleasedBy, DateTime? ReleasedAt, string? ReleaseReason)
{
    /// <summary>Whether it still blocks the purge.</summary>
    public bool IsActive => ReleasedAt is null;
}

public sealed class ListLegalHoldsHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<ListLegalHolds, CaseLegalHolds>
{
    public async ValueTask<CaseLegalHolds> Handle(ListLegalHolds query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await db.Cases.AsNoTracking().ByKey(query.CaseKey).Where(CaseAccess.VisibleTo(me)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Case '{query.CaseKey}' was not found.");
        if (!CaseAccess.IsReviewer(ethicsCase, me))
        {
            throw new ForbiddenException("Only the case's reviewers see its legal holds.");
        }

        var holds = await db.LegalHolds.AsNoTracking().Where(h => h.CaseId == ethicsCase.Id).OrderBy(h => h.PlacedAt).ToListAsync(cancellationToken);
        await db.OpenAllAsync(holds, cancellationToken);
        return new CaseLegalHolds(LegalHolds.MayKeep(ethicsCase, me),
            holds.Select(h => new LegalHoldItem(h.Id, h.PlacedBy, h.PlacedAt, h.Reason, h.ReleasedBy, h.ReleasedAt, h.ReleaseReason)).ToList());
    }
}

/// <summary>Who keeps legal holds, and the rules the hold commands share.</summary>
public static class LegalHolds
{
    /// <summary>The General Counsel and the Audit Committee place and release holds (issue 8).</summary>
    public static IReadOnlyList<Role> Keepers { get; } = [Role.GeneralCounsel, Role.AuditCommittee];

    /// <summary>The longest reason accepted.</summary>
    public const int MaxReasonLength = 4000;

    /// <summary>Whether the person may place or release holds on the case: a keeper who reviews it.</summary>
    public static bool MayKeep(EthicsCase ethicsCase, Person person) =>
        CaseAccess.IsReviewer(ethicsCase, person)
        && ((person.Has(Role.GeneralCounsel) && ethicsCase.IsRoutedToGeneralCounsel) || person.Has(Role.AuditCommittee));

    internal static void EnsureKeeper(EthicsCase ethicsCase, Person person)
    {
        if (!MayKeep(ethicsCase, person))
        {
            throw new ForbiddenException("Only the General Counsel or the Audit Committee reviewing the case place and release legal holds.");
        }
    }
}
