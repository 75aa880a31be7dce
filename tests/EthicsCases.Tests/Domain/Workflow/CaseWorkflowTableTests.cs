using EthicsCases.Domain;
using EthicsCases.Domain.Workflow;

namespace EthicsCases.Tests.Domain.Workflow;

/// <summary>
/// The workflow as a table: every state × trigger × role × (actor named or not) × routing, against the rule written
/// out independently here from docs/contract.md.
/// </summary>
public sealed class CaseWorkflowTableTests
{
    public sealed record Row(CaseState State, CaseTrigger Trigger, Role Role, bool ActorIsSubject, ConcernCategory Category, bool CaseNamesAGeneralCounsel)
    {
        public override string ToString() =>
            $"{State} {Trigger} by {Role}{(ActorIsSubject ? " (subject)" : "")} on {Category}{(CaseNamesAGeneralCounsel ? " naming a GC" : "")}";
    }

    private static IEnumerable<TestCaseData> Rows() =>
        from state in Enum.GetValues<CaseState>()
        from trigger in Enum.GetValues<CaseTrigger>()
        from role in Enum.GetValues<Role>()
        from actorIsSubject in new[] { false, true }
        from category in new[] { ConcernCategory.Fraud, ConcernCategory.CodeOfEthicsViolation }
        from namesGc in new[] { false, true }
        let row = new Row(state, trigger, role, actorIsSubject, category, namesGc)
        select new TestCaseData(row).SetName(row.ToString());

    // docs/contract.md's trigger table, restated.
    private static CaseState? Expected(Row r)
    {
        if (r.ActorIsSubject)
        {
            return null;
        }

        var routedToGc = r.Category == ConcernCategory.CodeOfEthicsViolation && !r.CaseNamesAGeneralCounsel;
        var triageRole = routedToGc ? Role.GeneralCounsel : Role.AuditCommittee;
        return (r.State, r.Trigger) switch
        {
            (CaseState.Intake, CaseTrigger.Accept) when r.Role == triageRole =>
                routedToGc ? CaseState.GeneralCounselReview : CaseState.AuditCommitteeReview,
            (CaseState.Intake, CaseTrigger.Dismiss) when r.Role == triageRole => CaseState.Closed,
            (CaseState.GeneralCounselReview, CaseTrigger.ReferToAuditCommittee) when r.Role == Role.GeneralCounsel => CaseState.AuditCommitteeReview,
            (CaseState.AuditCommitteeReview, CaseTrigger.CloseNoViolation) when r.Role == Role.AuditCommittee => CaseState.Closed,
            (CaseState.AuditCommitteeReview, CaseTrigger.RequestBoardDetermination) when r.Role == Role.AuditCommittee => CaseState.BoardDetermination,
            (CaseState.BoardDetermination, CaseTrigger.RecordDetermination) when r.Role == Role.AuditCommittee => CaseState.Closed,
            (CaseState.Closed, CaseTrigger.Reopen) when r.Role == Role.AuditCommittee => CaseState.AuditCommitteeReview,
            _ => null,
        };
    }

    [TestCaseSource(nameof(Rows))]
    public async Task Trigger_is_permitted_exactly_as_the_contract_says(Row row)
    {
        var actor = new Person(Guid.NewGuid(), "actor@test.example", "Actor", null, [row.Role]);
        var otherGc = new Person(Guid.NewGuid(), "gc@test.example", "GC", null, [Role.GeneralCounsel]);
        var subjects = new List<Person>();
        if (row.ActorIsSubject)
        {
            subjects.Add(actor);
        }

        if (row.CaseNamesAGeneralCounsel)
        {
            subjects.Add(otherGc);
        }

        var generalCounsels = row.Role == Role.GeneralCounsel ? new[] { otherGc, actor } : [otherGc];
        var c = EthicsCase.File("EC-2026-0001", DateTime.UtcNow, row.Category, "s", null, null, subjects, generalCounsels).InState(row.State);
        var expected = Expected(row);

        if (expected is null)
        {
            Assert.That(async () => await FireAsync(c, actor, row.Trigger, "because"),
                Throws.TypeOf<TriggerNotPermittedException>());
            Assert.That(c.State, Is.EqualTo(row.State), "a refused trigger leaves the state alone");
        }
        else
        {
            var recorded = await FireAsync(c, actor, row.Trigger, "because");
            Assert.Multiple(() =>
            {
                Assert.That(recorded.From, Is.EqualTo(row.State.ToString()));
                Assert.That(recorded.To, Is.EqualTo(expected.ToString()));
                Assert.That(recorded.Action, Is.EqualTo(row.Trigger.ToString()));
                Assert.That(c.State, Is.EqualTo(expected));
            });
        }
    }

    [Test]
    public void Refusal_names_the_state_and_the_triggers_permitted_to_that_person()
    {
        var officer = new Person(Guid.NewGuid(), "cfo@test.example", "CFO", null, [Role.Officer]);
        var c = EthicsCase.File("EC-2026-0001", DateTime.UtcNow, ConcernCategory.Fraud, "s", null, officer, [], []).InState(CaseState.AuditCommitteeReview);

        var refusal = Assert.ThrowsAsync<TriggerNotPermittedException>(() => new CaseWorkflow(c, officer).FireAsync(CaseTrigger.RequestBoardDetermination, null, DateTime.UtcNow));
        Assert.That(refusal!.Message, Does.Contain("'RequestBoardDetermination'").And.Contain("'AuditCommitteeReview'").And.Contain("No triggers are permitted"));

        var member = new Person(Guid.NewGuid(), "ac@test.example", "AC", null, [Role.AuditCommittee]);
        var memberRefusal = Assert.ThrowsAsync<TriggerNotPermittedException>(() => new CaseWorkflow(c, member).FireAsync(CaseTrigger.Accept, null, DateTime.UtcNow));
        Assert.That(memberRefusal!.Message, Does.Contain("Permitted to you: CloseNoViolation, RequestBoardDetermination."));
    }

    [TestCase(CaseTrigger.Dismiss)]
    [TestCase(CaseTrigger.ReferToAuditCommittee)]
    [TestCase(CaseTrigger.CloseNoViolation)]
    [TestCase(CaseTrigger.Reopen)]
    public void Triggers_that_need_a_reason_are_refused_without_one(CaseTrigger trigger)
    {
        var gc = new Person(Guid.NewGuid(), "gc@test.example", "GC", null, [Role.GeneralCounsel, Role.AuditCommittee]);
        var state = trigger switch
        {
            CaseTrigger.Dismiss => CaseState.Intake,
            CaseTrigger.ReferToAuditCommittee => CaseState.GeneralCounselReview,
            CaseTrigger.CloseNoViolation => CaseState.AuditCommitteeReview,
            _ => CaseState.Closed,
        };
        var c = EthicsCase.File("EC-2026-0001", DateTime.UtcNow, ConcernCategory.BooksAndRecords, "s", null, null, [], [gc]).InState(state);

        Assert.That(() => new CaseWorkflow(c, gc).FireAsync(trigger, "  ", DateTime.UtcNow),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("reason"));
        Assert.That(c.State, Is.EqualTo(state));
    }

    [Test]
    public async Task Closing_sets_the_outcome_and_reopening_clears_it()
    {
        var ac = new Person(Guid.NewGuid(), "ac@test.example", "AC", null, [Role.AuditCommittee]);
        var c = EthicsCase.File("EC-2026-0001", DateTime.UtcNow, ConcernCategory.Fraud, "s", null, null, [], []);

        var dismissedAt = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        await new CaseWorkflow(c, ac).FireAsync(CaseTrigger.Dismiss, "duplicate", dismissedAt);
        Assert.That((c.Outcome, c.ClosedAt), Is.EqualTo(((CaseOutcome?)CaseOutcome.Dismissed, (DateTime?)dismissedAt)));
        await new CaseWorkflow(c, ac).FireAsync(CaseTrigger.Reopen, "new facts", dismissedAt.AddDays(1));
        Assert.That((c.State, c.Outcome, c.ClosedAt), Is.EqualTo((CaseState.AuditCommitteeReview, (CaseOutcome?)null, (DateTime?)null)));
        await new CaseWorkflow(c, ac).FireAsync(CaseTrigger.RequestBoardDetermination, null, dismissedAt.AddDays(2));
        Assert.That(c.ReferredToBoard, Is.True);
        var determinedAt = dismissedAt.AddDays(3);
        var recorded = await new CaseWorkflow(c, ac).RecordDeterminationAsync(new BoardDecision(true, "found"), determinedAt, "{}");
        Assert.Multiple(() =>
        {
            Assert.That((c.Outcome, c.ClosedAt), Is.EqualTo(((CaseOutcome?)CaseOutcome.ViolationFound, (DateTime?)determinedAt)));
            Assert.That((recorded.Action, recorded.To, recorded.Reason), Is.EqualTo(("RecordDetermination", "Closed", "found")));
            Assert.That(c.History, Has.Count.EqualTo(5), "Filed and one event per transition");
        });
    }

    [Test]
    public void RecordDetermination_is_not_fired_without_the_Board_s_decision()
    {
        var ac = new Person(Guid.NewGuid(), "ac@test.example", "AC", null, [Role.AuditCommittee]);
        var c = EthicsCase.File("EC-2026-0001", DateTime.UtcNow, ConcernCategory.Fraud, "s", null, null, [], []).InState(CaseState.BoardDetermination);
        Assert.That(() => new CaseWorkflow(c, ac).FireAsync(CaseTrigger.RecordDetermination, "r", DateTime.UtcNow),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("together with the Board's determination"));
        Assert.That(c.State, Is.EqualTo(CaseState.BoardDetermination));
    }

    private static Task<AuditEvent> FireAsync(EthicsCase c, Person actor, CaseTrigger trigger, string reason) =>
        trigger == CaseTrigger.RecordDetermination
            ? new CaseWorkflow(c, actor).RecordDeterminationAsync(new BoardDecision(true, "r"), DateTime.UtcNow, "{}")
            : new CaseWorkflow(c, actor).FireAsync(trigger, reason, DateTime.UtcNow);
}

internal static class CaseStates
{
    /// <summary>Puts a case straight into a state, as if the workflow had taken it there.</summary>
    public static EthicsCase InState(this EthicsCase c, CaseState state)
    {
        c.State = state;
        return c;
    }
}
