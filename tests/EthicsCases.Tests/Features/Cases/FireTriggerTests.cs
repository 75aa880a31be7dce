using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Workflow;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.Cases;

public sealed class FireTriggerTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task A_concern_travels_from_Intake_to_Closed_with_every_step_audited()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("SecuritiesLawViolation", "Blackout trade", null, [Cast.Controller]));

        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Accept", null));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "ReferToAuditCommittee", "Trade confirmed by the broker"));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "RequestBoardDetermination", null));
        var board = await Db.SendAs(Cast.Director, new ShowCase(filed.Reference));
        Assert.That(board.State, Is.EqualTo(CaseState.BoardDetermination), "the Board sees a case referred to it");
        Assert.That(() => Db.SendAs(Cast.AuditMember, new FireTrigger(filed.Reference, "Reopen", "x")),
            Throws.TypeOf<TriggerNotPermittedException>(), "Reopen applies to closed cases only");

        var detail = await Db.SendAs(Cast.AuditChair, new ShowCase(filed.CaseId.ToString()));
        Assert.Multiple(() =>
        {
            Assert.That(detail.History.Select(h => h.Trigger), Is.EqualTo(new[] { "Filed", "Accept", "ReferToAuditCommittee", "RequestBoardDetermination" }));
            Assert.That(detail.History[2].Reason, Is.EqualTo("Trade confirmed by the broker"));
            Assert.That(detail.History[2].Actor, Is.EqualTo(Cast.GeneralCounsel));
            Assert.That(detail.History[2].From, Is.EqualTo("GeneralCounselReview"));
            Assert.That(detail.History[2].To, Is.EqualTo("AuditCommitteeReview"));
            Assert.That(detail.PermittedTriggers, Is.EqualTo(new[] { CaseTrigger.RecordDetermination }));
        });
    }

    [Test]
    public async Task An_officer_firing_RequestBoardDetermination_is_refused_and_nothing_changes()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Duplicate receipts", null, [Cast.Controller]));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));
        var before = await Db.AuditCount(filed.CaseId);

        var refusal = Assert.ThrowsAsync<TriggerNotPermittedException>(() => Db.SendAs(Cast.Cfo, new FireTrigger(filed.Reference, "RequestBoardDetermination", null)));

        Assert.That(refusal!.Message, Does.Contain("AuditCommitteeReview").And.Contain("No triggers are permitted"));
        var after = await Db.Read(db => db.Cases.SingleAsync(c => c.Id == filed.CaseId));
        Assert.Multiple(async () =>
        {
            Assert.That(after.State, Is.EqualTo(CaseState.AuditCommitteeReview));
            Assert.That(await Db.AuditCount(filed.CaseId), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Dismiss_without_reason_is_rejected()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("BooksAndRecords", "x", null, []));
        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Dismiss", null)),
            Throws.TypeOf<ValidationFailedException>());
        Assert.That(await Db.AuditCount(filed.CaseId), Is.EqualTo(1));
    }

    [Test]
    public async Task Unknown_trigger_is_rejected_naming_the_valid_ones()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("BooksAndRecords", "x", null, []));
        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Escalate", null)),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("RequestBoardDetermination"));
    }

    [Test]
    public async Task RecordDetermination_cannot_be_fired_without_the_Board_decision()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "x", null, []));
        Assert.That(() => Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "RecordDetermination", null)),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("recorded together with the Board's determination"));
    }

    [Test]
    public async Task Two_people_firing_at_once_one_wins_and_the_other_gets_a_conflict()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Race", null, []));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));

        // Both load the case before either saves: the classic lost-update race, forced deterministically.
        await using var first = Db.Scope(Cast.AuditChair);
        await using var second = Db.Scope(Cast.AuditMember);
        var firstDb = first.ServiceProvider.GetRequiredService<EthicsDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<EthicsDbContext>();
        var firstCopy = await firstDb.Cases.SingleAsync(c => c.Id == filed.CaseId);
        var secondCopy = await secondDb.Cases.SingleAsync(c => c.Id == filed.CaseId);
        var chair = await firstDb.People.SingleAsync(p => p.Email == Cast.AuditChair);
        var member = await secondDb.People.SingleAsync(p => p.Email == Cast.AuditMember);

        await new CaseWorkflow(firstCopy, chair).FireAsync(CaseTrigger.CloseNoViolation, "nothing found", DateTime.UtcNow);
        await new CaseWorkflow(secondCopy, member).FireAsync(CaseTrigger.RequestBoardDetermination, null, DateTime.UtcNow);
        await EthicsCases.Common.Transactions.SaveOrConflictAsync(firstDb, "Case", CancellationToken.None);
        var conflict = Assert.ThrowsAsync<ConflictException>(() => EthicsCases.Common.Transactions.SaveOrConflictAsync(secondDb, "Case", CancellationToken.None));

        Assert.That(conflict!.Message, Does.Contain("changed by someone else"));
        var stored = await Db.Read(db => db.Cases.SingleAsync(c => c.Id == filed.CaseId));
        Assert.Multiple(async () =>
        {
            Assert.That(stored.State, Is.EqualTo(CaseState.Closed));
            Assert.That(await Db.AuditCount(filed.CaseId), Is.EqualTo(3), "Filed, Accept, CloseNoViolation; the loser wrote nothing");
        });
    }

    [Test]
    public async Task Concurrent_requests_through_the_mediator_leave_exactly_one_transition()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Race", null, []));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));

        async Task<Exception?> Fire(string who, string trigger, string? reason)
        {
            try
            {
                await using var scope = Db.Scope(who);
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FireTrigger(filed.Reference, trigger, reason));
                return null;
            }
            catch (RejectedException e)
            {
                return e;
            }
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            i % 2 == 0 ? Fire(Cast.AuditChair, "CloseNoViolation", "none") : Fire(Cast.AuditMember, "RequestBoardDetermination", null))));

        Assert.That(results.Count(r => r is null), Is.EqualTo(1), string.Join("; ", results.Select(r => r?.Message)));
        Assert.That(results.Where(r => r is not null), Is.All.InstanceOf<ConflictException>().Or.InstanceOf<TriggerNotPermittedException>());
        Assert.That(await Db.AuditCount(filed.CaseId), Is.EqualTo(3));
    }
}
