using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Board;
using EthicsCases.Features.Waivers;
using EthicsCases.Tests.Domain.Waivers;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EthicsCases.Tests.Features.Waivers.WaiverScenario;

namespace EthicsCases.Tests.Features.Waivers;

/// <summary>Request, decision, disclosure and the register, on a real database of each provider.</summary>
public sealed class WaiverRegisterTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private const string Rationale = "Sales of the cooperative to the Company are under one percent of purchases.";

    [SetUp]
    public Task People() => AddPeople(Db);

    [Test]
    public async Task A_granted_waiver_is_due_in_four_business_days_and_an_8K_on_the_due_date_is_on_time()
    {
        var id = await Requested(Db);

        var decided = await Db.SendAs(Cast.Director, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale));
        Db.Clock.Advance(TimeSpan.FromDays(4));
        var disclosed = await Db.SendAs(Cast.GeneralCounsel, new RecordWaiverDisclosure(id, new DateOnly(2026, 3, 6), "8-K"));
        var row = (await Db.SendAs(Cast.AuditMember, new ListWaivers())).Single();

        Assert.Multiple(() =>
        {
            Assert.That(decided.State, Is.EqualTo(WaiverState.Granted));
            Assert.That(decided.DisclosureDue, Is.EqualTo(new DateOnly(2026, 3, 6)));
            Assert.That(decided.DecidedAs, Is.EqualTo(WaiverDecisionBasis.Board));
            Assert.That(decided.DesignationId, Is.Null);
            Assert.That(disclosed.State, Is.EqualTo(WaiverState.Disclosed));
            Assert.That(disclosed.Late, Is.False);
            Assert.That(row, Is.EqualTo(row with
            {
                WaiverId = id, Person = Whitaker, State = WaiverState.Disclosed, Decided = new DateOnly(2026, 3, 2),
                DisclosureDue = new DateOnly(2026, 3, 6), Disclosed = new DateOnly(2026, 3, 6), Late = false, Channel = "8-K",
            }));
            Assert.That(row.Findings, Is.Empty);
        });
    }

    [Test]
    public async Task A_grant_the_day_before_Thanksgiving_disclosed_the_day_after_the_due_date_is_late_in_the_register()
    {
        var late = await Requested(Db);
        var onTime = await Requested(Db);
        Db.Clock.Advance(TimeSpan.FromDays(280)); // 7 December 2026: the Board's decisions are recorded after the meeting
        foreach (var id in new[] { late, onTime })
        {
            await Db.SendAs(Cast.Director, new DecideWaiver(id, true, new DateOnly(2026, 11, 25), Rationale));
        }

        var lateDisclosure = await Db.SendAs(Cast.GeneralCounsel, new RecordWaiverDisclosure(late, new DateOnly(2026, 12, 3), "8-K"));
        var onTimeDisclosure = await Db.SendAs(Cast.GeneralCounsel, new RecordWaiverDisclosure(onTime, new DateOnly(2026, 12, 2), "8-K"));
        var rows = await Db.SendAs(Cast.GeneralCounsel, new ListWaivers());

        Assert.Multiple(() =>
        {
            Assert.That(lateDisclosure.DisclosureDue, Is.EqualTo(new DateOnly(2026, 12, 2)));
            Assert.That(lateDisclosure.Late, Is.True);
            Assert.That(onTimeDisclosure.Late, Is.False);
            Assert.That(rows.Single(r => r.WaiverId == late).Late, Is.True);
            Assert.That(rows.Single(r => r.WaiverId == late).Findings.Select(f => f.Code), Is.EqualTo(new[] { "DisclosedLate" }));
            Assert.That(rows.Single(r => r.WaiverId == onTime).Late, Is.False);
            Assert.That(rows.Single(r => r.WaiverId == onTime).Findings, Is.Empty);
        });
    }

    [Test]
    public async Task A_granted_waiver_left_undisclosed_past_its_due_date_is_late_and_overdue()
    {
        var id = await Requested(Db);
        await Db.SendAs(Cast.Director, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale));
        Db.Clock.Advance(TimeSpan.FromDays(5)); // Saturday 7 March, the day after the due date

        var row = (await Db.SendAs(Cast.GeneralCounsel, new ListWaivers())).Single();

        Assert.Multiple(() =>
        {
            Assert.That(row.State, Is.EqualTo(WaiverState.Granted));
            Assert.That(row.Disclosed, Is.Null);
            Assert.That(row.Late, Is.True);
            Assert.That(row.Findings.Single().Code, Is.EqualTo("DisclosureOverdue"));
        });
    }

    [Test]
    public async Task A_website_posting_taken_down_before_twelve_months_is_recorded_with_a_warning_and_a_finding()
    {
        var early = await Requested(Db);
        var kept = await Requested(Db);
        foreach (var id in new[] { early, kept })
        {
            await Db.SendAs(Cast.Director, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale));
        }

        Db.Clock.Advance(TimeSpan.FromDays(400));
        foreach (var id in new[] { early, kept })
        {
            await Db.SendAs(Cast.GeneralCounsel, new RecordWaiverDisclosure(id, new DateOnly(2026, 3, 4), "website", "https://investors.example.com/waivers/1"));
        }

        var removedEarly = await Db.SendAs(Cast.GeneralCounsel, new RecordWaiverPostingRemoval(early, new DateOnly(2027, 3, 3)));
        var removedOnTime = await Db.SendAs(Cast.GeneralCounsel, new RecordWaiverPostingRemoval(kept, new DateOnly(2027, 3, 4)));
        var rows = await Db.SendAs(Cast.AuditMember, new ListWaivers());

        Assert.Multiple(() =>
        {
            Assert.That(removedEarly.RemovedEarly, Is.True);
            Assert.That(removedEarly.KeepPostedUntil, Is.EqualTo(new DateOnly(2027, 3, 4)));
            Assert.That(removedEarly.Warning, Does.Contain("before twelve months"));
            Assert.That(removedOnTime.RemovedEarly, Is.False);
            Assert.That(removedOnTime.Warning, Is.Null);
            Assert.That(rows.Single(r => r.WaiverId == early).Findings.Select(f => f.Code), Is.EqualTo(new[] { "PostingRemovedEarly" }));
            Assert.That(rows.Single(r => r.WaiverId == kept).Findings, Is.Empty);
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new RecordWaiverDisclosure(early, new DateOnly(2026, 3, 5), "website")),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("address"));
        });
    }

    [Test]
    public async Task Officers_and_the_General_Counsel_do_not_decide_and_a_denial_has_nothing_to_disclose()
    {
        var id = await Requested(Db);

        Assert.Multiple(async () =>
        {
            Assert.That(() => Db.SendAs(Cast.Cfo, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale)), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale)), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.AuditMember, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale)), Throws.TypeOf<ForbiddenException>(),
                "the Audit Committee needs a designation");
            Assert.That(() => Db.SendAs(Cast.Director, new DecideWaiver(id, true, new DateOnly(2026, 3, 3), Rationale)),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("future"));
            var denied = await Db.SendAs(Cast.Director, new DecideWaiver(id, false, new DateOnly(2026, 3, 2), "Too close to the audit"));
            Assert.That(denied.State, Is.EqualTo(WaiverState.Denied));
            Assert.That(denied.DisclosureDue, Is.Null);
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new RecordWaiverDisclosure(id, new DateOnly(2026, 3, 2), "8-K")), Throws.TypeOf<ConflictException>());
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new GetWaiverDisclosureDraft(id)), Throws.TypeOf<ConflictException>());
        });
    }

    [Test]
    public async Task The_person_the_waiver_is_for_gets_not_found_for_it_even_as_a_Board_member_and_sees_only_their_own()
    {
        var ceos = await Requested(Db, Ceo);
        var whitakers = await Requested(Db);

        Assert.Multiple(async () =>
        {
            Assert.That(() => Db.SendAs(Ceo, new DecideWaiver(ceos, true, new DateOnly(2026, 3, 2), Rationale)), Throws.TypeOf<NotFoundException>());
            Assert.That(() => Db.SendAs(Ceo, new GetWaiverDisclosureDraft(ceos)), Throws.TypeOf<NotFoundException>());
            Assert.That(() => Db.SendAs(Whitaker, new DecideWaiver(ceos, true, new DateOnly(2026, 3, 2), Rationale)), Throws.TypeOf<ForbiddenException>(),
                "a subject of one waiver is an officer without authority over another");
            Assert.That((await Db.SendAs(Whitaker, new ListWaivers())).Select(r => r.WaiverId), Is.EqualTo(new[] { whitakers }));
            Assert.That(await Db.SendAs(Cast.Controller, new ListWaivers()), Is.Empty, "an officer with no waiver sees none");
            Assert.That(await Db.SendAs(Cast.Admin, new ListWaivers()), Is.Empty);
            Assert.That((await Db.SendAs(Cast.GeneralCounsel, new ListWaivers())).Select(r => r.WaiverId), Is.EquivalentTo(new[] { ceos, whitakers }));
            // Another Board member decides the CEO's waiver.
            Assert.That((await Db.SendAs(Cast.Director, new DecideWaiver(ceos, true, new DateOnly(2026, 3, 2), Rationale))).State, Is.EqualTo(WaiverState.Granted));
        });
    }

    [Test]
    public async Task Only_an_officer_for_themselves_or_the_General_Counsel_asks_and_only_for_an_officer()
    {
        var onBehalf = await Requested(Db, Whitaker, asker: Cast.GeneralCounsel);

        Assert.Multiple(async () =>
        {
            Assert.That((await Db.SendAs(Whitaker, new ListWaivers())).Single().WaiverId, Is.EqualTo(onBehalf), "asked on their behalf, still theirs");
            Assert.That(() => Requested(Db, Whitaker, asker: Cast.Controller), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Requested(Db, Cast.Director, asker: Cast.GeneralCounsel), Throws.TypeOf<ValidationFailedException>().With.Message.Contains("not an officer"));
            Assert.That(() => Requested(Db, Whitaker, asker: Cast.Director), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Whitaker, new RequestWaiver(Whitaker, "", "")), Throws.TypeOf<ValidationFailedException>()
                .With.Property(nameof(ValidationFailedException.Errors)).Matches<IReadOnlyDictionary<string, string[]>>(e => e.ContainsKey("provision") && e.ContainsKey("reason")));
        });
    }

    [Test]
    public async Task The_Audit_Committee_decides_as_a_designee_while_the_designation_is_in_force_and_not_the_day_after()
    {
        var designation = await Db.SendAs(Chair, new RecordDesignation(null, true, ["waivers"], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2),
            new DateOnly(2026, 2, 27)));
        var first = await Requested(Db);
        var second = await Requested(Db);
        Db.Clock.Advance(TimeSpan.FromDays(1)); // 3 March: the designation has expired

        var onTheLastDay = await Db.SendAs(Cast.AuditMember, new DecideWaiver(first, true, new DateOnly(2026, 3, 2), Rationale));

        Assert.Multiple(async () =>
        {
            Assert.That(onTheLastDay.DecidedAs, Is.EqualTo(WaiverDecisionBasis.Designee));
            Assert.That(onTheLastDay.DesignationId, Is.EqualTo(designation.DesignationId));
            Assert.That(() => Db.SendAs(Cast.AuditMember, new DecideWaiver(second, true, new DateOnly(2026, 3, 3), Rationale)),
                Throws.TypeOf<ForbiddenException>().With.Message.Contains("2026-03-03"));
            var stored = await Db.Read(db => db.Waivers.SingleAsync(w => w.Id == first));
            Assert.That((stored.DecidedAs, stored.DesignationId), Is.EqualTo((WaiverDecisionBasis.Designee, (Guid?)designation.DesignationId)));
        });
    }

    [Test]
    public async Task A_person_designated_by_name_decides_waivers_and_a_designation_for_determinations_only_does_not_let_them()
    {
        await Db.SendAs(Chair, new RecordDesignation(OutsideCounsel, false, ["determinations"], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
            new DateOnly(2026, 3, 1)));
        var id = await Requested(Db);

        Assert.That(() => Db.SendAs(OutsideCounsel, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale)), Throws.TypeOf<ForbiddenException>());

        await Db.SendAs(Chair, new RecordDesignation(OutsideCounsel, false, ["waivers"], new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31),
            new DateOnly(2026, 3, 2)));
        var decided = await Db.SendAs(OutsideCounsel, new DecideWaiver(id, false, new DateOnly(2026, 3, 2), "Not in the Company's interest"));
        var register = await Db.SendAs(OutsideCounsel, new ListWaivers());

        Assert.Multiple(() =>
        {
            Assert.That(decided.DecidedAs, Is.EqualTo(WaiverDecisionBasis.Designee));
            Assert.That(decided.DecidedBy, Is.EqualTo(OutsideCounsel));
            Assert.That(register, Has.Count.EqualTo(1), "a designee in force reviews the register");
        });
    }

    [Test]
    public async Task The_draft_names_the_person_and_the_Board_and_its_PDF_reads_back()
    {
        var id = await Requested(Db);
        await Db.SendAs(Cast.Director, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale));

        var draft = await Db.SendAs(Cast.GeneralCounsel, new GetWaiverDisclosureDraft(id, "8-K", Pdf: true));
        var website = await Db.SendAs(Cast.AuditMember, new GetWaiverDisclosureDraft(id, "website"));
        var pdf = PdfText.Of(draft.Pdf!);

        Assert.Multiple(async () =>
        {
            Assert.That(PdfText.Flatten(draft.Text), Does.Contain("On March 2, 2026, Alto Ingredients, Inc. (the \"Company\"), acting through its Board of Directors, " +
                "granted Jordan Whitaker, the Company's Chief Financial Officer, a waiver"));
            Assert.That(draft.Text, Does.Contain("File on EDGAR by March 6, 2026"));
            Assert.That(pdf, Does.Contain("granted Jordan Whitaker, the Company's Chief Financial Officer, a waiver"));
            Assert.That(pdf, Does.Contain("Pacific Grain Cooperative"));
            Assert.That(website.Pdf, Is.Null);
            Assert.That(website.Text, Does.Contain("Posted [date of posting]."));
            Assert.That(() => Db.SendAs(Cast.Cfo, new GetWaiverDisclosureDraft(id)), Throws.TypeOf<ForbiddenException>());
            Assert.That(await Db.Read(db => db.AuditEvents.CountAsync(e => e.Action == "WaiverDraftGenerated")), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_designee_draft_says_who_acted_for_the_Board()
    {
        await Db.SendAs(Chair, new RecordDesignation(null, true, ["both"], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 2, 26)));
        var id = await Requested(Db);
        await Db.SendAs(Cast.AuditMember, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale));

        var draft = await Db.SendAs(Cast.GeneralCounsel, new GetWaiverDisclosureDraft(id));

        Assert.That(PdfText.Flatten(draft.Text), Does.Contain(
            "acting through the Audit Committee of its Board of Directors, designated by the Board of Directors on February 26, 2026, granted Jordan Whitaker"));
    }

    [Test]
    public async Task Every_step_is_audited_with_ids_dates_and_hashes_but_never_the_narrative()
    {
        var id = await Requested(Db);
        await Db.SendAs(Cast.Director, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), Rationale));
        Db.Clock.Advance(TimeSpan.FromDays(1));
        await Db.SendAs(Cast.GeneralCounsel, new RecordWaiverDisclosure(id, new DateOnly(2026, 3, 3), "website", "https://investors.example.com/w"));
        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new RecordWaiverPostingRemoval(id, new DateOnly(2026, 3, 2))),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("before it went up"));

        var events = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == null && e.Action.StartsWith("Waiver")).OrderBy(e => e.Id).ToListAsync());
        var stored = await Db.Read(db => db.Waivers.SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Action), Is.EqualTo(new[] { "WaiverRequested", "WaiverDecided", "WaiverDisclosed" }),
                "the removal before the posting went up was refused");
            Assert.That(events.Select(e => e.Data), Has.None.Contains("Pacific Grain"));
            Assert.That(events.Select(e => e.Data), Has.None.Contains("one percent"));
            Assert.That(events.Select(e => e.Reason), Has.All.Null);
            Assert.That(events[0].Data, Does.Contain(TextHash.Of(stored.Reason)));
            Assert.That(events[1].Data, Does.Contain(TextHash.Of(Rationale)).And.Contain("\"disclosureDue\":\"2026-03-06\""));
            Assert.That(stored.Reason, Does.Contain("Pacific Grain"), "the texts stay on the waiver row");
        });
    }
}
