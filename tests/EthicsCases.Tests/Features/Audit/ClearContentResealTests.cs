using System.Text;
using EthicsCases.Data;
using EthicsCases.Tests.Record;

namespace EthicsCases.Tests.Features.Audit;

/// <summary>
/// A keyed record upgraded from a version that kept some content in clear (the Board's action details, before they were
/// sealed apart): verify names it, one <c>ethics audit reseal</c> seals it and records that, the record then verifies,
/// and a second reseal has nothing to do.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ClearContentResealTests(DatabaseProvider provider)
{
    private const string Details = "to the cedar depot stock room";

    [Test]
    public async Task Action_details_stored_in_clear_are_named_by_verify_and_sealed_by_one_reseal()
    {
        var seeded = await SeededRecord.ForAsync(provider);
        await using var db = await seeded.CopyAsync();
        var id = db.Facts.Determination;
        // How the previous version stored them: in the actions' JSON, nothing sealed apart.
        await db.ExecAsync($"""UPDATE "Determinations" SET "Sanctions" = REPLACE("Sanctions", '[sealed]', {Details}), "SanctionDetails" = NULL WHERE "Id" = {id}""");
        var stored = await db.ScalarAsync<string>($"""SELECT "Sanctions" FROM "Determinations" WHERE "Id" = {id}""");

        var before = await db.VerifyAsync();
        var resealed = await db.Cli().Run("audit", "reseal", "--json");
        var after = await db.VerifyAsync();
        var again = await db.Cli().Run("audit", "reseal", "--json");
        var sanctions = await db.ScalarAsync<string>($"""SELECT "Sanctions" FROM "Determinations" WHERE "Id" = {id}""");
        var sealedDetails = await db.ScalarAsync<byte[]>($"""SELECT "SanctionDetails" FROM "Determinations" WHERE "Id" = {id}""");

        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.Contain(Details), "the setup stored the details in clear");
            Assert.That(before.ExitCode, Is.EqualTo(1), before.ToString());
            Assert.That(before.Kinds, Is.EquivalentTo(new[] { "Unencrypted" }), "in clear, but the decision itself is intact");
            Assert.That(resealed.ExitCode, Is.EqualTo(0), resealed.Stderr);
            Assert.That(resealed.Stdout, Does.Contain("\"contentSealed\": 1").Or.Contain("\"contentSealed\":1"), resealed.Stdout);
            Assert.That((after.ExitCode, after.Valid), Is.EqualTo((0, true)), after.ToString());
            Assert.That(sanctions, Does.Not.Contain("cedar"), "the details left the actions' JSON");
            Assert.That(Encoding.UTF8.GetString(sealedDetails), Does.Not.Contain("cedar"), "and are sealed");
            Assert.That(again.ExitCode, Is.EqualTo(1), "a second reseal is refused");
            Assert.That(again.Stderr, Does.Contain("nothing to reseal"));
        });
        Assert.That(await db.ScalarAsync<long>($"""SELECT COUNT(*) FROM "AuditEvents" WHERE "Action" = 'AuditResealed'"""), Is.EqualTo(1), "the reseal is recorded");
    }
}
