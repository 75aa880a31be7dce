using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Waivers;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// The Board decides a waiver request: a Board member, or a person (or Audit Committee member) under a Board
/// designation for waivers in force on the decision date. The person the waiver is for never decides it. A grant
/// starts the four-business-day disclosure clock on the decision date.
/// </summary>
/// <param name="WaiverId">The waiver.</param>
/// <param name="Granted">Granted or denied.</param>
/// <param name="Decided">The decision date.</param>
/// <param name="Rationale">The reasons.</param>
public sealed record DecideWaiver(Guid WaiverId, bool Granted, DateOnly? Decided, string Rationale) : ICommand<DecidedWaiver>, IActorRequest;

/// <summary>The contract's <c>{"waiverId","state","disclosureDue"}</c>, then on what footing it was decided.</summary>
public sealed record DecidedWaiver(Guid WaiverId, WaiverState State, DateOnly? DisclosureDue, DateOnly Decided, WaiverDecisionBasis DecidedAs,
    Guid? DesignationId, string DecidedBy);

/// <summary>Rules that need no database.</summary>
public sealed class DecideWaiverValidator : AbstractValidator<DecideWaiver>
{
    /// <summary>Declares the rules.</summary>
    public DecideWaiverValidator(TimeProvider clock)
    {
        RuleFor(c => c.Decided).NotNull().WithMessage("The decision date is required (--decided YYYY-MM-DD).")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("A decision cannot be dated in the future.");
        RuleFor(c => c.Rationale).NotEmpty().WithMessage("Give the rationale for the decision.").MaximumLength(4000);
    }
}

/// <summary>Checks the decider's authority on the decision date, records the decision and audits it.</summary>
public sealed class DecideWaiverHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<DecideWaiver, DecidedWaiver>
{
    /// <inheritdoc />
    public async ValueTask<DecidedWaiver> Handle(DecideWaiver command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var decided = command.Decided!.Value;
        var waiver = await WaiverAccess.LoadForReviewAsync(db, command.WaiverId, me, cancellationToken);
        var authority = Designations.Authority(me, DesignatedMatter.Waivers, decided, await WaiverAccess.DesignationsOnAsync(db, decided, cancellationToken))
            ?? throw new ForbiddenException(
                $"Only a Board member, or someone the Board designated to decide waivers by a designation in force on {decided:yyyy-MM-dd}, decides a waiver.");

        waiver.Decide(command.Granted, decided, command.Rationale, me, authority, now, SecBusinessCalendar.Default);
        await WaiverAudit.RecordAsync(db, me, "WaiverDecided", now, new
        {
            waiverId = waiver.Id,
            personId = waiver.PersonId,
            state = waiver.State,
            decided,
            decidedAs = waiver.DecidedAs,
            designationId = waiver.DesignationId,
            disclosureDue = waiver.Disclosure.Due,
            calendarVersion = waiver.Disclosure.CalendarVersion,
            rule = DisclosureClock.RuleVersion,
            rationaleSha256 = TextHash.Of(waiver.Rationale),
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Waiver {waiver.Id}", cancellationToken);
        return new DecidedWaiver(waiver.Id, waiver.State, waiver.Disclosure.Due, decided, waiver.DecidedAs!.Value, waiver.DesignationId, me.Email);
    }
}
