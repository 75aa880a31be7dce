using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Demo;
using EthicsCases.Features.Oversight;
using EthicsCases.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.Demo;

/// <summary>
/// The bulk seeder against what the application itself would say about its rows: the record verifies (chains, MACs,
/// sealed reasons), every sealed field opens, and the metrics it wrote equal a recount from the stored rows.
/// </summary>
public sealed class SeedDemoTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task A_seed_of_several_batches_verifies_opens_and_counts_exactly_what_a_recount_gives_also_on_top_of_an_earlier_seed()
    {
        // 2,345 cases are three batches of the writer, the last one partial.
        var first = await Db.SendAs(Cast.Admin, new SeedDemo(2_345, Seed: 3));
        var afterFirst = await MetricsAsync();
        var recountedFirst = await RecountAsync();
        var verifiedFirst = await Db.SendAs(null, new VerifyAudit());

        // On a database that has cases, the seeder counts through the recount instead.
        var second = await Db.SendAs(Cast.Admin, new SeedDemo(1_100, Seed: 4));
        var afterSecond = await MetricsAsync();
        var recountedSecond = await RecountAsync();
        var verified = await Db.SendAs(null, new VerifyAudit());

        var cases = await Db.Read(db => db.Cases.Include(c => c.History).ToListAsync());
        var determinations = await Db.Read(db => db.Determinations.ToListAsync());
        var advice = await Db.Read(db => db.PriorAdvice.ToListAsync());
        var events = await Db.Read(db => db.AuditEvents.CountAsync());
        var references = cases.Select(c => c.Reference).ToList();

        Assert.Multiple(() =>
        {
            Assert.That((first.Cases, second.Cases), Is.EqualTo((2_345, 1_100)));
            Assert.That(cases, Has.Count.EqualTo(3_445));
            Assert.That(references.Distinct().Count(), Is.EqualTo(3_445), "references never repeat across seeds");
            Assert.That(verifiedFirst.Problems, Is.Empty, "the record verifies after the first seed");
            Assert.That(verified.Problems, Is.Empty, "and after the second");
            Assert.That(verified.Events, Is.EqualTo(events));
            Assert.That(cases.Select(c => c.Summary), Is.All.Not.Empty, "every case's summary opens");
            Assert.That(cases.Select(c => c.Details), Is.All.Not.Empty, "and its details");
            Assert.That(cases.SelectMany(c => c.History).Where(e => e.Action == "Dismiss").Select(e => e.Reason), Is.All.Not.Empty, "sealed reasons open");
            Assert.That(determinations.Select(d => d.Rationale), Is.All.Not.Empty);
            Assert.That(determinations, Has.Count.GreaterThan(50));
            Assert.That(advice.Select(a => a.Summary), Is.All.Not.Empty);
            Assert.That(advice, Is.Not.Empty);
            Assert.That(afterFirst.Facts, Has.Count.EqualTo(2_345));
            Assert.That(afterFirst, Is.EqualTo(recountedFirst).Using<Metrics>(Same), "the first seed's metrics are what a recount gives");
            Assert.That(afterSecond.Facts, Has.Count.EqualTo(3_445));
            Assert.That(afterSecond, Is.EqualTo(recountedSecond).Using<Metrics>(Same), "and the second's");
        });
    }

    [Test]
    public async Task The_seed_leaves_the_database_settings_as_it_found_them()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            Assert.Ignore("The bulk-load PRAGMAs are SQLite's.");
        }

        await Db.SendAs(Cast.Admin, new SeedDemo(1_200, Seed: 5));

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection(Db.Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"), "the load ran without WAL and put it back");
    }

    private sealed record Metrics(List<string> Buckets, List<string> Facts);

    private static bool Same(Metrics a, Metrics b) => a.Buckets.SequenceEqual(b.Buckets) && a.Facts.SequenceEqual(b.Facts);

    private Task<Metrics> MetricsAsync() => Db.Read(async db => new Metrics(
        (await db.MetricsBuckets.AsNoTracking().Select(b => new { b.Quarter, b.Category, b.RoutingClass, b.Json }).ToListAsync())
            .Select(b => $"{b.Quarter} {b.Category} {b.RoutingClass} {b.Json}").Order(StringComparer.Ordinal).ToList(),
        (await db.MetricsCaseFacts.AsNoTracking().Select(f => new { f.CaseId, f.RoutingClass, f.Json }).ToListAsync())
            .Select(f => $"{f.CaseId} {f.RoutingClass} {f.Json}").Order(StringComparer.Ordinal).ToList()));

    // The recount from the stored rows (what `ethics report rebuild-metrics` does), rolled back so the seed's own stay.
    private async Task<Metrics> RecountAsync()
    {
        await using var scope = Db.Scope(null);
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await MetricsLedger.RebuildAsync(db, CancellationToken.None);
        var buckets = (await db.MetricsBuckets.AsNoTracking().Select(b => new { b.Quarter, b.Category, b.RoutingClass, b.Json }).ToListAsync())
            .Select(b => $"{b.Quarter} {b.Category} {b.RoutingClass} {b.Json}").Order(StringComparer.Ordinal).ToList();
        var facts = (await db.MetricsCaseFacts.AsNoTracking().Select(f => new { f.CaseId, f.RoutingClass, f.Json }).ToListAsync())
            .Select(f => $"{f.CaseId} {f.RoutingClass} {f.Json}").Order(StringComparer.Ordinal).ToList();
        await transaction.RollbackAsync();
        return new Metrics(buckets, facts);
    }
}
