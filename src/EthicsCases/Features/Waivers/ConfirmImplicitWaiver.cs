using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Waivers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// The General Counsel confirms a proposal: an implicit waiver is recorded, granted on today's date, and its
/// disclosure clock starts today. (The Audit Committee may act for a case the General Counsel cannot see.)
/// </summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="Reason">Why it is an implicit waiver.</param>
/// <param name="Provision">The provision departed from; default: the SOP clause of the case's category.</param>
public sealed record ConfirmImplicitWaiver(Guid ProposalId, string Reason, string? Provision = null) : ICommand<ProposalDecision>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>The General Counsel dismisses a proposal with a reason; nothing is to be disclosed.</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="Reason">Why it is not an implicit waiver.</param>
public sealed record DismissImplicitWaiverProposal(Guid ProposalId, string Reason) : ICommand<ProposalDecision>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>What became of the proposal; a confirmation names the waiver and its due date.</summary>
public sealed record ProposalDecision(Guid ProposalId, ProposalState State, Guid? WaiverId, WaiverState? WaiverState, DateOnly? DisclosureDue);

/// <summary>Rules that need no database.</summary>
public sealed class ConfirmImplicitWaiverValidator : AbstractValidator<ConfirmImplicitWaiver>
{
    /// <summary>Declares the rules.</summary>
    public ConfirmImplicitWaiverValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for confirming (--reason).").MaximumLength(4000);
        RuleFor(c => c.Provision).MaximumLength(1000);
    }
}

/// <summary>Rules that need no database.</summary>
public sealed class DismissImplicitWaiverProposalValidator : AbstractValidator<DismissImplicitWaiverProposal>
{
    /// <summary>Declares the rules.</summary>
    public DismissImplicitWaiverProposalValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for dismissing (--reason).").MaximumLength(4000);
    }
}

/// <summary>Records the implicit waiver and closes the proposal, in one save.</summary>
public sealed class ConfirmImplicitWaiverHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock)
    : ICommandHandler<ConfirmImplicitWaiver, ProposalDecision>
{
    /// <inheritdoc />
    public async ValueTask<ProposalDecision> Handle(ConfirmImplicitWaiver command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var proposal = await ProposalAccess.LoadAsync(db, command.ProposalId, me, cancellationToken);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == proposal.PersonId, cancellationToken);
        var category = proposal.Case!.Category;
        var provision = string.IsNullOrWhiteSpace(command.Provision)
            ? $"SOP II-031, {CategoryRouting.Clause(category)}: {CategoryRouting.Explain(category)}"
            : command.Provision;
        var waiver = Waiver.Implicit(Guid.NewGuid(), proposal, person, me, provision, proposal.Departure(proposal.Case.Reference), command.Reason,
            today, now, SecBusinessCalendar.Default);
        proposal.Confirm(me, command.Reason, waiver, now);
        db.Waivers.Add(waiver);
        await WaiverAudit.RecordAsync(db, me, "ImplicitWaiverConfirmed", now, new
        {
            proposalId = proposal.Id,
            caseId = proposal.CaseId,
            waiverId = waiver.Id,
            personId = person.Id,
            state = waiver.State,
            decided = today,
            disclosureDue = waiver.Disclosure.Due,
            calendarVersion = waiver.Disclosure.CalendarVersion,
            rule = DisclosureClock.RuleVersion,
            reasonSha256 = TextHash.Of(command.Reason),
            provisionSha256 = TextHash.Of(waiver.Provision),
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Proposal {proposal.Id}", cancellationToken);
        return new ProposalDecision(proposal.Id, proposal.State, waiver.Id, waiver.State, waiver.Disclosure.Due);
    }
}

/// <summary>Closes the proposal with the reason.</summary>
public sealed class DismissImplicitWaiverProposalHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock)
    : ICommandHandler<DismissImplicitWaiverProposal, ProposalDecision>
{
    /// <inheritdoc />
    public async ValueTask<ProposalDecision> Handle(DismissImplicitWaiverProposal command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var proposal = await ProposalAccess.LoadAsync(db, command.ProposalId, me, cancellationToken);
        proposal.Dismiss(me, command.Reason, now);
        await WaiverAudit.RecordAsync(db, me, "ImplicitWaiverDismissed", now, new
        {
            proposalId = proposal.Id,
            caseId = proposal.CaseId,
            personId = proposal.PersonId,
            state = proposal.State,
            reasonSha256 = TextHash.Of(command.Reason),
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Proposal {proposal.Id}", cancellationToken);
        return new ProposalDecision(proposal.Id, proposal.State, null, null, null);
    }
}

/// <summary>Loads a proposal for change when the person may see it; "not found" otherwise.</summary>
internal static class ProposalAccess
{
    public static async Task<ImplicitWaiverProposal> LoadAsync(EthicsDbContext db, Guid id, Person me, CancellationToken ct)
    {
        var myId = me.Id;
        var cases = db.Cases.Where(CaseAccess.VisibleTo(me)).Select(c => c.Id);
        var proposal = await db.ImplicitWaiverProposals.Include(p => p.Case)
                .SingleOrDefaultAsync(p => p.Id == id && p.PersonId != myId && cases.Contains(p.CaseId), ct)
            ?? throw new NotFoundException($"Proposal '{id}' was not found.");
        return await db.OpenAsync(proposal, ct);
    }
}
