using System.Diagnostics;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Anonymous;
using EthicsCases.Security;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.Anonymous;

/// <summary>
/// ADR-009: new anonymous credentials are an HMAC-SHA256 under a server secret, checked in microseconds; credentials
/// issued with PBKDF2 still open their report and are re-hashed on that first successful check.
/// </summary>
public sealed class AnonymousCredentialHashTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private Task<AnonymousCredential> CredentialOf(string reference) => Db.Read(db =>
        (from a in db.AnonymousCredentials.AsNoTracking() join c in db.Cases on a.CaseId equals c.Id where c.Reference == reference select a).SingleAsync());

    [Test]
    public async Task A_new_credential_is_an_HMAC_under_the_server_secret()
    {
        var receipt = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Duplicated receipts", null, []));
        var credential = await CredentialOf(receipt.Reference);
        var otherServer = new AnonymousPasswordHasher(new byte[32]);

        Assert.Multiple(() =>
        {
            Assert.That(credential.Scheme, Is.EqualTo(AnonymousCredential.HmacScheme));
            Assert.That(credential.Iterations, Is.Zero);
            Assert.That(credential.PasswordHash, Does.Not.Contain(receipt.Password));
            Assert.That(otherServer.Verify(credential, receipt.Password), Is.False, "without the secret the hash verifies nothing");
        });
    }

    [Test]
    public async Task A_PBKDF2_credential_still_opens_its_report_and_is_rehashed_on_that_check()
    {
        var receipt = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Scrap proceeds", null, []));
        var issued = await CredentialOf(receipt.Reference);
        // As stored before ADR-009 (fewer iterations than the 600,000 of then, to keep the test short; the row says how many).
        var (hash, salt) = AnonymousSecrets.HashPassword(receipt.Password, 20_000);
        await using (var scope = Db.Scope(null))
        {
            var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
            db.AnonymousCredentials.Remove(await db.AnonymousCredentials.SingleAsync(a => a.CaseId == issued.CaseId));
            await db.SaveChangesAsync();
            db.AnonymousCredentials.Add(new AnonymousCredential(issued.CaseId, issued.KeyHash, hash, salt, AnonymousCredential.Pbkdf2Scheme, 20_000));
            await db.SaveChangesAsync();
        }

        Assert.That(() => Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey, "WRONG-WRONG-WRONG-WRONG")), Throws.TypeOf<NotFoundException>());
        var stillLegacy = await CredentialOf(receipt.Reference);
        var status = await Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey, receipt.Password));
        var upgraded = await CredentialOf(receipt.Reference);
        var again = await Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey, receipt.Password.ToLowerInvariant()));

        Assert.Multiple(() =>
        {
            Assert.That(stillLegacy.Scheme, Is.EqualTo(AnonymousCredential.Pbkdf2Scheme), "a wrong password upgrades nothing");
            Assert.That(status.Reference, Is.EqualTo(receipt.Reference));
            Assert.That(upgraded.Scheme, Is.EqualTo(AnonymousCredential.HmacScheme));
            Assert.That(upgraded.Iterations, Is.Zero);
            Assert.That(upgraded.PasswordHash, Is.Not.EqualTo(hash));
            Assert.That(again.Reference, Is.EqualTo(receipt.Reference));
        });
        Assert.That(() => Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey, "WRONG-WRONG-WRONG-WRONG")), Throws.TypeOf<NotFoundException>());
    }

    [Test]
    public async Task A_refused_status_check_costs_a_fraction_of_one_on_a_PBKDF2_credential()
    {
        // Wrong passwords: every check hashes, nothing is upgraded, and both paths read the same row the same way.
        var current = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Fictitious vendor", null, []));
        var legacy = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Freight kickbacks", null, []));
        var legacyRow = await CredentialOf(legacy.Reference);
        var (hash, salt) = AnonymousSecrets.HashPassword(legacy.Password);
        await using (var scope = Db.Scope(null))
        {
            var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
            db.AnonymousCredentials.Remove(await db.AnonymousCredentials.SingleAsync(a => a.CaseId == legacyRow.CaseId));
            await db.SaveChangesAsync();
            db.AnonymousCredentials.Add(new AnonymousCredential(legacyRow.CaseId, legacyRow.KeyHash, hash, salt, AnonymousCredential.Pbkdf2Scheme, AnonymousSecrets.Iterations));
            await db.SaveChangesAsync();
        }

        async Task<TimeSpan> Refused(string key)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 3; i++)
            {
                Assert.That(() => Db.SendAs(null, new CheckAnonymousReport(key, "WRONG-WRONG-WRONG-WRONG")), Throws.TypeOf<NotFoundException>());
            }

            return watch.Elapsed / 3;
        }

        await Refused(current.ReportKey);
        var hmac = await Refused(current.ReportKey);
        var pbkdf2 = await Refused(legacy.ReportKey);
        TestContext.Out.WriteLine($"{Provider}: refused check {hmac.TotalMilliseconds:F1} ms on an HMAC credential, {pbkdf2.TotalMilliseconds:F0} ms on a PBKDF2-600k one (database included)");
        Assert.That(hmac, Is.LessThan(pbkdf2 / 2));
    }

    [Test]
    public void Verifying_an_HMAC_credential_is_thousands_of_times_cheaper_than_PBKDF2()
    {
        var hasher = new AnonymousPasswordHasher(new byte[32]);
        var (hash, salt) = hasher.Hash("ABCD-EFGH-JKMN-PQRS-TVWX");
        var hmacCredential = new AnonymousCredential(Guid.NewGuid(), "k", hash, salt, AnonymousCredential.HmacScheme);
        var (oldHash, oldSalt) = AnonymousSecrets.HashPassword("ABCD-EFGH-JKMN-PQRS-TVWX");
        var pbkdf2Credential = new AnonymousCredential(Guid.NewGuid(), "k", oldHash, oldSalt, AnonymousCredential.Pbkdf2Scheme, AnonymousSecrets.Iterations);

        const int rounds = 2_000;
        var hmac = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            Assert.That(hasher.Verify(hmacCredential, "ABCD-EFGH-JKMN-PQRS-TVWX"), Is.True);
        }

        hmac.Stop();
        var pbkdf2 = Stopwatch.StartNew();
        Assert.That(hasher.Verify(pbkdf2Credential, "ABCD-EFGH-JKMN-PQRS-TVWX"), Is.True);
        pbkdf2.Stop();

        var ratio = pbkdf2.Elapsed.TotalMilliseconds / (hmac.Elapsed.TotalMilliseconds / rounds);
        TestContext.Out.WriteLine($"HMAC {hmac.Elapsed.TotalMilliseconds * 1000 / rounds:F1} µs per check, PBKDF2-600k {pbkdf2.Elapsed.TotalMilliseconds:F0} ms: {ratio:F0}x");
        Assert.That(ratio, Is.GreaterThan(1_000));
    }
}

/// <summary>Where the anonymous secret comes from (no database).</summary>
public sealed class AnonymousSecretTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"ethics-secret-{Guid.NewGuid():N}");

    private static IConfiguration Config(string dir, string? secret = null) => new ConfigurationBuilder().AddInMemoryCollection(
        new Dictionary<string, string?> { ["Data:Directory"] = dir, ["Anonymous:Secret"] = secret }).Build();

    [Test]
    public void Without_a_configured_secret_one_is_created_in_the_data_folder_for_the_owner_only_and_kept()
    {
        var dir = TempDir();
        var first = AnonymousPasswordHasher.FromConfiguration(Config(dir));
        var (hash, salt) = first.Hash("ABCD-EFGH");
        var second = AnonymousPasswordHasher.FromConfiguration(Config(dir));
        var file = Path.Combine(dir, AnonymousPasswordHasher.SecretFileName);

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(file), Is.True);
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }

            Assert.That(second.Verify(new AnonymousCredential(Guid.NewGuid(), "k", hash, salt, AnonymousCredential.HmacScheme), "abcd-efgh "), Is.True);
        });
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public void A_configured_secret_wins_and_a_short_one_is_refused()
    {
        var dir = TempDir();
        var configured = AnonymousPasswordHasher.FromConfiguration(Config(dir, Convert.ToBase64String(new byte[32])));
        var (hash, salt) = configured.Hash("ABCD");

        Assert.Multiple(() =>
        {
            Assert.That(new AnonymousPasswordHasher(new byte[32]).Verify(new AnonymousCredential(Guid.NewGuid(), "k", hash, salt, AnonymousCredential.HmacScheme), "ABCD"), Is.True);
            Assert.That(File.Exists(Path.Combine(dir, AnonymousPasswordHasher.SecretFileName)), Is.False);
            Assert.That(() => AnonymousPasswordHasher.FromConfiguration(Config(dir, "too-short")),
                Throws.InvalidOperationException.With.Message.Contains("at least 32"));
        });
    }
}
