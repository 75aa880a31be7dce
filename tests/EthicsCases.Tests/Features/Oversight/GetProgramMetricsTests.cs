using EthicsCases.Data;
using System.Text.Json;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Oversight;
using EthicsCases.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.Oversight;

public sealed class GetProgramMetricsTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 6, 30);

    [Test]
    public async Task Metrics_over_the_whole_stack_match_the_hand_computed_program()
    {
        await OversightScenario.RunAsync(Db);

        var m = await Db.SendAs(Cast.AuditChair, new GetProgramMetrics(From, To));

        Assert.Multiple(() =>
        {
            Assert.That((m.FirstQuarter, m.LastQuarter), Is.EqualTo((new Quarter(2026, 1), new Quarter(2026, 2))));
            Assert.That(m.Reports, Is.EqualTo(4));
            Assert.That(m.AnonymousReports, Is.EqualTo(1));
            Assert.That(m.AnonymousShare, Is.EqualTo(0.25));
            Assert.That(m.AnonymousFollowUpRate, Is.EqualTo(1.0), "the anonymous reporter wrote back");
            Assert.That(m.Closed, Is.EqualTo(3));
            Assert.That(m.SubstantiationRate, Is.EqualTo(0.5), "one violation of two findings; the dismissal is left out");
            Assert.That(m.MedianDaysToClose, Is.EqualTo(10), "2, 10 and 20 days");
            Assert.That(m.P90DaysToClose, Is.EqualTo(20));
            Assert.That(m.Outcomes[CaseOutcome.ViolationFound], Is.EqualTo(1));
            Assert.That(m.Outcomes[CaseOutcome.NoViolationFound], Is.EqualTo(1));
            Assert.That(m.Outcomes[CaseOutcome.Dismissed], Is.EqualTo(1));
            Assert.That(m.Sanctions[Sanction.WrittenNotice], Is.EqualTo(1));
            Assert.That(m.ByQuarter.Select(q => q.Reports), Is.EqualTo(new[] { 3, 1 }));
            Assert.That(m.ByQuarter.Select(q => q.Closed), Is.EqualTo(new[] { 3, 0 }));
            Assert.That(m.ByCategory.Single(c => c.Category == ConcernCategory.Fraud).Reports, Is.EqualTo(2));
            Assert.That(m.DeadlinesMetOnTime[DeadlineKind.Triage].MetOnTime, Is.EqualTo(3), "A, B and C left intake in time");
            Assert.That(m.DeadlinesMetOnTime[DeadlineKind.BoardDetermination].MetOnTime, Is.EqualTo(1));
            Assert.That(m.Benchmarks.Label, Is.EqualTo(NavexBenchmarks.Current.Label));
        });
    }

    [Test]
    public async Task A_viewer_named_in_a_case_does_not_count_it_and_each_role_counts_what_it_reviews()
    {
        await OversightScenario.RunAsync(Db);

        var member = await Db.SendAs(Cast.AuditMember, new GetProgramMetrics(From, To));
        var counsel = await Db.SendAs(Cast.GeneralCounsel, new GetProgramMetrics(From, To));
        var director = await Db.SendAs(Cast.Director, new GetProgramMetrics(From, To));

        Assert.Multiple(() =>
        {
            Assert.That((member.Reports, member.Closed), Is.EqualTo((3, 2)), "B names the member");
            Assert.That(member.SubstantiationRate, Is.EqualTo(1.0));
            Assert.That(member.MedianDaysToClose, Is.EqualTo(6), "2 and 10 days");
            Assert.That((counsel.Reports, counsel.Closed, counsel.SubstantiationRate), Is.EqualTo((1, 1, (double?)0.0)), "only B is routed to the General Counsel");
            Assert.That((director.Reports, director.Closed, director.SubstantiationRate), Is.EqualTo((1, 1, (double?)1.0)), "only A went to the Board");
        });
    }

    [Test]
    public async Task Maintained_buckets_equal_a_live_computation_after_filings_closures_reopening_and_a_rebuild()
    {
        var s = await OversightScenario.RunAsync(Db);
        Db.Clock.Advance(TimeSpan.FromDays(3));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(s.A.Reference, "Reopen", "New evidence."));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(s.D.Reference, "Dismiss", "Duplicate of A."));

        string[] viewers = [Cast.AuditChair, Cast.AuditMember, Cast.GeneralCounsel, Cast.Director];
        foreach (var viewer in viewers)
        {
            Assert.That(await Maintained(viewer), Is.EqualTo(await Live(viewer)), $"maintained vs live for {viewer}");
        }

        var reopened = await Db.SendAs(Cast.AuditChair, new GetProgramMetrics(From, To));
        Assert.That((reopened.Closed, reopened.Outcomes[CaseOutcome.ViolationFound]), Is.EqualTo((3, 0)), "A is open again; D was dismissed");

        var before = await Maintained(Cast.AuditChair);
        var rebuilt = await Db.SendAs(null, new RebuildMetrics());
        Assert.Multiple(async () =>
        {
            Assert.That(rebuilt.Cases, Is.EqualTo(4));
            Assert.That(await Maintained(Cast.AuditChair), Is.EqualTo(before), "a rebuild finds what was maintained");
            foreach (var viewer in viewers)
            {
                Assert.That(await Maintained(viewer), Is.EqualTo(await Live(viewer)), $"after the rebuild, for {viewer}");
            }
        });
    }

    [Test]
    public void Dates_out_of_order_are_rejected_naming_the_field()
    {
        var e = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.AuditChair, new GetProgramMetrics(To, From)));
        Assert.That(e!.Errors.Keys.Select(k => k.ToLowerInvariant()), Does.Contain("to"));
    }

    [Test]
    public void Officers_may_not_read_program_metrics()
    {
        Assert.That(() => Db.SendAs(Cast.Cfo, new GetProgramMetrics()), Throws.TypeOf<ForbiddenException>());
    }

    private async Task<string> Maintained(string viewer) =>
        JsonSerializer.Serialize(await Db.SendAs(viewer, new GetProgramMetrics(From, To)));

    private async Task<string> Live(string viewer)
    {
        await using var scope = Db.Scope(viewer);
        var db = scope.ServiceProvider.GetRequiredService<EthicsCases.Data.EthicsDbContext>();
        var person = await Db.Read(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(d.People, p => p.Email == viewer));
        var buckets = await MetricsLedger.ComputeLiveAsync(db, person, Quarter.Of(From), Quarter.Of(To), CancellationToken.None);
        return JsonSerializer.Serialize(ProgramMetrics.From(buckets, null, From, To));
    }
}
