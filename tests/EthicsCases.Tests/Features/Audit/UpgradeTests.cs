using System.Text;
using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using EthicsCases.Tests.Record;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.Audit;

/// <summary>
/// A database written by the code before the record was keyed (plain SHA-256 chains, clear content, people added without
/// their roles in the record) upgrades: after the migrations, verify says what is missing; one <c>ethics audit reseal</c>
/// keys it, seals its content and records that it did; a second one is refused, and a record already broken is refused.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class UpgradeTests(DatabaseProvider provider)
{
    private const string Summary = "Legacy cedar kickbacks";
    private const string Note = "Legacy note about the cedar vendor";

    [Test]
    public async Task A_legacy_record_is_resealed_once_and_then_verifies_with_its_content_sealed()
    {
        await using var legacy = await LegacyDatabaseAsync(breakIt: false);
        var cli = legacy.Cli();

        var before = await legacy.VerifyAsync();
        var resealed = await cli.Run("audit", "reseal", "--json");
        var after = await legacy.VerifyAsync();
        var again = await cli.Run("audit", "reseal", "--json");
        var summary = await legacy.ScalarAsync<byte[]>($"""SELECT "Summary" FROM "Cases" """);
        var note = await legacy.ScalarAsync<byte[]>($"""SELECT "Text" FROM "CaseMessages" """);

        Assert.Multiple(() =>
        {
            Assert.That(before.ExitCode, Is.EqualTo(1), before.ToString());
            // Before the reseal the record is not keyed: that is what verify names (content is checked once committed).
            Assert.That(before.Kinds, Does.Contain("Unsealed"), before.ToString());
            Assert.That(resealed.ExitCode, Is.EqualTo(0), resealed.Stderr);
            Assert.That((after.ExitCode, after.Valid), Is.EqualTo((0, true)), after.ToString());
            Assert.That(again.ExitCode, Is.EqualTo(1), "a second reseal is refused");
            Assert.That(again.Stderr, Does.Contain("nothing to reseal"));
            Assert.That(Encoding.UTF8.GetString(summary), Does.Not.Contain("cedar"), "the summary is sealed now");
            Assert.That(Encoding.UTF8.GetString(note), Does.Not.Contain("cedar"), "the note is sealed now");
        });
        Assert.That(await legacy.ScalarAsync<long>($"""SELECT COUNT(*) FROM "AuditEvents" WHERE "Action" = 'AuditResealed'"""), Is.EqualTo(1));
    }

    [Test]
    public async Task A_legacy_record_broken_before_the_upgrade_is_not_resealed()
    {
        await using var legacy = await LegacyDatabaseAsync(breakIt: true);

        var resealed = await legacy.Cli().Run("audit", "reseal", "--json");
        var verdict = await legacy.VerifyAsync();

        Assert.Multiple(() =>
        {
            Assert.That(resealed.ExitCode, Is.EqualTo(1), resealed.Stdout);
            Assert.That(verdict.Kinds, Does.Contain("Unsealed"), "nothing was blessed");
        });
    }

    // A database at the migration before the keyed record, filled the way the old code wrote it, then migrated to the latest.
    private async Task<RecordCopy> LegacyDatabaseAsync(bool breakIt)
    {
        string connection;
        string folder;
        if (provider == DatabaseProvider.Sqlite)
        {
            folder = Path.Combine(Path.GetTempPath(), $"ethics-legacy-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            connection = DatabaseSettings.FromConnection(Path.Combine(folder, "ethics.db")).ConnectionString;
        }
        else
        {
            folder = SeededRecord.PostgresDataDirectory;
            connection = await PostgresServer.CreateDatabaseAsync();
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = folder }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddEthicsCases(configuration, DatabaseSettings.FromConnection(connection)).BuildServiceProvider();
        var copy = new RecordCopy(provider, connection, folder, new SeededFacts(default, default, default, default, default, []));
        await using (services)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
                var previous = db.Database.GetMigrations().Single(m => m.EndsWith("_DropUnusedSubstate", StringComparison.Ordinal));
                await db.GetService<IMigrator>().MigrateAsync(previous);
            }

            await WriteLegacyRowsAsync(copy, breakIt);
            await using (var scope = services.CreateAsyncScope())
            {
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
            }
        }

        SqliteConnection.ClearAllPools();
        return copy;
    }

    private static async Task WriteLegacyRowsAsync(RecordCopy db, bool breakIt)
    {
        var admin = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        var at = new DateTime(2026, 1, 5, 9, 30, 0, DateTimeKind.Utc);
        var roles = db.Raw("'[\"Administrator\",\"Officer\"]'", "ARRAY['Administrator','Officer']");
        await db.ExecAsync($"""
            INSERT INTO "People" ("Id", "Email", "Name", "Roles") VALUES ({admin}, {"admin@legacy.example"}, {"Legacy Admin"}, {roles})
            """);

        // The old events: people added without roles in their data, then a case filed, accepted and noted.
        var personData = JsonSerializer.Serialize(new { personId = admin, email = "admin@legacy.example" });
        var directoryHash = AuditEvent.LegacyHash("", null, at, null, "cli", "PersonAdded", null, null, null, personData);
        await InsertEventAsync(db, null, "", at, null, "cli", "PersonAdded", null, null, null, personData, directoryHash);

        var filedData = JsonSerializer.Serialize(new { category = "Fraud", routedTo = new[] { "AuditCommittee" }, generalCounselRecused = false, subjects = Array.Empty<string>() });
        var filed = AuditEvent.LegacyHash("", caseId, at.AddMinutes(1), admin, "admin@legacy.example", "Filed", null, "Intake", null, filedData);
        var accepted = AuditEvent.LegacyHash(filed, caseId, at.AddMinutes(2), admin, "admin@legacy.example", "Accept", "Intake", "AuditCommitteeReview", "Looks serious", null);
        var messageId = Guid.NewGuid();
        var noteData = JsonSerializer.Serialize(new
        {
            messageId,
            sharedWithReporter = false,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Note))),
        });
        var noted = AuditEvent.LegacyHash(accepted, caseId, at.AddMinutes(3), admin, "admin@legacy.example", "NoteAdded", null, null, null, noteData);
        await db.ExecAsync($"""
            INSERT INTO "Cases" ("Id", "Reference", "Category", "State", "RoutedTo", "GeneralCounselRecused", "ReporterId", "FiledAt", "UpdatedAt",
                "ReferredToBoard", "LastAuditHash", "Summary", "Version")
            VALUES ({caseId}, {"EC-2026-0001"}, {"Fraud"}, {"AuditCommitteeReview"}, {db.Raw("'[\"AuditCommittee\"]'", "ARRAY['AuditCommittee']")}, {false}, {admin},
                {at.AddMinutes(1)}, {at.AddMinutes(3)}, {false}, {noted}, {Summary}, {1})
            """);
        await InsertEventAsync(db, caseId, "", at.AddMinutes(1), admin, "admin@legacy.example", "Filed", null, "Intake", null, filedData, filed);
        await InsertEventAsync(db, caseId, filed, at.AddMinutes(2), admin, "admin@legacy.example", "Accept", "Intake", "AuditCommitteeReview",
            breakIt ? "Looks harmless" : "Looks serious", null, accepted);
        await db.ExecAsync($"""
            INSERT INTO "CaseMessages" ("Id", "At", "AuthorId", "AuthorLabel", "CaseId", "FromReporter", "SharedWithReporter", "Text")
            VALUES ({messageId}, {at.AddMinutes(3)}, {admin}, {"Legacy Admin"}, {caseId}, {false}, {false}, {Note})
            """);
        await InsertEventAsync(db, caseId, accepted, at.AddMinutes(3), admin, "admin@legacy.example", "NoteAdded", null, null, null, noteData, noted);
    }

    private static Task<int> InsertEventAsync(RecordCopy db, Guid? caseId, string previous, DateTime at, Guid? actorId, string actor, string action,
        string? from, string? to, string? reason, string? data, string hash) =>
        db.ExecAsync($"""
            INSERT INTO "AuditEvents" ("CaseId", "PreviousHash", "At", "ActorId", "Actor", "Action", "From", "To", "Reason", "Data", "Hash")
            VALUES ({caseId}, {previous}, {at}, {actorId}, {actor}, {action}, {from}, {to}, {reason}, {data}, {hash})
            """);
}
