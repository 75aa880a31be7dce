using System.Security.Cryptography;
using EthicsCases.Data;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Messages;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using EthicsCases.Tests.Record;

namespace EthicsCases.Tests.Features.Audit;

/// <summary>
/// Rotating the audit key and the key-encryption key: the record still verifies, events under a retired key still do,
/// content still opens, and each rotation is itself recorded; with key files and with keys from configuration.
/// </summary>
public sealed class RotationTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private string _keys = null!;

    // PostgreSQL test databases share one data folder: rotation works on a private copy of its keys.
    [SetUp]
    public void PrivateKeys()
    {
        _keys = Provider == DatabaseProvider.Sqlite ? Db.DataDirectory : Path.Combine(Path.GetTempPath(), $"ethics-keys-{Guid.NewGuid():N}");
        if (Provider != DatabaseProvider.Sqlite)
        {
            SeededRecord.CopyDirectory(Path.Combine(Db.DataDirectory, "keys"), Path.Combine(_keys, "keys"));
        }
    }

    [TearDown]
    public void DeletePrivateKeys()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Test]
    public async Task Rotating_the_audit_key_from_an_event_on_keeps_the_older_events_verifiable_and_is_recorded()
    {
        var reference = await WriteAsync("Cedar invoices repeated");
        var ethics = new CliHarness(Db.Connection, new Dictionary<string, string?> { ["Data:Directory"] = _keys });
        var from = await ScalarAsync<long>("""SELECT MAX("Seq") FROM "AuditEvents" """) - 1;

        var rotated = await ethics.Run("audit", "rotate-key", "--from", from.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        var later = await ethics.Run("concern", "file", "--category", "Fraud", "--summary", "After the rotation", "--reporter", Cast.Cfo, "--json");
        var verdict = Verdict.Of(await ethics.Run("audit", "verify", "--json"));
        var shown = await ethics.Run("case", "show", reference, "--as", Cast.AuditChair, "--json");
        var keyIds = await ColumnAsync("""SELECT DISTINCT "KeyId" FROM "AuditEvents" ORDER BY "KeyId" """);

        Assert.Multiple(() =>
        {
            Assert.That(rotated.ExitCode, Is.EqualTo(0), rotated.Stderr);
            Assert.That(later.ExitCode, Is.EqualTo(0), later.Stderr);
            Assert.That((verdict.ExitCode, verdict.Valid), Is.EqualTo((0, true)), verdict.ToString());
            Assert.That(keyIds, Has.Count.EqualTo(2), "events before --from stay under the retired key, the rest under the new one");
            Assert.That(shown.Stdout, Does.Contain("Cedar invoices repeated"));
        });
        Assert.That(await ScalarAsync<long>("""SELECT COUNT(*) FROM "AuditEvents" WHERE "Action" = 'AuditKeyRotated'"""), Is.EqualTo(1));
    }

    [Test]
    public async Task Rotating_the_key_encryption_key_rewraps_the_data_keys_and_content_still_opens()
    {
        var reference = await WriteAsync("Grain merchant gifts");
        var ethics = new CliHarness(Db.Connection, new Dictionary<string, string?> { ["Data:Directory"] = _keys });
        var before = await ColumnAsync("""SELECT DISTINCT "KekId" FROM "DataKeys" """);

        var rotated = await ethics.Run("keys", "rotate", "--json");
        var after = await ColumnAsync("""SELECT DISTINCT "KekId" FROM "DataKeys" """);
        var verdict = Verdict.Of(await ethics.Run("audit", "verify", "--json"));
        var shown = await ethics.Run("case", "show", reference, "--as", Cast.AuditChair, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(rotated.ExitCode, Is.EqualTo(0), rotated.Stderr);
            Assert.That(after, Has.Count.EqualTo(1).And.Not.EquivalentTo(before), "every data key under the new key-encryption key");
            Assert.That((verdict.ExitCode, verdict.Valid), Is.EqualTo((0, true)), verdict.ToString());
            Assert.That(shown.Stdout, Does.Contain("Grain merchant gifts"));
        });
        Assert.That(await ScalarAsync<long>("""SELECT COUNT(*) FROM "AuditEvents" WHERE "Action" = 'ContentKeysRotated'"""), Is.EqualTo(1));
    }

    [Test]
    public async Task With_keys_from_configuration_the_retired_keys_still_verify_and_open_after_rotation()
    {
        var (auditOld, auditNew, kekOld, kekNew) = (Key(), Key(), Key(), Key());
        var first = new Dictionary<string, string?>
        {
            ["Data:Directory"] = _keys, ["Audit:Key"] = auditOld, ["Audit:KeyId"] = "2026-01", ["Encryption:Key"] = kekOld,
        };
        var second = new Dictionary<string, string?>
        {
            ["Data:Directory"] = _keys, ["Audit:Key"] = auditNew, ["Audit:KeyId"] = "2026-06", ["Audit:RetiredKeys:2026-01"] = auditOld,
            ["Encryption:Key"] = kekNew, ["Encryption:RetiredKeys:0"] = kekOld,
        };

        // A database keyed from configuration from the start.
        await using var fresh = await TestDatabase.CreateAsync(Provider);
        var before = new CliHarness(fresh.Connection, first);
        Assert.That((await before.Run("people", "add", "--email", Cast.Cfo, "--name", "CFO", "--role", "Officer", "--json")).ExitCode, Is.EqualTo(0));
        Assert.That((await before.Run("people", "add", "--email", Cast.AuditChair, "--name", "Chair", "--role", "AuditCommittee", "--json")).ExitCode, Is.EqualTo(0));
        var filed = (await before.Run("concern", "file", "--category", "Fraud", "--summary", "Keyed from configuration", "--reporter", Cast.Cfo, "--json")).Json;
        Assert.That((await before.Run("case", "fire", filed.GetProperty("reference").GetString()!, "Accept", "--as", Cast.AuditChair, "--json")).ExitCode, Is.EqualTo(0));

        var after = new CliHarness(fresh.Connection, second);
        var rotated = await after.Run("audit", "rotate-key", "--from", "4", "--json");
        var rewrapped = await after.Run("keys", "rotate", "--json");
        var verdict = Verdict.Of(await after.Run("audit", "verify", "--json"));
        var shown = await after.Run("case", "show", filed.GetProperty("reference").GetString()!, "--as", Cast.AuditChair, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(rotated.ExitCode, Is.EqualTo(0), rotated.Stderr);
            Assert.That(rewrapped.ExitCode, Is.EqualTo(0), rewrapped.Stderr);
            Assert.That((verdict.ExitCode, verdict.Valid), Is.EqualTo((0, true)), verdict.ToString());
            Assert.That(shown.Stdout, Does.Contain("Keyed from configuration"));
        });
    }

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private async Task<string> WriteAsync(string summary)
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", summary, "An account.", [Cast.Controller]));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));
        await Db.SendAs(Cast.AuditChair, new PostMessage(filed.Reference, "the thread note", false));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "CloseNoViolation", "Nothing found after review."));
        return filed.Reference;
    }

    private RecordCopy Raw() => new(Provider, Db.Connection, Db.DataDirectory, new SeededFacts(default, default, default, default, default, []));

    private Task<T> ScalarAsync<T>(string sql) => Raw().ScalarAsync<T>($"{new RawSql(sql)}");

    private Task<List<string>> ColumnAsync(string sql) => Raw().ColumnAsync<string>($"{new RawSql(sql)}");
}
