using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Waivers;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EthicsCases.Tests.Features.Determinations.DeterminationScenario;

namespace EthicsCases.Tests.Features.Waivers;

/// <summary>
/// Implicit waivers (Instruction 2 to Item 5.05): the scan's two triggers, once per case, and the General Counsel's
/// confirmation or dismissal.
/// </summary>
public sealed class ImplicitWaiverTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task A_violation_about_an_officer_closed_with_no_action_is_proposed_once_and_one_with_an_action_is_not()
    {
        var noAction = await DeterminedViolation(Cast.Controller);
        await DeterminedViolation(Cast.Controller, keepTheAction: true);

        var first = await Db.SendAs(Cast.GeneralCounsel, new ProposeImplicitWaivers());
        var again = await Db.SendAs(Cast.GeneralCounsel, new ProposeImplicitWaivers());

        Assert.Multiple(async () =>
        {
            Assert.That(first.Proposed, Is.EqualTo(1));
            var proposal = first.Proposals.Single();
            Assert.That((proposal.CaseId, proposal.Person, proposal.Trigger, proposal.State),
                Is.EqualTo((noAction.CaseId, Cast.Controller, ImplicitWaiverTrigger.ViolationWithoutAction, ProposalState.Open)));
            Assert.That(proposal.Since, Is.EqualTo(new DateOnly(2026, 3, 2)));
            Assert.That(again.Proposed, Is.Zero, "once per case");
            Assert.That(await Db.Read(db => db.ImplicitWaiverProposals.CountAsync()), Is.EqualTo(1));
            Assert.That(await Db.Read(db => db.AuditEvents.CountAsync(e => e.Action == "ImplicitWaiverProposed")), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_case_about_an_officer_with_no_event_for_more_than_ninety_days_is_proposed_and_one_about_a_director_is_not()
    {
        var aboutOfficer = await Accepted(Cast.Controller);
        await Accepted(Cast.Director);
        var dismissed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gift from a vendor", null, [Cast.Controller]));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(dismissed.Reference, "Dismiss", "Not a violation"));

        Db.Clock.Advance(TimeSpan.FromDays(90));
        var atNinetyDays = await Db.SendAs(Cast.GeneralCounsel, new ProposeImplicitWaivers());
        Db.Clock.Advance(TimeSpan.FromDays(1));
        var after = await Db.SendAs(Cast.GeneralCounsel, new ProposeImplicitWaivers());

        Assert.Multiple(() =>
        {
            Assert.That(atNinetyDays.Proposed, Is.Zero, "ninety days is not yet past the period");
            Assert.That(atNinetyDays.AfterDays, Is.EqualTo(90));
            Assert.That(after.Proposed, Is.EqualTo(1), "only the open case about an officer");
            Assert.That(after.Proposals.Single().CaseId, Is.EqualTo(aboutOfficer.CaseId));
            Assert.That(after.Proposals.Single().Trigger, Is.EqualTo(ImplicitWaiverTrigger.LeftUnacted));
            Assert.That(after.Proposals.Single().Since, Is.EqualTo(new DateOnly(2026, 3, 2)));
        });
    }

    [Test]
    public async Task Any_event_on_the_case_restarts_the_period()
    {
        var filed = await Accepted(Cast.Controller);
        Db.Clock.Advance(TimeSpan.FromDays(60));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "ReferToAuditCommittee", "Needs the committee"));
        Db.Clock.Advance(TimeSpan.FromDays(60));

        var scan = await Db.SendAs(Cast.AuditMember, new ProposeImplicitWaivers());

        Assert.That(scan.Proposed, Is.Zero, "120 days since filing, but only 60 since the last event");
    }

    [Test]
    public async Task Confirming_records_an_implicit_waiver_granted_today_with_the_clock_from_today()
    {
        await Accepted(Cast.Controller);
        Db.Clock.Advance(TimeSpan.FromDays(268)); // Wednesday 25 November 2026, the day before Thanksgiving
        var proposal = (await Db.SendAs(Cast.GeneralCounsel, new ProposeImplicitWaivers())).Proposals.Single();

        var confirmed = await Db.SendAs(Cast.GeneralCounsel, new ConfirmImplicitWaiver(proposal.ProposalId, "Nobody acted on a known conflict for months."));
        var row = (await Db.SendAs(Cast.AuditMember, new ListWaivers())).Single();

        Assert.Multiple(async () =>
        {
            Assert.That(confirmed.State, Is.EqualTo(ProposalState.Confirmed));
            Assert.That(confirmed.WaiverState, Is.EqualTo(WaiverState.Granted));
            Assert.That(confirmed.DisclosureDue, Is.EqualTo(new DateOnly(2026, 12, 2)));
            Assert.That(row.WaiverId, Is.EqualTo(confirmed.WaiverId));
            Assert.That(row.Implicit, Is.True);
            Assert.That(row.Person, Is.EqualTo(Cast.Controller));
            Assert.That(row.Decided, Is.EqualTo(new DateOnly(2026, 11, 25)));
            Assert.That(row.DecidedAs, Is.EqualTo(WaiverDecisionBasis.ImplicitWaiver));
            Assert.That(row.Provision, Does.StartWith("SOP II-031, 1.0 para 4"));
            Assert.That(await Db.SendAs(Cast.GeneralCounsel, new ListImplicitWaiverProposals()), Is.Empty, "no longer open");
            Assert.That((await Db.SendAs(Cast.GeneralCounsel, new ListImplicitWaiverProposals(All: true))).Single().WaiverId, Is.EqualTo(confirmed.WaiverId));
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new ConfirmImplicitWaiver(proposal.ProposalId, "again")), Throws.TypeOf<ConflictException>());
            var draft = await Db.SendAs(Cast.GeneralCounsel, new GetWaiverDisclosureDraft(confirmed.WaiverId!.Value));
            Assert.That(draft.Text, Does.Contain("implicit waiver"));
        });
    }

    [Test]
    public async Task Dismissing_needs_a_reason_and_records_no_waiver()
    {
        await Accepted(Cast.Controller);
        Db.Clock.Advance(TimeSpan.FromDays(91));
        var proposal = (await Db.SendAs(Cast.GeneralCounsel, new ProposeImplicitWaivers())).Proposals.Single();

        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new DismissImplicitWaiverProposal(proposal.ProposalId, " ")),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("reason"));
        var dismissed = await Db.SendAs(Cast.GeneralCounsel, new DismissImplicitWaiverProposal(proposal.ProposalId, "The matter was immaterial."));

        Assert.Multiple(async () =>
        {
            Assert.That(dismissed.State, Is.EqualTo(ProposalState.Dismissed));
            Assert.That(dismissed.WaiverId, Is.Null);
            Assert.That(await Db.Read(db => db.Waivers.CountAsync()), Is.Zero);
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new ConfirmImplicitWaiver(proposal.ProposalId, "changed my mind")), Throws.TypeOf<ConflictException>());
            var stored = await Db.Read(db => db.ImplicitWaiverProposals.SingleAsync());
            Assert.That(stored.Reason, Is.EqualTo("The matter was immaterial."));
            Assert.That(await Db.Read(db => db.AuditEvents.Where(e => e.Action == "ImplicitWaiverDismissed").Select(e => e.Data).SingleAsync()),
                Does.Not.Contain("immaterial"));
        });
    }

    [Test]
    public async Task A_proposal_is_seen_by_whoever_sees_its_case_and_never_by_officers()
    {
        // Fraud goes to the Audit Committee alone: the General Counsel does not see the case, so not its proposal either.
        await DeterminedViolation(Cast.Controller, category: "Fraud");

        var scan = await Db.SendAs(Cast.GeneralCounsel, new ProposeImplicitWaivers());
        var forCommittee = await Db.SendAs(Cast.AuditMember, new ListImplicitWaiverProposals());

        Assert.Multiple(async () =>
        {
            Assert.That(scan.Proposed, Is.EqualTo(1));
            Assert.That(scan.Proposals, Is.Empty);
            Assert.That(await Db.SendAs(Cast.GeneralCounsel, new ListImplicitWaiverProposals()), Is.Empty);
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new ConfirmImplicitWaiver(forCommittee.Single().ProposalId, "r")), Throws.TypeOf<NotFoundException>());
            Assert.That(() => Db.SendAs(Cast.Controller, new ListImplicitWaiverProposals()), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.Director, new ProposeImplicitWaivers()), Throws.TypeOf<ForbiddenException>());
            Assert.That((await Db.SendAs(Cast.AuditMember, new DismissImplicitWaiverProposal(forCommittee.Single().ProposalId, "Immaterial"))).State,
                Is.EqualTo(ProposalState.Dismissed));
        });
    }

    private async Task<FiledConcern> Accepted(string subject)
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Undisclosed interest in a supplier", null, [subject]));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Accept", null));
        return filed;
    }

    // Today a violation always carries an action (DetermineCase requires one); the Board's "violation, no action" is
    // stood in for by emptying the stored list, which is what the scan reads.
    private async Task<FiledConcern> DeterminedViolation(string subject, bool keepTheAction = false, string category = "CodeOfEthicsViolation")
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern(category, "Undisclosed interest in a supplier", null, [subject]));
        if (category == "CodeOfEthicsViolation")
        {
            await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Accept", null));
            await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "ReferToAuditCommittee", "For the committee"));
        }
        else
        {
            await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));
        }

        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "RequestBoardDetermination", null));
        await Db.SendAs(Cast.AuditChair, Minor(filed.Reference, Sanction.WrittenNotice));
        if (!keepTheAction)
        {
            await Db.Read(db => db.Determinations.Where(d => d.CaseId == filed.CaseId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.SanctionsAsStored, new List<DeterminedSanction>())));
        }

        return filed;
    }
}
