using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Board;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.Waivers;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EthicsCases.Tests.Features.Waivers.WaiverScenario;

namespace EthicsCases.Tests.Features.Determinations;

/// <summary>
/// SOP II-031: "The Board of Directors shall determine, or designate appropriate persons to determine". A Board member or
/// the Audit Committee records the Board's determination; a designee does under a designation in force on the meeting
/// date, and the determination, the case and the notice say so.
/// </summary>
public sealed class DesigneeDeterminationTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [SetUp]
    public Task People() => AddPeople(Db);

    [Test]
    public async Task A_designee_for_determinations_records_it_and_the_determination_case_and_notice_say_who_decided()
    {
        var filed = await RoutedToCounselBeforeTheBoard(Whitaker);
        var designation = await Designate(Cast.GeneralCounsel, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31));

        var determined = await Db.SendAs(Cast.GeneralCounsel, DeterminationScenario.Minor(filed.Reference) with { MeetingDate = Today });

        var stored = await Db.Read(db => db.Determinations.SingleAsync(d => d.CaseId == filed.CaseId));
        var shown = await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference));
        var notice = await Db.SendAs(Cast.AuditChair, new GetNotice(filed.Reference));
        var statement = "Decided by the Board's designee gc under the resolution of 2026-01-30.";
        Assert.Multiple(() =>
        {
            Assert.That((stored.DecidedAs, stored.DesignationId), Is.EqualTo(((DecisionCapacity?)DecisionCapacity.Designee, (Guid?)designation)));
            Assert.That((determined.DecidedAs, determined.DesignationId, determined.DecidedBy),
                Is.EqualTo(((DecisionCapacity?)DecisionCapacity.Designee, (Guid?)designation, statement)));
            Assert.That(shown.DecidedBy?.Statement, Is.EqualTo(statement));
            Assert.That(shown.DecidedBy?.DesigneeEmail, Is.EqualTo(Cast.GeneralCounsel));
            Assert.That(Flatten(GetNoticeTests.PdfText(notice.Pdf)), Does.Contain(statement));
        });
    }

    [Test]
    public async Task A_Board_member_and_the_Audit_Committee_record_it_as_the_Board()
    {
        var byDirector = await DeterminationScenario.BeforeTheBoard(Db, Whitaker);
        var byCommittee = await DeterminationScenario.BeforeTheBoard(Db, Whitaker);

        var director = await Db.SendAs(Cast.Director, DeterminationScenario.Minor(byDirector.Reference));
        var committee = await Db.SendAs(Cast.AuditChair, DeterminationScenario.Minor(byCommittee.Reference));

        Assert.Multiple(async () =>
        {
            Assert.That((director.DecidedAs, director.DesignationId), Is.EqualTo(((DecisionCapacity?)DecisionCapacity.Board, (Guid?)null)));
            Assert.That(committee.DecidedAs, Is.EqualTo(DecisionCapacity.Board));
            Assert.That(director.DecidedBy, Is.EqualTo("Decided by the Board of Directors."));
            Assert.That(Flatten(GetNoticeTests.PdfText((await Db.SendAs(Cast.AuditChair, new GetNotice(byDirector.Reference))).Pdf)),
                Does.Not.Contain("designee"));
        });
    }

    [Test]
    public async Task Without_a_designation_counsel_is_refused_and_an_expired_one_stops_working_the_next_day()
    {
        var filed = await RoutedToCounselBeforeTheBoard(Whitaker);
        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, DeterminationScenario.Minor(filed.Reference)), Throws.TypeOf<ForbiddenException>(),
            "no designation");

        // In force through yesterday: refused today, and the case is untouched.
        await Designate(Cast.GeneralCounsel, new DateOnly(2026, 2, 1), Today.AddDays(-1));
        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, DeterminationScenario.Minor(filed.Reference) with { MeetingDate = Today }),
            Throws.TypeOf<ForbiddenException>().With.Message.Contains("2026-03-02"));
        Assert.That((await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference))).State, Is.EqualTo(CaseState.BoardDetermination));

        // Its last day it still worked.
        var lastDay = await Db.SendAs(Cast.GeneralCounsel, DeterminationScenario.Minor(filed.Reference) with { MeetingDate = Today.AddDays(-1) });
        Assert.That(lastDay.DecidedAs, Is.EqualTo(DecisionCapacity.Designee));
    }

    [Test]
    public async Task A_designation_for_waivers_only_does_not_let_anyone_determine_a_case()
    {
        var filed = await RoutedToCounselBeforeTheBoard(Whitaker);
        await Db.SendAs(Chair, new RecordDesignation(Cast.GeneralCounsel, false, ["waivers"], new DateOnly(2026, 2, 1), new DateOnly(2026, 12, 31),
            new DateOnly(2026, 1, 30)));

        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, DeterminationScenario.Minor(filed.Reference)), Throws.TypeOf<ForbiddenException>());
    }

    [Test]
    public async Task A_designee_named_as_a_subject_is_recused_and_never_sees_the_case()
    {
        var filed = await RoutedToCounselBeforeTheBoard(Cast.GeneralCounsel);
        await Designate(Cast.GeneralCounsel, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31));

        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, DeterminationScenario.Minor(filed.Reference)), Throws.TypeOf<NotFoundException>());
    }

    [Test]
    public async Task Editing_who_decided_is_caught_by_the_record_verifier()
    {
        var filed = await RoutedToCounselBeforeTheBoard(Whitaker);
        await Designate(Cast.GeneralCounsel, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31));
        await Db.SendAs(Cast.GeneralCounsel, DeterminationScenario.Minor(filed.Reference));
        Assert.That((await Db.SendAs(null, new VerifyAudit())).Valid, Is.True);

        await Db.Read(db => db.Database.ExecuteSqlAsync($"UPDATE \"Determinations\" SET \"DecidedAs\" = 'Board', \"DesignationId\" = NULL WHERE \"CaseId\" = {filed.CaseId}"));

        var verdict = await Db.SendAs(null, new VerifyAudit());
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Valid, Is.False);
            Assert.That(verdict.Problems.Select(p => p.Kind), Does.Contain("DeterminationContent"));
        });
    }

    [Test]
    public async Task Violation_found_with_no_action_needs_a_reason_and_leads_to_an_implicit_waiver_proposal()
    {
        var filed = await DeterminationScenario.BeforeTheBoard(Db, Whitaker);
        Assert.That(() => Db.SendAs(Cast.AuditChair, DeterminationScenario.Minor(filed.Reference) with { NoAction = true }),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("no action"));

        var determined = await Db.SendAs(Cast.AuditChair, DeterminationScenario.Minor(filed.Reference) with
        {
            NoAction = true,
            Reason = "The Board accepted the officer's remediation.",
        });
        // A Fraud case is routed to the Committee alone: the Committee sees its proposal.
        var scan = await Db.SendAs(Cast.AuditChair, new ProposeImplicitWaivers());

        Assert.Multiple(() =>
        {
            Assert.That((determined.Outcome, determined.Sanctions.Count, determined.DepartsFromRecommendation),
                Is.EqualTo(((CaseOutcome?)CaseOutcome.ViolationFound, 0, true)));
            Assert.That(scan.Proposals.Select(p => (p.CaseId, p.Trigger)),
                Is.EqualTo(new[] { (filed.CaseId, ImplicitWaiverTrigger.ViolationWithoutAction) }));
        });
    }

    // A Code-of-Ethics concern is routed to the General Counsel, who refers it to the Audit Committee, which asks the Board.
    private async Task<FiledConcern> RoutedToCounselBeforeTheBoard(params string[] subjects)
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Undisclosed supplier interest", null, subjects));
        var triage = subjects.Contains(Cast.GeneralCounsel) ? Cast.AuditChair : Cast.GeneralCounsel;
        await Db.SendAs(triage, new FireTrigger(filed.Reference, "Accept", null));
        if (triage == Cast.GeneralCounsel)
        {
            await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "ReferToAuditCommittee", "For the Committee"));
        }

        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "RequestBoardDetermination", null));
        return filed;
    }

    private async Task<Guid> Designate(string person, DateOnly from, DateOnly to) =>
        (await Db.SendAs(Chair, new RecordDesignation(person, false, ["determinations"], from, to, new DateOnly(2026, 1, 30)))).DesignationId;

    private static string Flatten(string layout) =>
        string.Join(' ', layout.Split([' ', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
