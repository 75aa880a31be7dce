using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Advice;
using EthicsCases.Features.Anonymous;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Demo;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.Evidence;
using EthicsCases.Features.Messages;
using EthicsCases.Features.People;
using EthicsCases.Security.Keys;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace EthicsCases.Tests.Record;

/// <summary>The hand-made rows of the seeded record that tests aim at.</summary>
internal sealed record SeededFacts(Guid BoardCase, Guid RecusedCase, Guid AnonymousCase, Guid Advice, Guid Determination, IReadOnlyList<Guid> Evidence);

/// <summary>
/// A realistic record (the demo's cases plus hand-made cases with messages, notes, documents, a determination, prior
/// advice and an anonymous report), seeded once per provider and copied for every test: a SQLite file (with its key
/// folder) or a PostgreSQL database created from it as a template.
/// </summary>
internal sealed class SeededRecord
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<DatabaseProvider, SeededRecord> Templates = [];

    private SeededRecord(DatabaseProvider provider, string source, SeededFacts facts)
    {
        Provider = provider;
        Source = source;
        Facts = facts;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The template folder (SQLite) or database connection (PostgreSQL).</summary>
    private string Source { get; }

    public SeededFacts Facts { get; }

    /// <summary>The seeded record of <paramref name="provider"/>, made on first use.</summary>
    public static async Task<SeededRecord> ForAsync(DatabaseProvider provider)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Templates.TryGetValue(provider, out var template))
            {
                template = await SeedAsync(provider);
                Templates[provider] = template;
            }

            return template;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A private copy of the seeded record.</summary>
    public async Task<RecordCopy> CopyAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), $"ethics-record-{Guid.NewGuid():N}");
            CopyDirectory(Source, dir);
            return new RecordCopy(Provider, DatabaseSettings.FromConnection(Path.Combine(dir, "ethics.db")).ConnectionString, dir, Facts);
        }

        var name = $"ethics_{Guid.NewGuid():N}"[..30];
        var template = new NpgsqlConnectionStringBuilder(Source);
        var server = new NpgsqlConnectionStringBuilder(Source) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(server.ToString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template.Database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new RecordCopy(Provider, new NpgsqlConnectionStringBuilder(Source) { Database = name }.ToString(), PostgresDataDirectory, Facts);
    }

    /// <summary>The data folder every PostgreSQL test database shares (its keys), as <see cref="TestDatabase"/> has it.</summary>
    public static string PostgresDataDirectory => Path.Combine(Path.GetTempPath(), "ethics-test-pg");

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.GetDirectories(from))
        {
            CopyDirectory(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }

    private static async Task<SeededRecord> SeedAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        try
        {
            await db.AddCast();
            await db.SendAs(Cast.Admin, new SeedDemo(60, Seed: 8));

            var board = await db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Cedar freight vendor paid twice", "The cedar vendor invoices repeat every month.", [Cast.Controller]));
            await db.SendAs(Cast.AuditChair, new FireTrigger(board.Reference, "Accept", null));
            await db.SendAs(Cast.AuditChair, new PostMessage(board.Reference, "Please send the cedar invoices you mentioned.", true));
            await db.SendAs(Cast.AuditChair, new PostMessage(board.Reference, "Private note: the cedar vendor shares an address with the controller.", false));
            await db.SendAs(Cast.Cfo, new PostMessage(board.Reference, "The cedar invoices are attached now.", true));
            var evidence = new List<Guid>
            {
                (await db.SendAs(Cast.AuditChair, new UploadEvidence(board.Reference, "cedar-invoices.txt", "cedar invoice 1001 and 1001 again"u8.ToArray()))).EvidenceId,
                (await db.SendAs(Cast.AuditChair, new UploadEvidence(board.Reference, "cedar-ledger.csv", "account,amount\n6100,4200.00\n"u8.ToArray()))).EvidenceId,
            };
            await db.SendAs(Cast.AuditChair, new FireTrigger(board.Reference, "RequestBoardDetermination", null));
            var determined = await db.SendAs(Cast.AuditChair, new DetermineCase(board.Reference, true,
                [new DeterminedSanction(Sanction.Censure), new DeterminedSanction(Sanction.DemotionOrReassignment, Details: "to the cedar depot stock room")],
                Severity: 1, Occurrences: 1, Intent: "inadvertent", Reason: "The cedar payments were repeated over a year.",
                Rationale: "The Board found the cedar vendor payments duplicated."));

            var recused = await db.SendAs(Cast.Controller, new FileConcern("CodeOfEthicsViolation", "Gifts from a grain merchant", null, [Cast.GeneralCounsel, Cast.Cfo]));
            evidence.Add((await db.SendAs(Cast.AuditChair, new UploadEvidence(recused.Reference, "gifts.txt", "grain merchant gift list"u8.ToArray()))).EvidenceId);

            var anonymous = await db.SendAs(null, new FileAnonymousReport("Fraud", "Accrual moved to the next period", "Seen in the March close.", [Cast.Cfo]));
            await db.SendAs(null, new ReplyAnonymously(anonymous.ReportKey, anonymous.Password, "The accrual was moved on the last day."));
            await db.SendAs(Cast.AuditChair, new FireTrigger(anonymous.Reference, "Accept", null));
            await db.SendAs(Cast.AuditChair, new PostMessage(anonymous.Reference, "Thank you, we are looking at the March close.", true));

            var advice = await db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Cfo, "CodeOfEthicsViolation", new DateOnly(2026, 2, 1), "Advised not to accept grain merchant tickets."));
            await db.SendAs(Cast.Admin, new UpdatePerson(Cast.Director, Roles: ["Board", "AuditCommittee"]));
            await db.SendAs(Cast.Admin, new UpdatePerson(Cast.Controller, TenantId: Guid.NewGuid().ToString(), ObjectId: Guid.NewGuid().ToString()));
            await db.SendAs(Cast.Admin, new DeactivatePerson(Cast.AuditMember, "Left the Audit Committee."));

            // The newest event belongs to a case, so that truncating a case's tail is also truncating the record's.
            await db.SendAs(Cast.AuditChair, new FireTrigger(recused.Reference, "Dismiss", "Gifts were within policy limits."));

            var caseIds = await db.Read(async d =>
                await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(d.Cases, c => c.Reference, c => c.Id));
            var facts = new SeededFacts(caseIds[board.Reference], caseIds[recused.Reference], caseIds[anonymous.Reference], advice.AdviceId, determined.DeterminationId, evidence);

            if (provider == DatabaseProvider.PostgreSql)
            {
                return new SeededRecord(provider, db.Connection, facts);
            }

            var source = Path.GetDirectoryName(new SqliteConnectionStringBuilder(db.Connection).DataSource)!;
            SqliteConnection.ClearAllPools();
            var template = Path.Combine(Path.GetTempPath(), $"ethics-template-{Guid.NewGuid():N}");
            CopyDirectory(source, template);
            return new SeededRecord(provider, template, facts);
        }
        finally
        {
            await db.DisposeAsync();
        }
    }
}

/// <summary>One test's copy of the seeded record: raw SQL in, <c>ethics audit verify</c> out.</summary>
internal sealed class RecordCopy(DatabaseProvider provider, string connection, string dataDirectory, SeededFacts facts) : IAsyncDisposable
{
    public DatabaseProvider Provider { get; } = provider;

    public string Connection { get; } = connection;

    public string DataDirectory { get; } = dataDirectory;

    public SeededFacts Facts { get; } = facts;

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>The real command line against this copy, with its keys.</summary>
    public CliHarness Cli(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        all.TryAdd("Data:Directory", DataDirectory);
        return new CliHarness(Connection, all);
    }

    /// <summary>Runs <c>ethics audit verify --json</c>.</summary>
    public async Task<Verdict> VerifyAsync(params string[] extra)
    {
        var run = await Cli().Run(["audit", "verify", "--json", .. extra]);
        return Verdict.Of(run);
    }

    public DbConnection Open()
    {
        DbConnection c = IsSqlite ? new SqliteConnection(Connection) : new NpgsqlConnection(Connection);
        c.Open();
        return c;
    }

    /// <summary>Executes SQL; interpolated values become parameters in the provider's storage form.</summary>
    public async Task<int> ExecAsync(FormattableString sql, bool foreignKeys = true)
    {
        await using var connection = Open();
        if (!foreignKeys)
        {
            // What an insider with the database's own tools does first.
            await using var off = connection.CreateCommand();
            off.CommandText = IsSqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica";
            await off.ExecuteNonQueryAsync();
        }

        await using var command = Command(connection, sql);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads rows as arrays of values (ids as <see cref="Guid"/>).</summary>
    public async Task<List<object?[]>> QueryAsync(FormattableString sql)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task<T> ScalarAsync<T>(FormattableString sql) => As<T>((await QueryAsync(sql)).Single()[0]);

    public async Task<List<T>> ColumnAsync<T>(FormattableString sql) => [.. (await QueryAsync(sql)).Select(r => As<T>(r[0]))];

    public static T As<T>(object? value) => (T)(typeof(T) == typeof(Guid) && value is string s ? Guid.Parse(s)
        : typeof(T) == typeof(Guid?) && value is string n ? Guid.Parse(n)
        : typeof(T) == typeof(long) && value is not long ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
        : typeof(T) == typeof(bool) && value is long l ? l != 0
        : value)!;

    /// <summary>The keys of this copy's data folder.</summary>
    public RecordKeys Keys() => new(new ConfigurationBuilder().Build(), DataDirectory, createMissing: false);

    /// <summary>Seals <paramref name="content"/> as the application would, for an insider who also holds the key-encryption key.</summary>
    public async Task<byte[]> SealAsync(Guid owner, string purpose, byte[] content)
    {
        var row = (await QueryAsync($"""SELECT "KekId", "Wrapped" FROM "DataKeys" WHERE "OwnerId" = {owner}""")).Single();
        var key = Keys().Content.Unwrap(owner, (string)row[0]!, (byte[])row[1]!);
        return ContentCrypto.Seal(key, owner, purpose, content);
    }

    public Task<byte[]> SealAsync(Guid owner, string purpose, string text) => SealAsync(owner, purpose, Encoding.UTF8.GetBytes(text));

    /// <summary>A literal SQL fragment per provider (array and JSON columns differ).</summary>
    public RawSql Raw(string sqlite, string postgres) => new(IsSqlite ? sqlite : postgres);

    public async ValueTask DisposeAsync()
    {
        if (IsSqlite)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }

            return;
        }

        var name = new NpgsqlConnectionStringBuilder(Connection).Database;
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Connection) { Database = "postgres" }.ToString());
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    private DbCommand Command(DbConnection connection, FormattableString sql)
    {
        var command = connection.CreateCommand();
        var names = new object[sql.ArgumentCount];
        for (var i = 0; i < sql.ArgumentCount; i++)
        {
            var value = sql.GetArgument(i);
            if (value is RawSql raw)
            {
                names[i] = raw.Text;
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = value switch
            {
                null => DBNull.Value,
                Guid g when IsSqlite => g.ToString().ToUpperInvariant(),
                DateTime d when IsSqlite => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                DateOnly d when IsSqlite => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => value,
            };
            command.Parameters.Add(parameter);
            names[i] = $"@p{i}";
        }

        command.CommandText = string.Format(CultureInfo.InvariantCulture, sql.Format, names);
        return command;
    }
}

/// <summary>A piece of SQL put into a statement as it is.</summary>
internal sealed record RawSql(string Text);

/// <summary>What <c>ethics audit verify --json</c> said.</summary>
internal sealed record Verdict(int ExitCode, bool Valid, long Events, IReadOnlyList<string> Kinds, string Output)
{
    public static Verdict Of(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var kinds = root.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString()!).ToList();
        return new Verdict(run.ExitCode, root.GetProperty("valid").GetBoolean(), root.GetProperty("events").GetInt64(), kinds,
            run.Stdout.Length > 3000 ? run.Stdout[..3000] : run.Stdout + run.Stderr);
    }

    public override string ToString() => $"exit {ExitCode}: {string.Join(", ", Kinds.Distinct())}\n{Output}";
}
