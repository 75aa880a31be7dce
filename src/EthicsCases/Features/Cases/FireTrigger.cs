using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Workflow;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Cases;

/// <summary>The signed-in person moves a case along the SOP workflow.</summary>
public sealed record FireTrigger(string CaseKey, string Trigger, string? Reason) : ICommand<FiredTrigger>, ICaseRequest;

/// <summary>Where the case is now.</summary>
public sealed record FiredTrigger(Guid CaseId, CaseState State, string? Substate, CaseOutcome? Outcome);

/// <summary>Rules for a trigger request.</summary>
public sealed class FireTriggerValidator : AbstractValidator<FireTrigger>
{
    /// <summary>Declares the rules.</summary>
    public FireTriggerValidator()
    {
        RuleFor(c => c.Trigger).Must(t => Enum.TryParse<CaseTrigger>(t, ignoreCase: false, out _))
            .WithMessage(c => $"'{c.Trigger}' is not a trigger; use one of {string.Join(", ", Enum.GetNames<CaseTrigger>())}.");
        RuleFor(c => c.Reason).MaximumLength(4000);
    }
}

/// <summary>Fires the trigger through the workflow and appends the audit event in the same save.</summary>
public sealed class FireTriggerHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<FireTrigger, FiredTrigger>
{
    /// <inheritdoc />
    public async ValueTask<FiredTrigger> Handle(FireTrigger command, CancellationToken cancellationToken)
    {
        var trigger = Enum.Parse<CaseTrigger>(command.Trigger);
        if (trigger == CaseTrigger.RecordDetermination)
        {
            throw ValidationFailedException.For("trigger", "RecordDetermination records the Board's decision: use 'ethics case determine' or the determination form.");
        }

        var me = actor.Current;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        await CaseTransitions.FireAsync(ethicsCase, me, trigger, command.Reason, null, clock.GetUtcNow().UtcDateTime);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new FiredTrigger(ethicsCase.Id, ethicsCase.State, ethicsCase.Substate, ethicsCase.Outcome);
    }
}

/// <summary>Fires a trigger on a loaded case and audits it; shared by every feature that moves a case.</summary>
public static class CaseTransitions
{
    /// <summary>Moves the case (or throws leaving it untouched) and appends the audit event.</summary>
    public static async Task<AuditEvent> FireAsync(EthicsCase ethicsCase, Person actor, CaseTrigger trigger, string? reason,
        BoardDecision? decision, DateTime now, string? data = null)
    {
        ArgumentNullException.ThrowIfNull(ethicsCase);
        var (from, to) = await new CaseWorkflow(ethicsCase, actor).FireAsync(trigger, reason?.Trim(), decision);
        if (to == CaseState.Closed)
        {
            ethicsCase.ClosedAt = now;
        }

        return ethicsCase.Record(actor, trigger.ToString(), now, from.ToString(), to.ToString(),
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), data);
    }
}
