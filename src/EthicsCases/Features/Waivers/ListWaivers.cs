using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Waivers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// The waiver register, as the person may see it: a reviewer (Board, Audit Committee, General Counsel, or a designee
/// for waivers in force today) sees every waiver except those for themselves; an officer sees their own.
/// </summary>
public sealed record ListWaivers : IQuery<IReadOnlyList<WaiverRow>>, IActorRequest;

/// <summary>
/// One line of the register: the contract's <c>{"waiverId","person","provision","state","decided","disclosureDue",
/// "disclosed","late"}</c>, then the rest. <see cref="Late"/> is true when disclosed after the due date or, not yet
/// disclosed, past it; null when nothing is to be disclosed.
/// </summary>
public sealed record WaiverRow(
    Guid WaiverId,
    string Person,
    string Provision,
    WaiverState State,
    DateOnly? Decided,
    DateOnly? DisclosureDue,
    DateOnly? Disclosed,
    bool? Late,
    string PersonName,
    bool Implicit,
    DateOnly Requested,
    WaiverDecisionBasis? DecidedAs,
    Guid? DesignationId,
    string? Channel,
    string? Url,
    DateOnly? KeepPostedUntil,
    DateOnly? PostingRemovedOn,
    IReadOnlyList<DisclosureFinding> Findings)
{
    /// <summary>Business days to the due date while undisclosed (0 on the day, negative when overdue); null otherwise.</summary>
    public int? BusinessDaysLeft { get; init; }

    /// <summary>Undisclosed and past its due date.</summary>
    public bool Overdue { get; init; }
}

/// <summary>Reads the register, oldest request first, with each row's findings as of today.</summary>
public sealed class ListWaiversHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : IQueryHandler<ListWaivers, IReadOnlyList<WaiverRow>>
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<WaiverRow>> Handle(ListWaivers query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var reviewer = await WaiverAccess.IsReviewerAsync(db, me, today, cancellationToken);
        var myId = me.Id;
        // Waivers exist only for officers, so "their own" is every waiver for this person, whoever asked for it.
        var waivers = await db.Waivers.AsNoTracking().Include(w => w.Person)
            .Where(w => reviewer || w.PersonId == myId)
            .OrderBy(w => w.RequestedAt)
            .ToListAsync(cancellationToken);
        return waivers.Select(w => Row(w, today)).ToList();
    }

    internal static WaiverRow Row(Waiver w, DateOnly today)
    {
        var d = w.Disclosure;
        return new WaiverRow(w.Id, w.Person!.Email, w.Provision, w.State, w.DecidedOn, d.Due, d.DisclosedOn, d.LateAsOf(today), w.Person.Name,
            w.IsImplicit, DateOnly.FromDateTime(w.RequestedAt), w.DecidedAs, w.DesignationId, d.Channel is { } c ? DisclosureChannels.Name(c) : null,
            d.Url, d.KeepPostedUntil, d.PostingRemovedOn, d.Findings(today))
        {
            BusinessDaysLeft = d.Due is { } due && !d.Disclosed ? DisclosureClock.BusinessDaysLeft(today, due, SecBusinessCalendar.Default) : null,
            Overdue = d.IsOverdue(today),
        };
    }
}
