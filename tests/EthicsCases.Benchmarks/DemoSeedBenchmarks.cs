using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EthicsCases.Data;
using EthicsCases.Features.Demo;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Benchmarks;

/// <summary>
/// <c>ethics demo seed</c> (build every case through the real workflow, hash its audit chain, write it through the EF
/// model) against a raw baseline in the same run: the very rows that seed produces, written by hand-made prepared
/// SQLite INSERTs into an identical empty database. The ratio says what the workflow, hashing and EF cost on top of
/// the writes themselves. Target: 10,000 cases in a few seconds.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class DemoSeedBenchmarks
{
    private static readonly string[] Tables = ["People", "Cases", "CaseSubjects", "AuditEvents", "Determinations", "PriorAdvice", "ReferenceCounters"];
    private readonly Dictionary<string, (string[] Columns, List<object?[]> Rows)> _rows = [];
    private string _target = "";

    /// <summary>Cases per seed.</summary>
    [Params(10_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public async Task CaptureTheRowsSeedWrites()
    {
        var source = await FreshDatabaseAsync();
        await SeedAsync(source);
        await using var connection = new SqliteConnection($"Data Source={source}");
        await connection.OpenAsync();
        foreach (var table in Tables)
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

            _rows[table] = (columns, rows);
        }
    }

    [IterationSetup]
    public void EmptyDatabase() => _target = FreshDatabaseAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task RawInsertOfTheSameRows()
    {
        await using var connection = new SqliteConnection($"Data Source={_target};Foreign Keys=True");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        foreach (var table in Tables)
        {
            var (columns, rows) = _rows[table];
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
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
}
