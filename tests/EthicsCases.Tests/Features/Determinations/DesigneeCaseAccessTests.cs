using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Board;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Determinations;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using static EthicsCases.Tests.Features.Waivers.WaiverScenario;

namespace EthicsCases.Tests.Features.Determinations;

/// <summary>
/// A person the Board designated for determinations, holding no role at all (outside counsel), sees and decides the
/// cases awaiting the Board while the designation is in force, and nothing else: not after it ends, not a case naming
/// them, not a case in another state.
/// </summary>
public sealed class DesigneeCaseAccessTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    // The test clock's day (TestDatabase.Clock).
    private static readonly DateOnly Today = new(2026, 3, 2);

    [SetUp]
    public Task People() => AddPeople(Db);

    [Test]
    public async Task A_designee_without_a_role_sees_the_case_awaiting_the_Board_and_determines_it_through_the_command_line()
    {
        var filed = await DeterminationScenario.BeforeTheBoard(Db, Whitaker);
        // The command line runs on the real clock: the designation covers the test clock's day and today.
        await Designate(OutsideCounsel, Today.AddDays(-1), new DateOnly(2199, 12, 31));
        var ethics = new CliHarness(Db);

        var shown = await ethics.Run("case", "show", filed.Reference, "--as", OutsideCounsel, "--json");
        var listed = await ethics.Run("case", "list", "--as", OutsideCounsel, "--json");
        var determined = await ethics.Run("case", "determine", filed.Reference, "--as", OutsideCounsel, "--violation", "yes", "--severity", "1",
            "--occurrences", "1", "--intent", "inadvertent", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(shown.Json.GetProperty("state").GetString(), Is.EqualTo("BoardDetermination"));
            Assert.That(shown.Json.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()), Does.Contain("RecordDetermination"),
                "offered the determination");
            Assert.That(ListedReferences(listed), Is.EqualTo(new[] { filed.Reference }));
            Assert.That(determined.Json.GetProperty("state").GetString(), Is.EqualTo("Closed"));
            Assert.That(determined.Json.GetProperty("decidedAs").GetString(), Is.EqualTo("Designee"));
        });
    }

    [Test]
    public async Task A_designee_is_refused_the_day_after_the_designation_ends()
    {
        var filed = await DeterminationScenario.BeforeTheBoard(Db, Whitaker);
        await Designate(OutsideCounsel, Today.AddDays(-10), Today);
        var lastDay = await Db.SendAs(OutsideCounsel, new ShowCase(filed.Reference));

        Db.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Multiple(async () =>
        {
            Assert.That(lastDay.State, Is.EqualTo(CaseState.BoardDetermination), "its last day it still works");
            Assert.That(() => Db.SendAs(OutsideCounsel, new ShowCase(filed.Reference)), Throws.TypeOf<NotFoundException>());
            Assert.That(() => Db.SendAs(OutsideCounsel, DeterminationScenario.Minor(filed.Reference) with { MeetingDate = Today }),
                Throws.TypeOf<NotFoundException>(), "the case is invisible before any authority question");
            Assert.That(await Db.SendAs(OutsideCounsel, new ListCases()), Is.Empty);
            Assert.That((await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference))).State, Is.EqualTo(CaseState.BoardDetermination));
        });
    }

    [Test]
    public async Task A_designee_never_sees_a_case_naming_them_as_a_subject()
    {
        var aboutThem = await DeterminationScenario.BeforeTheBoard(Db, OutsideCounsel);
        var other = await DeterminationScenario.BeforeTheBoard(Db, Whitaker);
        await Designate(OutsideCounsel, Today, Today.AddDays(30));

        var listed = await Db.SendAs(OutsideCounsel, new ListCases());

        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(OutsideCounsel, new ShowCase(aboutThem.Reference)), Throws.TypeOf<NotFoundException>());
            Assert.That(() => Db.SendAs(OutsideCounsel, DeterminationScenario.Minor(aboutThem.Reference)), Throws.TypeOf<NotFoundException>());
            Assert.That(listed.Select(c => c.Reference), Is.EqualTo(new[] { other.Reference }));
        });
    }

    [Test]
    public async Task A_designee_sees_no_case_in_another_state_and_keeps_the_ones_they_decided()
    {
        var waiting = await DeterminationScenario.BeforeTheBoard(Db, Whitaker);
        var decidedByCommittee = await DeterminationScenario.BeforeTheBoard(Db, Whitaker);
        var intake = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Petty cash shortfall", null, [Whitaker]));
        var accepted = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Altered invoices", null, [Whitaker]));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(accepted.Reference, "Accept", null));
        await Db.SendAs(Cast.AuditChair, DeterminationScenario.Minor(decidedByCommittee.Reference));
        await Designate(OutsideCounsel, Today, Today.AddDays(30));
        var before = await Db.SendAs(OutsideCounsel, new ListCases());

        await Db.SendAs(OutsideCounsel, DeterminationScenario.Minor(waiting.Reference));
        var after = await Db.SendAs(OutsideCounsel, new ListCases());

        Assert.Multiple(() =>
        {
            Assert.That(before.Select(c => c.Reference), Is.EqualTo(new[] { waiting.Reference }));
            Assert.That(after.Select(c => (c.Reference, c.State)), Is.EqualTo(new[] { (waiting.Reference, CaseState.Closed) }),
                "the case they decided stays in their history; the committee's does not join it");
            foreach (var key in new[] { intake.Reference, accepted.Reference, decidedByCommittee.Reference })
            {
                Assert.That(() => Db.SendAs(OutsideCounsel, new ShowCase(key)), Throws.TypeOf<NotFoundException>(), key);
            }
        });
    }

    [Test]
    public async Task A_designation_of_another_person_or_for_waivers_only_shows_nothing()
    {
        await DeterminationScenario.BeforeTheBoard(Db, Whitaker);
        await Db.SendAs(Chair, new RecordDesignation(OutsideCounsel, false, ["waivers"], Today, Today.AddDays(30), Today));
        await Designate(Cast.Controller, Today, Today.AddDays(30));

        Assert.That(await Db.SendAs(OutsideCounsel, new ListCases()), Is.Empty);
    }

    private async Task Designate(string person, DateOnly from, DateOnly to) =>
        await Db.SendAs(Chair, new RecordDesignation(person, false, [Designations.Name(DesignatedMatter.Determinations)], from, to, from));

    private static IEnumerable<string?> ListedReferences(CliRun run)
    {
        var json = run.Json;
        var items = json.ValueKind == System.Text.Json.JsonValueKind.Array ? json : json.GetProperty("items");
        return items.EnumerateArray().Select(c => c.GetProperty("reference").GetString());
    }
}
