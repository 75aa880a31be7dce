using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Retention;

/// <summary>
/// The General Counsel or the Audit Committee releases a legal hold (<c>ethics case release</c>). Without
/// <see cref="HoldId"/> the case's only active hold is released; with several, the hold must be named.
/// </summary>
public sealed record ReleaseLegalHold(string CaseKey, string Reason, Guid? HoldId = null) : ICommand<LegalHoldReleased>, ICaseRequest, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles => LegalHolds.Keepers;
}

/// <summary>The hold released, and how many remain active on the case.</summary>
public sealed record LegalHoldReleased(Guid HoldId, Guid CaseId, string Reference, DateTime ReleasedAt, int ActiveHolds);

public sealed class ReleaseLegalHoldValidator : AbstractValidator<ReleaseLegalHold>
{
    public ReleaseLegalHoldValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the hold is released (the matter closed, counsel's instruction).")
            .MaximumLength(LegalHolds.MaxReasonLength);
    }
}

public sealed class ReleaseLegalHoldHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<ReleaseLegalHold, LegalHoldReleased>
{
    public async ValueTask<LegalHoldReleased> Handle(ReleaseLegalHold command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        LegalHolds.EnsureKeeper(ethicsCase, me);
        var active = await db.LegalHolds.Where(h => h.CaseId == ethicsCase.Id && h.ReleasedAt == null).OrderBy(h => h.PlacedAt).ToListAsync(cancellationToken);
        var hold = command.HoldId is { } id
            ? active.SingleOrDefault(h => h.Id == id) ?? throw new NotFoundException($"Case {ethicsCase.Reference} has no active legal hold {id}.")
            : active.Count switch
            {
                0 => throw new NotFoundException($"Case {ethicsCase.Reference} has no active legal hold."),
                1 => active[0],
                _ => throw ValidationFailedException.For("holdId",
                    $"Case {ethicsCase.Reference} has {active.Count} active legal holds: name the one to release ({string.Join(", ", active.Select(h => h.Id))})."),
            };
        await db.OpenAsync(hold, cancellationToken);
        hold.Release(ethicsCase, me, command.Reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new LegalHoldReleased(hold.Id, ethicsCase.Id, ethicsCase.Reference, hold.ReleasedAt!.Value, active.Count - 1);
    }
}
