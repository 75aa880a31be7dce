using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Oversight;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Benchmarks;

/// <summary>
/// <c>GetProgramMetrics</c> over ten years (40 quarters) of a program of <see cref="Cases"/> cases, against a raw
/// baseline: one SQL query summing the same bucket rows with <c>json_extract</c>. Seeding a million cases through the
/// workflow takes far too long on the shared machine, so the bucket table is seeded directly with the buckets those
/// cases produce: every fact is generated and added with <see cref="MetricsBucket.Add"/> into its quarter × category ×
/// routing class (960 rows), exactly as the maintained path would leave them. Target: under 1 s.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private const string Viewer = "ac.chair@bench.example";
    private static readonly Quarter First = new(2017, 1);
    private static readonly Quarter Last = new(2026, 4);
    private string _file = "";
    private ServiceProvider _services = null!;

    /// <summary>Cases the buckets count.</summary>
    [Params(1_000_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public async Task SeedBuckets()
    {
        _file = Path.Combine(Path.GetTempPath(), $"ethics-metrics-bench-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddEthicsCases(configuration, DatabaseSettings.FromConnection(_file)).BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        await DatabaseMigrator.MigrateAsync(db);
        db.People.Add(new Person(Guid.NewGuid(), Viewer, "Bench Chair", "Audit Committee Chair", [Role.AuditCommittee, Role.Board]));

        var random = new Random(11);
        var quarters = Quarter.Range(First, Last);
        var categories = Enum.GetValues<ConcernCategory>();
        var buckets = new Dictionary<(MetricsBucketKey, RoutingClass), MetricsBucket>();
        for (var i = 0; i < Cases; i++)
        {
            var quarter = quarters[random.Next(quarters.Count)];
            var filed = quarter.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(random.Next(24 * 90));
            var closed = random.NextDouble() < 0.8 ? filed.AddDays(random.Next(0, 200)) : (DateTime?)null;
            var outcome = closed is null ? (CaseOutcome?)null : (CaseOutcome)random.Next(3);
            var anonymous = random.NextDouble() < 0.5;
            var fact = new CaseFact(filed, random.NextDouble() < 0.3 ? DateOnly.FromDateTime(filed).AddDays(-random.Next(60)) : null,
                categories[random.Next(categories.Length)], anonymous, anonymous && random.NextDouble() < 0.3, closed, outcome,
                outcome == CaseOutcome.ViolationFound ? [(Sanction)random.Next(6)] : [],
                [new DeadlineResult(DeadlineKind.Triage, random.NextDouble() < 0.9 ? DeadlineStatus.MetOnTime : DeadlineStatus.MetLate)],
                random.NextDouble() < 0.02);
            var routing = RoutingClasses.All[random.Next(4)];
            foreach (var key in MetricsBucket.KeysFor(fact).Where(k => k.Quarter <= Last))
            {
                if (!buckets.TryGetValue((key, routing), out var bucket))
                {
                    buckets[(key, routing)] = bucket = new MetricsBucket(key);
                }

                bucket.Add(fact);
            }
        }

        db.MetricsBuckets.AddRange(buckets.Select(b => new MetricsBucketRow(b.Key.Item1.Quarter.ToString(), b.Key.Item1.Category, b.Key.Item2, b.Value.ToJson())));
        await db.SaveChangesAsync();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    /// <summary>The same sum, one raw query: reports and closed cases over every bucket of the range.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> RawSqlSum()
    {
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT SUM(json_extract("Json", '$.reports')) + SUM(json_extract("Json", '$.closed'))
            FROM "MetricsBuckets" WHERE "Quarter" >= $from AND "Quarter" <= $to
            """;
        command.Parameters.AddWithValue("$from", First.ToString());
        command.Parameters.AddWithValue("$to", Last.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The whole query as the page, API and CLI send it: authorization, buckets, recusal, every measure.</summary>
    [Benchmark]
    public async Task<int> GetProgramMetrics()
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = Viewer;
        var metrics = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new GetProgramMetrics(First.FirstDay, Last.LastDay));
        return metrics.Reports;
    }
}
