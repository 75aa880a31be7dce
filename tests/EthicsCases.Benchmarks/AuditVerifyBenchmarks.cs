using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EthicsCases.Data;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Demo;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Benchmarks;

/// <summary>
/// <c>ethics audit verify</c> over a record of <see cref="Events"/> events (demo cases seeded through the real ledger: sealed,
/// MAC'd) against a raw baseline in the same run: the same event rows read with a plain <see cref="SqliteDataReader"/> in
/// sequence order and every byte of them SHA-256'd. Issue 8's goal: verify at 50% or more of the baseline's throughput.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class AuditVerifyBenchmarks
{
    private const string Columns = """
        "Seq", "CaseId", "PreviousHash", "At", "ActorId", "Actor", "Channel", "OsUser", "Action", "From", "To", "Reason", "ReasonSha256", "Data", "KeyId", "Hash"
        """;

    private string _folder = "";
    private string _file = "";
    private ServiceProvider _services = null!;

    /// <summary>Events in the record.</summary>
    [Params(1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public async Task SeedTheRecord()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"ethics-verify-bench-{Guid.NewGuid():N}");
        _file = Path.Combine(_folder, "ethics.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = _folder }).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddEthicsCases(configuration, DatabaseSettings.FromConnection(_file)).BuildServiceProvider();
        await using (var scope = _services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
        }

        for (var seed = 1; await CountAsync() < Events; seed++)
        {
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SeedDemo(50_000, Seed: seed));
        }
    }

    [GlobalCleanup]
    public async Task Delete()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Reads every event row in sequence order and hashes all its bytes: what no verifier can beat.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> RawReadAndSha256()
    {
        await using var connection = new SqliteConnection($"Data Source={_file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM \"AuditEvents\" ORDER BY \"Seq\"";
        await using var reader = await command.ExecuteReaderAsync();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var digest = new byte[32];
        long rows = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.IsDBNull(i))
                {
                    continue;
                }

                var value = reader.GetValue(i);
                sha.AppendData(value switch
                {
                    byte[] bytes => bytes,
                    long number => BitConverter.GetBytes(number),
                    _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                });
            }

            sha.GetHashAndReset(digest);
            rows++;
        }

        return rows;
    }

    /// <summary>The real verification, as <c>ethics audit verify</c> runs it.</summary>
    [Benchmark]
    public async Task<long> VerifyAudit()
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new VerifyAudit());
        return result.Valid ? result.Events : throw new InvalidOperationException($"The seeded record does not verify: {result.Problems[0].Detail}");
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"AuditEvents\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
