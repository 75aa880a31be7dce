using EthicsCases.Data;
using System.Text.Json;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Advice;
using EthicsCases.Features.Determinations;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EthicsCases.Tests.Features.Determinations.DeterminationScenario;

namespace EthicsCases.Tests.Features.Determinations;

public sealed class DetermineCaseTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task A_second_violation_of_the_same_person_counts_the_first_from_the_records()
    {
        var first = await BeforeTheBoard(Db, Cast.Controller);
        var firstResult = await Db.SendAs(Cast.AuditChair, Minor(first.Reference, Sanction.WrittenNotice));
        Db.Clock.Advance(TimeSpan.FromDays(30));
        var second = await BeforeTheBoard(Db, Cast.Controller);

        var context = await Db.SendAs(Cast.Director, new GetDeterminationContext(second.Reference, Severity: 1, Occurrences: 1, Intent: "inadvertent"));
        var result = await Db.SendAs(Cast.AuditMember, Minor(second.Reference, Sanction.Censure));

        Assert.Multiple(() =>
        {
            Assert.That(firstResult.PriorViolations, Is.Zero);
            Assert.That(firstResult.Recommendation, Is.EqualTo(Sanction.WrittenNotice));
            Assert.That(context.Individuals.Single().PriorViolations, Is.EqualTo(1));
            Assert.That(context.Individuals.Single().PriorViolationCases.Select(p => p.Reference), Is.EqualTo(new[] { first.Reference }));
            Assert.That(context.Recommendation!.Recommendation, Is.EqualTo(Sanction.Censure));
            Assert.That(context.Precedents.Select(p => p.Reference), Is.EqualTo(new[] { first.Reference }), "the first determination is a precedent");
            Assert.That(result.PriorViolations, Is.EqualTo(1));
            Assert.That(result.PriorViolationReferences, Is.EqualTo(new[] { first.Reference }));
            Assert.That(result.Recommendation, Is.EqualTo(Sanction.Censure), "one prior violation adds 2 points: 6, a censure");
            Assert.That(result.DepartsFromRecommendation, Is.False);
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.ViolationFound));
        });
    }

    [Test]
    public async Task A_case_closed_without_a_violation_is_not_counted_as_a_prior_violation()
    {
        var cleared = await BeforeTheBoard(Db, Cast.Controller);
        await Db.SendAs(Cast.AuditChair, new DetermineCase(cleared.Reference, false, []));
        var next = await BeforeTheBoard(Db, Cast.Controller);

        var result = await Db.SendAs(Cast.AuditChair, Minor(next.Reference, Sanction.WrittenNotice));

        Assert.That(result.PriorViolations, Is.Zero);
    }

    [Test]
    public async Task A_departure_without_a_rationale_is_rejected_and_nothing_changes()
    {
        var filed = await BeforeTheBoard(Db, Cast.Controller);
        var auditBefore = await Db.AuditCount(filed.CaseId);

        var e = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.AuditChair, Minor(filed.Reference, Sanction.Termination)));

        Assert.Multiple(async () =>
        {
            Assert.That(e!.Errors.Keys, Is.EqualTo(new[] { "reason" }));
            Assert.That(e.Message, Does.Contain("WrittenNotice").And.Contain("Termination"));
            var after = await Db.Read(db => db.Cases.SingleAsync(c => c.Id == filed.CaseId));
            Assert.That(after.State, Is.EqualTo(CaseState.BoardDetermination));
            Assert.That(after.Outcome, Is.Null);
            Assert.That(await Db.AuditCount(filed.CaseId), Is.EqualTo(auditBefore));
            Assert.That(await Db.Read(db => db.Determinations.CountAsync()), Is.Zero);
        });
    }

    [Test]
    public async Task A_departure_with_a_rationale_is_accepted_and_audited()
    {
        var filed = await BeforeTheBoard(Db, Cast.Controller);

        var result = await Db.SendAs(Cast.AuditChair, Minor(filed.Reference, Sanction.Termination) with { Reason = "Concealed the receipts from the auditors" });

        var stored = await Db.Read(db => db.Determinations.SingleAsync());
        var evt = await Db.Read(db => db.AuditEvents.Where(a => a.CaseId == filed.CaseId).OrderBy(a => a.Id).ToListAsync());
        using var data = JsonDocument.Parse(evt[^1].Data!);
        var root = data.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(result.DepartsFromRecommendation, Is.True);
            Assert.That(result.Recommendation, Is.EqualTo(Sanction.WrittenNotice));
            Assert.That(result.Sanctions, Is.EqualTo(new[] { Sanction.Termination }));
            Assert.That(stored.DepartsFromRecommendation, Is.True);
            Assert.That(stored.DepartureRationale, Is.EqualTo("Concealed the receipts from the auditors"));
            Assert.That(stored.PolicyVersion, Is.EqualTo(SanctionPolicy.Current.Version));
            Assert.That(evt[^1].Action, Is.EqualTo("RecordDetermination"));
            Assert.That(evt[^1].To, Is.EqualTo("Closed"));
            Assert.That(root.GetProperty("departsFromRecommendation").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("departureRationaleSha256").GetString(), Is.EqualTo(ContentHash.Of("Concealed the receipts from the auditors")));
            Assert.That(evt[^1].Data, Does.Not.Contain("Concealed"), "the record commits to the rationale's hash, not its words");
            Assert.That(root.GetProperty("recommendation").GetString(), Is.EqualTo("WrittenNotice"));
            Assert.That(root.GetProperty("score").GetDecimal(), Is.EqualTo(4m));
            Assert.That(root.GetProperty("policyVersion").GetString(), Is.EqualTo(SanctionPolicy.Current.Version));
            Assert.That(root.GetProperty("factors").GetProperty("severity").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("factors").GetProperty("priorViolations").GetInt32(), Is.Zero);
            Assert.That(root.GetProperty("sanctions")[0].GetProperty("sanction").GetString(), Is.EqualTo("Termination"));
        });
    }

    [Test]
    public async Task Advice_recorded_before_the_violation_prefills_advised_and_an_override_needs_a_reason()
    {
        await Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Controller, "Fraud", new DateOnly(2026, 2, 1), "Receipts must be originals"));
        var filed = await BeforeTheBoard(Db, Cast.Controller);
        var context = await Db.SendAs(Cast.AuditChair, new GetDeterminationContext(filed.Reference));

        var refused = Assert.ThrowsAsync<ValidationFailedException>(() =>
            Db.SendAs(Cast.AuditChair, Minor(filed.Reference, Sanction.WrittenNotice) with { Advised = "no" }));
        var determinationsAfterRefusal = await Db.Read(db => db.Determinations.CountAsync());
        var overridden = await Db.SendAs(Cast.AuditChair,
            Minor(filed.Reference, Sanction.WrittenNotice) with { Advised = "no", AdvisedReason = "The advice concerned another expense policy" });

        Assert.Multiple(async () =>
        {
            Assert.That(context.Individuals.Single().Advised, Is.True);
            Assert.That(context.Individuals.Single().PriorAdvice.Single().Summary, Is.EqualTo("Receipts must be originals"));
            Assert.That(refused!.Errors.Keys, Is.EqualTo(new[] { "advisedReason" }));
            Assert.That(determinationsAfterRefusal, Is.Zero);
            Assert.That(overridden.AdvisedOnRecord, Is.True);
            Assert.That(overridden.Advised, Is.False);
            Assert.That((await Db.Read(db => db.Determinations.SingleAsync())).AdvisedOverrideReason,
                Is.EqualTo("The advice concerned another expense policy"));
        });
    }

    [Test]
    public async Task Advice_on_record_makes_the_recommendation_count_advised_yes()
    {
        await Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Controller, "Fraud", new DateOnly(2026, 2, 1), "Receipts must be originals"));
        await Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Cfo, "Fraud", new DateOnly(2026, 2, 1), "Advice to someone else"));
        var filed = await BeforeTheBoard(Db, Cast.Controller);

        // 0 + 0 + 0 + advised 3 + Fraud 4 = 7: censure instead of the unadvised written notice.
        var result = await Db.SendAs(Cast.AuditChair, Minor(filed.Reference, Sanction.Censure));

        Assert.Multiple(() =>
        {
            Assert.That(result.Advised, Is.True);
            Assert.That(result.Recommendation, Is.EqualTo(Sanction.Censure));
            Assert.That(result.DepartsFromRecommendation, Is.False);
        });
    }

    [Test]
    public async Task A_case_naming_several_subjects_needs_the_individual_chosen_among_them()
    {
        var filed = await BeforeTheBoard(Db, Cast.Controller, Cast.GeneralCounsel);

        var unnamed = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.AuditChair, Minor(filed.Reference, Sanction.WrittenNotice)));
        var outsider = Assert.ThrowsAsync<ValidationFailedException>(() =>
            Db.SendAs(Cast.AuditChair, Minor(filed.Reference, Sanction.WrittenNotice) with { Subject = Cast.Cfo }));
        var result = await Db.SendAs(Cast.AuditChair, Minor(filed.Reference, Sanction.WrittenNotice) with { Subject = Cast.GeneralCounsel });

        Assert.Multiple(() =>
        {
            Assert.That(unnamed!.Message, Does.Contain(Cast.Controller).And.Contain(Cast.GeneralCounsel));
            Assert.That(outsider!.Errors.Keys, Is.EqualTo(new[] { "subject" }));
            Assert.That(result.Subject, Is.EqualTo(Cast.GeneralCounsel));
        });
    }

    [Test]
    public async Task A_violation_needs_the_factors()
    {
        var filed = await BeforeTheBoard(Db, Cast.Controller);

        var noFactors = Assert.ThrowsAsync<ValidationFailedException>(() =>
            Db.SendAs(Cast.AuditChair, new DetermineCase(filed.Reference, true, [new DeterminedSanction(Sanction.Censure)])));

        Assert.That(noFactors!.Errors.Keys, Is.EquivalentTo(new[] { "severity", "occurrences", "intent" }));
        Assert.That(await Db.Read(db => db.Determinations.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task A_violation_with_no_action_named_adopts_the_recommendation_which_is_no_departure()
    {
        var filed = await BeforeTheBoard(Db, Cast.Controller);

        var result = await Db.SendAs(Cast.AuditChair, Minor(filed.Reference));

        var stored = await Db.Read(db => db.Determinations.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(result.Sanctions, Is.EqualTo(new[] { result.Recommendation!.Value }));
            Assert.That(result.DepartsFromRecommendation, Is.False);
            Assert.That(stored.Sanctions.Select(s => s.Sanction), Is.EqualTo(new[] { result.Recommendation!.Value }));
            Assert.That(stored.DepartureRationale, Is.Null);
        });
    }

    [Test]
    public async Task Only_the_Audit_Committee_or_a_Board_member_records_a_determination()
    {
        var filed = await BeforeTheBoard(Db, Cast.Controller);

        Assert.Multiple(() =>
        {
            // The reporter sees the case but holds no authority; counsel does not see a case routed to the Committee alone.
            Assert.That(() => Db.SendAs(Cast.Cfo, Minor(filed.Reference, Sanction.WrittenNotice)), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, Minor(filed.Reference, Sanction.WrittenNotice)), Throws.TypeOf<NotFoundException>());
        });
        Assert.That(await Db.Read(db => db.Determinations.CountAsync()), Is.Zero);

        await Db.SendAs(Cast.Director, Minor(filed.Reference, Sanction.WrittenNotice));
        Assert.That(await Db.Read(db => db.Determinations.CountAsync()), Is.EqualTo(1));
    }
}
