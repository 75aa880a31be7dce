using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EthicsCases.Data;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using EthicsCases.Tests.Record;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EthicsCases.Tests.Features.Audit;

/// <summary>
/// A signed checkpoint kept outside the database catches what the database alone cannot: a consistent restore of an
/// older copy (a rollback) and a truncation with a hand-made head; and a checkpoint itself cannot be altered or forged.
/// </summary>
public sealed class CheckpointTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"ethics-checkpoints-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_database_restored_to_before_the_checkpoint_is_caught_as_a_rollback()
    {
        await WriteAsync(3);
        await using var backup = await BackupAsync();
        await WriteAsync(2);
        var file = await CheckpointAsync();
        await WriteAsync(2);

        var live = Verdict.Of(await new CliHarness(Db).Run("audit", "verify", "--checkpoint", file, "--json"));
        var restored = await backup.VerifyAsync("--checkpoint", file);

        Assert.Multiple(() =>
        {
            Assert.That((live.ExitCode, live.Valid), Is.EqualTo((0, true)), live.ToString());
            Assert.That((restored.ExitCode, restored.Valid), Is.EqualTo((1, false)), restored.ToString());
            Assert.That(restored.Kinds, Is.EqualTo(new[] { "Checkpoint" }), "the backup is consistent in itself: only the checkpoint shows it");
            Assert.That(restored.Output, Does.Contain("rolled back"));
        });
    }

    [Test]
    public async Task Truncation_below_the_checkpoint_with_a_forged_head_is_caught()
    {
        await WriteAsync(3);
        var file = await CheckpointAsync();
        await using var copy = await BackupAsync();
        await Tampering.TruncateAsync(copy, 3);

        var verdict = await copy.VerifyAsync("--checkpoint", file);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.ExitCode, Is.EqualTo(1), verdict.ToString());
            Assert.That(verdict.Kinds, Does.Contain("Checkpoint").And.Contain("Head"), verdict.ToString());
        });
    }

    [Test]
    public async Task An_altered_checkpoint_file_is_refused()
    {
        await WriteAsync(1);
        var file = await CheckpointAsync();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        json["seq"] = json["seq"]!.GetValue<long>() - 1;
        await File.WriteAllTextAsync(file, json.ToJsonString());

        var run = await new CliHarness(Db).Run("audit", "verify", "--checkpoint", file, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stdout, Is.Empty, "no verdict on a checkpoint that is not one");
            Assert.That(run.Stderr, Does.Contain("signature does not verify"));
        });
    }

    [Test]
    public async Task A_checkpoint_checked_against_another_public_key_is_refused()
    {
        await WriteAsync(1);
        var file = await CheckpointAsync();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = Path.Combine(_folder, "someone-else.pem");
        await File.WriteAllTextAsync(key, stranger.ExportSubjectPublicKeyInfoPem());

        var run = await new CliHarness(Db).Run("audit", "verify", "--checkpoint", file, "--public-key", key, "--json");
        var signer = Path.Combine(_folder, "signer.pem");
        using (var own = ECDsa.Create())
        {
            own.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(Db.DataDirectory, "keys", "checkpoint-signing.pem")));
            await File.WriteAllTextAsync(signer, own.ExportSubjectPublicKeyInfoPem());
        }

        var trusted = await new CliHarness(Db).Run("audit", "verify", "--checkpoint", file, "--public-key", signer, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stderr, Does.Contain("signature does not verify"));
            Assert.That(trusted.ExitCode, Is.EqualTo(0), trusted.Stderr);
        });
    }

    private async Task WriteAsync(int concerns)
    {
        for (var i = 0; i < concerns; i++)
        {
            var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", $"Concern {i}", null, []));
            await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));
        }
    }

    private async Task<string> CheckpointAsync()
    {
        var file = Path.Combine(_folder, $"checkpoint-{Guid.NewGuid():N}.json");
        var run = await new CliHarness(Db).Run("audit", "checkpoint", "--out", file, "--json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        return file;
    }

    // The "backup": the SQLite file copied after a WAL checkpoint (with the data folder's keys), or a PostgreSQL database
    // made from this one as a template.
    private async Task<RecordCopy> BackupAsync()
    {
        var facts = new SeededFacts(default, default, default, default, default, []);
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using (var connection = new SqliteConnection(Db.Connection))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await checkpoint.ExecuteNonQueryAsync();
            }

            var dir = Path.Combine(Path.GetTempPath(), $"ethics-backup-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            File.Copy(Path.Combine(Db.DataDirectory, "ethics.db"), Path.Combine(dir, "ethics.db"));
            SeededRecord.CopyDirectory(Path.Combine(Db.DataDirectory, "keys"), Path.Combine(dir, "keys"));
            return new RecordCopy(Provider, DatabaseSettings.FromConnection(Path.Combine(dir, "ethics.db")).ConnectionString, dir, facts);
        }

        var source = new NpgsqlConnectionStringBuilder(Db.Connection);
        var name = $"ethics_{Guid.NewGuid():N}"[..30];
        await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Db.Connection) { Database = "postgres" }.ToString()))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {source.Database}", server);
            await create.ExecuteNonQueryAsync();
        }

        return new RecordCopy(Provider, new NpgsqlConnectionStringBuilder(Db.Connection) { Database = name }.ToString(), Db.DataDirectory, facts);
    }
}
