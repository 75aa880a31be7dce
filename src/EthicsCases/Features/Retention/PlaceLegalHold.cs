using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Retention;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Retention;

/// <summary>
/// The General Counsel or the Audit Committee places a legal hold on a case they review: the retention policy does not
/// purge it until the hold is released (<c>ethics case hold</c>).
/// </summary>
public sealed record PlaceLegalHold(string CaseKey, string Reason) : ICommand<LegalHoldPlaced>, ICaseRequest, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles => LegalHolds.Keepers;
}

/// <summary>The hold placed.</summary>
public sealed record LegalHoldPlaced(Guid HoldId, Guid CaseId, string Reference, DateTime PlacedAt);

public sealed class PlaceLegalHoldValidator : AbstractValidator<PlaceLegalHold>
{
    public PlaceLegalHoldValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the case is held (the matter, the inquiry, the litigation).")
            .MaximumLength(LegalHolds.MaxReasonLength);
    }
}

public sealed class PlaceLegalHoldHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<PlaceLegalHold, LegalHoldPlaced>
{
    public async ValueTask<LegalHoldPlaced> Handle(PlaceLegalHold command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        LegalHolds.EnsureKeeper(ethicsCase, me);
        var hold = LegalHold.Place(ethicsCase, me, command.Reason, clock.GetUtcNow().UtcDateTime);
        db.LegalHolds.Add(hold);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new LegalHoldPlaced(hold.Id, ethicsCase.Id, ethicsCase.Reference, hold.PlacedAt);
    }
}
