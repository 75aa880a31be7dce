using EthicsCases.Domain;
using EthicsCases.Domain.Workflow;

namespace EthicsCases.Tests.Domain.Workflow;

/// <summary>
/// The workflow as a table: every state × trigger × role × (actor named or not) × routing, against the rule written
/// out independently here from CONTRACT.md.
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

    // CONTRACT.md's trigger table, restated.
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
        var c = new EthicsCase(Guid.NewGuid(), "EC-2026-0001", row.Category, "s", null, null, subjects, generalCounsels, DateTime.UtcNow)
        {
            State = row.State,
        };
        var expected = Expected(row);

        if (expected is null)
        {
            Assert.That(async () => await new CaseWorkflow(c, actor).FireAsync(row.Trigger, "because", new BoardDecision(true, "r")),
                Throws.TypeOf<TriggerNotPermittedException>());
            Assert.That(c.State, Is.EqualTo(row.State), "a refused trigger leaves the state alone");
        }
        else
        {
            var (from, to) = await new CaseWorkflow(c, actor).FireAsync(row.Trigger, "because", new BoardDecision(true, "r"));
            Assert.Multiple(() =>
            {
                Assert.That(from, Is.EqualTo(row.State));
                Assert.That(to, Is.EqualTo(expected));
                Assert.That(c.State, Is.EqualTo(expected));
            });
        }
    }

    [Test]
    public void Refusal_names_the_state_and_the_triggers_permitted_to_that_person()
    {
        var officer = new Person(Guid.NewGuid(), "cfo@test.example", "CFO", null, [Role.Officer]);
        var c = new EthicsCase(Guid.NewGuid(), "EC-2026-0001", ConcernCategory.Fraud, "s", null, officer, [], [], DateTime.UtcNow)
        {
            State = CaseState.AuditCommitteeReview,
        };

        var refusal = Assert.ThrowsAsync<TriggerNotPermittedException>(() => new CaseWorkflow(c, officer).FireAsync(CaseTrigger.RequestBoardDetermination, null));
        Assert.That(refusal!.Message, Does.Contain("'RequestBoardDetermination'").And.Contain("'AuditCommitteeReview'").And.Contain("No triggers are permitted"));

        var member = new Person(Guid.NewGuid(), "ac@test.example", "AC", null, [Role.AuditCommittee]);
        var memberRefusal = Assert.ThrowsAsync<TriggerNotPermittedException>(() => new CaseWorkflow(c, member).FireAsync(CaseTrigger.Accept, null));
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
        var c = new EthicsCase(Guid.NewGuid(), "EC-2026-0001", ConcernCategory.BooksAndRecords, "s", null, null, [], [gc], DateTime.UtcNow) { State = state };

        Assert.That(() => new CaseWorkflow(c, gc).FireAsync(trigger, "  "),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("reason"));
        Assert.That(c.State, Is.EqualTo(state));
    }

    [Test]
    public async Task Closing_sets_the_outcome_and_reopening_clears_it()
    {
        var ac = new Person(Guid.NewGuid(), "ac@test.example", "AC", null, [Role.AuditCommittee]);
        var c = new EthicsCase(Guid.NewGuid(), "EC-2026-0001", ConcernCategory.Fraud, "s", null, null, [], [], DateTime.UtcNow);

        await new CaseWorkflow(c, ac).FireAsync(CaseTrigger.Dismiss, "duplicate");
        Assert.That(c.Outcome, Is.EqualTo(CaseOutcome.Dismissed));
        await new CaseWorkflow(c, ac).FireAsync(CaseTrigger.Reopen, "new facts");
        Assert.That((c.State, c.Outcome), Is.EqualTo((CaseState.AuditCommitteeReview, (CaseOutcome?)null)));
        await new CaseWorkflow(c, ac).FireAsync(CaseTrigger.RequestBoardDetermination, null);
        Assert.That(c.ReferredToBoard, Is.True);
        await new CaseWorkflow(c, ac).FireAsync(CaseTrigger.RecordDetermination, null, new BoardDecision(true, "found"));
        Assert.That(c.Outcome, Is.EqualTo(CaseOutcome.ViolationFound));
    }
}
