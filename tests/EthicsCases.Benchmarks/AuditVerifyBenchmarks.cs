using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EthicsCases.Common;
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
/// MAC'd) against two raw baselines in the same run, each a plain <see cref="SqliteDataReader"/> that SHA-256s every byte
/// it reads: the event rows alone in sequence order (the baseline issue 8 was first measured against), and every row and
/// column verify itself reads (events, data keys, cases, subjects, messages, documents, determinations, prior advice,
/// the directory): the same bytes. Issue 8's goal: verify at 50% or more of the raw throughput over the same bytes.
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
            // The first seed brings the directory; later ones are an Administrator's.
            scope.ServiceProvider.GetRequiredService<ActorContext>().Email = $"admin@{SeedDemoHandler.Domain}";
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
            HashRow(reader, sha, digest);
            rows++;
        }

        return rows;
    }

    private static readonly string[] SameBytes =
    [
        $"SELECT {Columns} FROM \"AuditEvents\" ORDER BY \"Seq\"",
        "SELECT \"OwnerId\", \"KekId\", \"Wrapped\" FROM \"DataKeys\"",
        """
        SELECT "Id", "Reference", "Category", "State", "Outcome", "RoutedToGeneralCounsel", "RoutedToAuditCommittee", "GeneralCounselRecused", "ReporterId",
            "FiledAt", "UpdatedAt", "ClosedAt", "ReferredToBoard", "LastAuditHash", "Summary", "Details", "ContentPurgedAt", "IncidentDate", "AcknowledgedAt",
            "FeedbackGivenAt", "AcceptedAt", "LeftIntakeAt", "DeterminationRequestedAt", "DeterminedAt"
        FROM "Cases"
        """,
        "SELECT \"CaseId\", \"PersonId\" FROM \"CaseSubjects\"",
        "SELECT \"Id\", \"CaseId\", \"Text\", \"PurgedAt\", \"SharedWithReporter\", \"FromReporter\" FROM \"CaseMessages\"",
        "SELECT \"Id\", \"CaseId\", \"FileName\", \"Content\", \"Sha256\", \"Length\", \"ContentType\", \"PurgedAt\" FROM \"EvidenceFiles\"",
        "SELECT * FROM \"Determinations\"",
        "SELECT * FROM \"PriorAdvice\"",
        "SELECT * FROM \"People\"",
    ];

    private static void HashRow(SqliteDataReader reader, IncrementalHash sha, byte[] digest)
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
    }

    /// <summary>Every row and column verify reads, each byte SHA-256'd: the raw cost of the same bytes.</summary>
    [Benchmark]
    public async Task<long> RawReadAndSha256OfTheSameBytes()
    {
        await using var connection = new SqliteConnection($"Data Source={_file};Mode=ReadOnly");
        await connection.OpenAsync();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var digest = new byte[32];
        long rows = 0;
        foreach (var query in SameBytes)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                HashRow(reader, sha, digest);
                rows++;
            }
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
