using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EthicsCases.Data;
using EthicsCases.Features.Demo;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Benchmarks;

/// <summary>
/// <c>ethics demo seed</c> (build every case through the real workflow, seal its content, chain and MAC its audit
/// record, write it) against a raw baseline in the same run: the very rows that seed produces, in every table it fills
/// (data keys and metric buckets included), written by hand-made prepared SQLite INSERTs in one transaction into an
/// identical empty database. The ratio says what generation, the workflow, sealing and hashing cost on top of the
/// writes themselves. Issue 10's goal: at most 1.5×.
/// </summary>
/// <remarks>
/// In process, one cold iteration after another (a seed of a million cases is one long operation, not a micro-benchmark).
/// Sizes and iterations come from the environment so that a large run needs no edit:
/// <c>ETHICS_SEED_CASES=10000,100000 ETHICS_SEED_ITERATIONS=3 dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*DemoSeed*'</c>.
/// </remarks>
[Config(typeof(SeedConfig))]
[MemoryDiagnoser]
public class DemoSeedBenchmarks
{
    // Foreign keys are on, as in the app: parents before children.
    private static readonly string[] ParentsFirst = ["People", "ReferenceCounters", "DataKeys", "Cases", "CaseSubjects", "AuditEvents", "Determinations", "PriorAdvice"];

    private readonly List<(string Table, string[] Columns, List<object?[]> Rows)> _rows = [];
    private string _target = "";

    /// <summary>Cases per seed.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Cases { get; set; }

    public static IEnumerable<int> Sizes() =>
        (Environment.GetEnvironmentVariable("ETHICS_SEED_CASES") ?? "10000").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);

    // Synchronous: the in-process toolchain does not wait for an asynchronous global setup.
    [GlobalSetup]
    public void CaptureTheRowsSeedWrites() => CaptureAsync().GetAwaiter().GetResult();

    private async Task CaptureAsync()
    {
        _rows.Clear();
        var empty = await FreshDatabaseAsync();
        var source = await FreshDatabaseAsync();
        await SeedAsync(source);
        var alreadyFilled = (await TablesAsync(empty)).Where(t => t.Rows > 0).Select(t => t.Name).ToHashSet();
        await using var connection = new SqliteConnection($"Data Source={source}");
        await connection.OpenAsync();
        // Every table the seed fills; a table a fresh database already has rows in (the record's head) is left out.
        foreach (var (table, _) in (await TablesAsync(source)).Where(t => t.Rows > 0 && !alreadyFilled.Contains(t.Name))
            .OrderBy(t => Array.IndexOf(ParentsFirst, t.Name) is var i and >= 0 ? i : ParentsFirst.Length))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync())
            {
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                rows.Add(values);
            }

            _rows.Add((table, columns, rows));
        }

        Console.WriteLine($"// Raw baseline rows: {string.Join(", ", _rows.Select(r => $"{r.Table} {r.Rows.Count:N0}"))}");
        File.Delete(empty);
        File.Delete(source);
    }

    [IterationSetup]
    public void EmptyDatabase() => _target = FreshDatabaseAsync().GetAwaiter().GetResult();

    [IterationCleanup]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_target);
    }

    [Benchmark(Baseline = true)]
    public Task RawInsertOfTheSameRows() => RawInsertAsync(bulkSettings: false);

    /// <summary>The raw inserts with the seeder's bulk-load settings (no fsync, journal in memory, a large cache).</summary>
    [Benchmark]
    public Task RawInsertWithBulkSettings() => RawInsertAsync(bulkSettings: true);

    private async Task RawInsertAsync(bool bulkSettings)
    {
        await using var connection = new SqliteConnection($"Data Source={_target};Foreign Keys=True");
        await connection.OpenAsync();
        if (bulkSettings)
        {
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;";
            await pragmas.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction();
        foreach (var (table, columns, rows) in _rows)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    [Benchmark]
    public Task SeedDemo() => SeedAsync(_target);

    private async Task SeedAsync(string file)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddEthicsCases(configuration, DatabaseSettings.FromConnection(file)).BuildServiceProvider();
        await using (services)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SeedDemo(Cases, Seed: 1));
        }
    }

    private static async Task<List<(string Name, long Rows)>> TablesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new List<(string, long)>();
        foreach (var name in names)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{name}\"";
            tables.Add((name, (long)(await count.ExecuteScalarAsync())!));
        }

        return tables;
    }

    private static async Task<string> FreshDatabaseAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ethics-bench-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddEthicsCases(configuration, DatabaseSettings.FromConnection(file)).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
        return file;
    }

    private sealed class SeedConfig : ManualConfig
    {
        public SeedConfig()
        {
            var iterations = int.TryParse(Environment.GetEnvironmentVariable("ETHICS_SEED_ITERATIONS"), out var n) ? n : 3;
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(iterations)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(3), logOutput: true)));
        }
    }
}
