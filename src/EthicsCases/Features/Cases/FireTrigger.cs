using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Workflow;
using EthicsCases.Notifications;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Cases;

/// <summary>The signed-in person moves a case along the SOP workflow.</summary>
public sealed record FireTrigger(string CaseKey, string Trigger, string? Reason) : ICommand<FiredTrigger>, ICaseRequest;

/// <summary>
/// Where the case is now. <see cref="Substate"/> is part of the public contract for sub-states under a top-level
/// state; the workflow defines none yet, so it is null.
/// </summary>
public sealed record FiredTrigger(Guid CaseId, CaseState State, string? Substate, CaseOutcome? Outcome);

public sealed class FireTriggerValidator : AbstractValidator<FireTrigger>
{
    public FireTriggerValidator()
    {
        RuleFor(c => c.Trigger).IsEnumName<FireTrigger, CaseTrigger>("trigger")
            .Must(t => !EnumNames.TryParse<CaseTrigger>(t, out var trigger) || trigger != CaseTrigger.RecordDetermination)
            .WithMessage(CaseWorkflow.NeedsDetermination);
        RuleFor(c => c.Reason).MaximumLength(4000);
    }
}

/// <summary>
/// Fires the trigger through the workflow, which appends the audit event; a referral or a request for the Board's
/// determination queues its notifications in the same save.
/// </summary>
public sealed class FireTriggerHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<FireTrigger, FiredTrigger>
{
    public async ValueTask<FiredTrigger> Handle(FireTrigger command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        var trigger = EnumNames.Parse<CaseTrigger>(command.Trigger);
        var now = clock.GetUtcNow().UtcDateTime;
        await new CaseWorkflow(ethicsCase, me).FireAsync(trigger, command.Reason, now);
        if (trigger is CaseTrigger.ReferToAuditCommittee or CaseTrigger.RequestBoardDetermination)
        {
            var people = await NotificationPeople.ReviewersAsync(db, cancellationToken);
            db.Notifications.AddRange(trigger == CaseTrigger.ReferToAuditCommittee
                ? Notifier.CaseReferred(ethicsCase, people, now, me)
                : Notifier.BoardDeterminationRequested(ethicsCase, people, now, me));
        }

        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new FiredTrigger(ethicsCase.Id, ethicsCase.State, null, ethicsCase.Outcome);
    }
}
