using Stateless;
using Stateless.Graph;

namespace EthicsCases.Domain.Workflow;

/// <summary>What the Board decided, as carried by <see cref="CaseTrigger.RecordDetermination"/>.</summary>
public sealed record BoardDecision(bool ViolationFound, string? Reason);

/// <summary>
/// SOP II-031's case workflow, for one case and one person acting on it. Built per operation (Stateless machines are
/// not thread-safe) from the state stored on the case. Guards encode who may act: role, recusal and routing.
/// </summary>
public sealed class CaseWorkflow
{
    private readonly EthicsCase _case;
    private readonly Person _actor;
    private readonly StateMachine<CaseState, CaseTrigger> _machine;
    private readonly StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<string> _dismiss;
    private readonly StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<string> _refer;
    private readonly StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<string> _closeNoViolation;
    private readonly StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<string> _reopen;
    private readonly StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<BoardDecision> _record;
    private readonly bool _decidesForBoard;
    private DateTime _now;

    /// <summary>Triggers that must carry a reason.</summary>
    public static readonly IReadOnlySet<CaseTrigger> ReasonRequired = new HashSet<CaseTrigger>
    {
        CaseTrigger.Dismiss, CaseTrigger.ReferToAuditCommittee, CaseTrigger.CloseNoViolation, CaseTrigger.Reopen,
    };

    /// <summary>Builds the machine for <paramref name="actor"/> acting on <paramref name="ethicsCase"/>.</summary>
    /// <param name="ethicsCase">The case.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="decidesForBoard">
    /// The caller established that the actor may record the Board's determination as a Board member or under a Board
    /// designation in force on the decision date (it needs the designations, which the machine does not load).
    /// </param>
    public CaseWorkflow(EthicsCase ethicsCase, Person actor, bool decidesForBoard = false)
    {
        _decidesForBoard = decidesForBoard;
        _case = ethicsCase;
        _actor = actor;
        _machine = new StateMachine<CaseState, CaseTrigger>(() => _case.State, s => _case.State = s);
        _dismiss = _machine.SetTriggerParameters<string>(CaseTrigger.Dismiss);
        _refer = _machine.SetTriggerParameters<string>(CaseTrigger.ReferToAuditCommittee);
        _closeNoViolation = _machine.SetTriggerParameters<string>(CaseTrigger.CloseNoViolation);
        _reopen = _machine.SetTriggerParameters<string>(CaseTrigger.Reopen);
        _record = _machine.SetTriggerParameters<BoardDecision>(CaseTrigger.RecordDetermination);

        // The whole SOP workflow, top to bottom.
        _machine.Configure(CaseState.Intake)
            .PermitIf(CaseTrigger.Accept, CaseState.GeneralCounselReview,
                () => _case.IsRoutedToGeneralCounsel && ActsAs(Role.GeneralCounsel),
                "General Counsel, case routed to the General Counsel")
            .PermitIf(CaseTrigger.Accept, CaseState.AuditCommitteeReview,
                () => !_case.IsRoutedToGeneralCounsel && ActsAs(Role.AuditCommittee),
                "Audit Committee, case routed to it alone or General Counsel recused")
            .PermitIf(CaseTrigger.Dismiss, CaseState.Closed, IsTriageReviewer,
                "triage reviewer (General Counsel if routed, else Audit Committee)");

        _machine.Configure(CaseState.GeneralCounselReview)
            .PermitIf(CaseTrigger.ReferToAuditCommittee, CaseState.AuditCommitteeReview,
                () => ActsAs(Role.GeneralCounsel), "General Counsel, not a subject");

        _machine.Configure(CaseState.AuditCommitteeReview)
            .PermitIf(CaseTrigger.CloseNoViolation, CaseState.Closed,
                () => ActsAs(Role.AuditCommittee), "Audit Committee, not a subject")
            .PermitIf(CaseTrigger.RequestBoardDetermination, CaseState.BoardDetermination,
                () => ActsAs(Role.AuditCommittee), "Audit Committee, not a subject")
            .OnEntryFrom(_reopen, _ => Reopened(), "clear outcome");

        _machine.Configure(CaseState.BoardDetermination)
            .OnEntry(() => _case.ReferredToBoard = true, "Board sees the case")
            .PermitIf(CaseTrigger.RecordDetermination, CaseState.Closed,
                () => ActsAs(Role.AuditCommittee) || (_decidesForBoard && !_case.Names(_actor)), "Audit Committee, recording the Board's decision");

        _machine.Configure(CaseState.Closed)
            .OnEntryFrom(_dismiss, _ => Close(CaseOutcome.Dismissed), "outcome Dismissed")
            .OnEntryFrom(_closeNoViolation, _ => Close(CaseOutcome.NoViolationFound), "outcome NoViolationFound")
            .OnEntryFrom(_record, d => Close(d.ViolationFound ? CaseOutcome.ViolationFound : CaseOutcome.NoViolationFound), "outcome as the Board decided")
            .PermitIf(CaseTrigger.Reopen, CaseState.AuditCommitteeReview,
                () => ActsAs(Role.AuditCommittee), "Audit Committee, not a subject");
    }

    /// <summary>The triggers this person may fire now.</summary>
    public async Task<IReadOnlyList<CaseTrigger>> PermittedTriggersAsync() =>
        (await _machine.GetPermittedTriggersAsync()).Distinct().Order().ToList();

    /// <summary>Whether <paramref name="trigger"/> leads anywhere from the current state for anyone.</summary>
    public bool IsDefinedHere(CaseTrigger trigger) =>
        _machine.GetInfo().States.Single(s => (CaseState)s.UnderlyingState == _case.State)
            .Transitions.Any(t => (CaseTrigger)t.Trigger.UnderlyingTrigger == trigger);

    /// <summary>
    /// Fires a trigger after checking that this person may, and appends its audit event. Closing sets the outcome and
    /// the closing time together. Throws <see cref="TriggerNotPermittedException"/> naming the permitted triggers
    /// otherwise, leaving the case untouched. <see cref="CaseTrigger.RecordDetermination"/> goes through
    /// <see cref="RecordDeterminationAsync"/>: it carries the Board's decision.
    /// </summary>
    public Task<AuditEvent> FireAsync(CaseTrigger trigger, string? reason, DateTime now) =>
        trigger == CaseTrigger.RecordDetermination
            ? throw ValidationFailedException.For("trigger", NeedsDetermination)
            : FireCoreAsync(trigger, reason, now, null, null);

    /// <summary>Closes the case as the Board decided; <paramref name="data"/> is the determination for the audit event.</summary>
    public Task<AuditEvent> RecordDeterminationAsync(BoardDecision decision, DateTime now, string data)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return FireCoreAsync(CaseTrigger.RecordDetermination, decision.Reason, now, decision, data);
    }

    /// <summary>Why <see cref="CaseTrigger.RecordDetermination"/> cannot be fired like the other triggers.</summary>
    public const string NeedsDetermination =
        "RecordDetermination is recorded together with the Board's determination (its factors and actions), not fired on its own.";

    private async Task<AuditEvent> FireCoreAsync(CaseTrigger trigger, string? reason, DateTime now, BoardDecision? decision, string? data)
    {
        var permitted = await PermittedTriggersAsync();
        if (!permitted.Contains(trigger))
        {
            throw new TriggerNotPermittedException(trigger, _case.State, permitted, IsDefinedHere(trigger));
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is null && ReasonRequired.Contains(trigger))
        {
            throw ValidationFailedException.For("reason", $"A reason is required for '{trigger}'.");
        }

        var from = _case.State;
        _now = now;
        switch (trigger)
        {
            case CaseTrigger.Dismiss: await _machine.FireAsync(_dismiss, reason!); break;
            case CaseTrigger.ReferToAuditCommittee: await _machine.FireAsync(_refer, reason!); break;
            case CaseTrigger.CloseNoViolation: await _machine.FireAsync(_closeNoViolation, reason!); break;
            case CaseTrigger.Reopen: await _machine.FireAsync(_reopen, reason!); break;
            case CaseTrigger.RecordDetermination: await _machine.FireAsync(_record, decision!); break;
            default: await _machine.FireAsync(trigger); break;
        }

        return _case.Record(_actor, trigger.ToString(), now, from.ToString(), _case.State.ToString(), reason, data);
    }

    /// <summary>The workflow as a Mermaid state diagram, generated from the configured machine.</summary>
    public static string ToMermaid()
    {
        var nobody = new Person(Guid.Empty, "diagram@example.invalid", "diagram", null, []);
        return MermaidGraph.Format(new CaseWorkflow(EthicsCase.Blank(), nobody)._machine.GetInfo());
    }

    // A subject is recused whatever their role: they never act on the case.
    private bool ActsAs(Role role) => _actor.Has(role) && !_case.Names(_actor);

    private bool IsTriageReviewer() =>
        _case.IsRoutedToGeneralCounsel ? ActsAs(Role.GeneralCounsel) : ActsAs(Role.AuditCommittee);

    private void Close(CaseOutcome outcome)
    {
        _case.Outcome = outcome;
        _case.ClosedAt = _now;
    }

    private void Reopened()
    {
        _case.Outcome = null;
        _case.ClosedAt = null;
    }
}
