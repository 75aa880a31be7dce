using System.Data.Common;
using System.Text;
using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.Evidence;
using EthicsCases.Features.Messages;
using EthicsCases.Features.Oversight;
using EthicsCases.Features.Retention;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.Retention;

/// <summary>
/// A case with narrative in every place the Domain keeps it (summary, account, a redacted passage and its reason,
/// message, note, document name and bytes, transition reasons, the determination's rationale, advised-override reason,
/// departure rationale, an action's details and the written notice, a legal hold's reasons), purged: none of its words is
/// readable afterwards through any path, nor stored anywhere in the database.
/// </summary>
public sealed class PurgeCompletenessTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    /// <summary>One word per narrative field, each found nowhere else.</summary>
    private static readonly Dictionary<string, string> Words = new()
    {
        ["summary"] = "Quillfeather",
        ["account"] = "Zanzibarite",
        ["redacted passage"] = "Brackenmoor",
        ["redaction reason"] = "Pellucidar",
        ["message"] = "Oxbowquay",
        ["note"] = "Tamariskon",
        ["document name"] = "Marrowgate",
        ["document bytes"] = "Thistlewick",
        ["accept reason"] = "Fenwickshire",
        ["rationale"] = "Vortigernal",
        ["departure rationale"] = "Gallowglass",
        ["advised override reason"] = "Wolfsbanex",
        ["action details"] = "Kestrelholm",
        ["hold reason"] = "Nettlecombe",
        ["release reason"] = "Ormskirkby",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Test]
    public async Task After_a_purge_no_word_of_the_case_is_readable_through_any_path_nor_stored_and_the_record_verifies()
    {
        var filed = await CaseWithEveryNarrativeAsync();
        var before = await EverythingReadableAsync(filed.Reference) + await EverythingStoredAsync();
        Db.Clock.Advance(TimeSpan.FromDays((365 * 7) + 3));

        var run = await Db.SendAs(null, new RunRetention());

        var readable = await EverythingReadableAsync(filed.Reference);
        var stored = await EverythingStoredAsync();
        var verified = await Db.SendAs(null, new VerifyAudit());
        var determination = await Db.Read(db => db.Determinations.AsNoTracking().SingleAsync(d => d.CaseId == filed.CaseId));
        Assert.Multiple(() =>
        {
            Assert.That(Words.Where(w => !Contains(before, w.Value)).Select(w => w.Key),
                Is.EquivalentTo(new[] { "redacted passage" }), "the control: before the purge every word but the redacted one is there to find");
            Assert.That(run.Purged, Is.EqualTo(new[] { filed.Reference }));
            Assert.That(Words.Where(w => Contains(readable, w.Value)).Select(w => w.Key), Is.Empty, "readable after the purge");
            Assert.That(Words.Where(w => Contains(stored, w.Value)).Select(w => w.Key), Is.Empty, "stored after the purge");
            Assert.That(determination.Sanctions.Select(s => (s.Sanction, s.Details)), Is.EqualTo(new[]
            {
                (Sanction.WrittenNotice, (string?)null),
                (Sanction.DemotionOrReassignment, DeterminedSanction.PurgedDetails),
            }), "the actions and the fact that details existed stay");
            Assert.That(verified.Problems, Is.Empty);
            Assert.That(verified.Valid, Is.True);
        });
    }

    [Test]
    public async Task An_edit_of_a_purged_determinations_actions_is_still_caught_by_verify()
    {
        var filed = await CaseWithEveryNarrativeAsync();
        Db.Clock.Advance(TimeSpan.FromDays((365 * 7) + 3));
        await Db.SendAs(null, new RunRetention());

        await Db.Read(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"Determinations\" SET \"Sanctions\" = REPLACE(\"Sanctions\", 'DemotionOrReassignment', 'Censure') WHERE \"CaseId\" = {filed.CaseId}"));
        var verified = await Db.SendAs(null, new VerifyAudit());

        Assert.Multiple(() =>
        {
            Assert.That(verified.Valid, Is.False);
            Assert.That(verified.Problems.Select(p => p.Kind), Does.Contain("DeterminationContent"));
        });
    }

    private static bool Contains(string haystack, string word) =>
        haystack.Contains(word, StringComparison.OrdinalIgnoreCase)
        || haystack.Contains(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(word)), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A Fraud concern naming the Controller, with every narrative field filled, taken to a violation determination
    /// (departing from the recommendation, overriding the ledger's advice) with its notice generated, held and released.
    /// </summary>
    private async Task<FiledConcern> CaseWithEveryNarrativeAsync()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", $"{Words["summary"]} invoices paid twice",
            $"The {Words["account"]} supplier was paid twice; {Words["redacted passage"]} saw it.", [Cast.Controller]));
        await Db.SendAs(Cast.AuditChair, new RedactContent(filed.Reference, RedactContent.Details, Words["redacted passage"], $"Names a bystander ({Words["redaction reason"]})"));
        await Db.SendAs(Cast.AuditChair, new PostMessage(filed.Reference, $"Please send the {Words["message"]} invoices.", true));
        await Db.SendAs(Cast.AuditChair, new PostMessage(filed.Reference, $"Called the {Words["note"]} office.", false));
        await Db.SendAs(Cast.AuditChair, new UploadEvidence(filed.Reference, $"{Words["document name"]}.txt", Encoding.UTF8.GetBytes($"{Words["document bytes"]} ledger line 42")));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", $"Credible: the {Words["accept reason"]} ledger agrees"));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "RequestBoardDetermination", null));
        await Db.SendAs(Cast.AuditChair, new DetermineCase(filed.Reference, true,
            [new DeterminedSanction(Sanction.WrittenNotice), new DeterminedSanction(Sanction.DemotionOrReassignment, Details: $"Reassigned to the {Words["action details"]} depot")],
            Severity: 1, Occurrences: 1, Intent: "inadvertent", Advised: "yes", AdvisedReason: $"Advised at the {Words["advised override reason"]} meeting",
            Reason: $"Concealment from the {Words["departure rationale"]} auditors", Rationale: $"The {Words["rationale"]} payments were concealed."));
        await Db.SendAs(Cast.AuditChair, new GetNotice(filed.Reference));
        await Db.SendAs(Cast.AuditChair, new PlaceLegalHold(filed.Reference, $"{Words["hold reason"]} litigation"));
        await Db.SendAs(Cast.AuditChair, new ReleaseLegalHold(filed.Reference, $"{Words["release reason"]} settlement"));
        return filed;
    }

    /// <summary>What a reviewer reads of the case through Mediator, the command line and the CSV export.</summary>
    private async Task<string> EverythingReadableAsync(string reference)
    {
        var text = new StringBuilder();
        text.AppendLine(JsonSerializer.Serialize(await Db.SendAs(Cast.AuditChair, new ShowCase(reference)), Json));
        text.AppendLine(JsonSerializer.Serialize(await Db.SendAs(Cast.AuditChair, new ShowThread(reference)), Json));
        var documents = await Db.SendAs(Cast.AuditChair, new ListEvidence(reference));
        text.AppendLine(JsonSerializer.Serialize(documents, Json));
        foreach (var document in documents)
        {
            try
            {
                var download = await Db.SendAs(Cast.AuditChair, new DownloadEvidence(reference, document.EvidenceId));
                text.AppendLine(download.FileName).AppendLine(Encoding.UTF8.GetString(download.Content));
            }
            catch (RejectedException)
            {
                // A purged document is not downloadable: nothing to read.
            }
        }

        // The determination as its pages read it (opened with the case's key).
        var determinations = await Db.Read(db => db.Determinations.Where(d => d.Person!.Email == Cast.Controller).ToListAsync());
        text.AppendLine(JsonSerializer.Serialize(determinations.Select(d => new { d.Rationale, d.AdvisedOverrideReason, d.DepartureRationale, d.Sanctions }), Json));
        text.AppendLine(JsonSerializer.Serialize(await Db.SendAs(Cast.AuditChair, new ListLegalHolds(reference)), Json));
        text.AppendLine(JsonSerializer.Serialize(await Db.SendAs(Cast.Cfo, new ShowCase(reference)), Json));
        var cli = await new CliHarness(Db).Run("case", "show", reference, "--as", Cast.AuditChair, "--json");
        Assert.That(cli.ExitCode, Is.Zero, cli.Stderr);
        text.AppendLine(cli.Stdout);
        await using (var scope = Db.Scope(Cast.AuditChair))
        {
            var export = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExportCases());
            await using var csv = new StringWriter();
            await export.WriteAsync(csv, CancellationToken.None);
            text.AppendLine(csv.ToString());
        }

        return text.ToString();
    }

    /// <summary>Everything the database holds: the SQLite file and its WAL as bytes; every row of every PostgreSQL table as text.</summary>
    private async Task<string> EverythingStoredAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(Db.Connection).DataSource;
            var raw = new StringBuilder(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
            foreach (var extra in new[] { file + "-wal", file + "-journal" }.Where(File.Exists))
            {
                raw.Append(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(extra)));
            }

            return raw.ToString();
        }

        return await Db.Read(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var dump = new StringBuilder();
            foreach (var table in tables)
            {
                await using DbCommand rows = connection.CreateCommand();
                rows.CommandText = $"SELECT t::text FROM \"{table}\" t";
                await using var reader = await rows.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    dump.AppendLine(reader.GetString(0));
                }
            }

            return dump.ToString();
        });
    }
}
