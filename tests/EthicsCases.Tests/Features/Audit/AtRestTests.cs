using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using EthicsCases.Tests.Web;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EthicsCases.Tests.Features.Audit;

/// <summary>
/// Narrative written through the API never reaches the disk in clear: not in the SQLite file, not in its write-ahead log
/// while the app holds it open, not after a checkpoint, not in a dump of the PostgreSQL database. And the files that
/// hold the data and the keys are their owner's alone.
/// </summary>
public sealed class AtRestTests
{
    // One distinctive word per kind of narrative; none of them can appear in clear anywhere at rest.
    private static readonly Dictionary<string, string> Words = new()
    {
        ["summary"] = "Xylofrankum",
        ["details"] = "Quokkabridge",
        ["message"] = "Marzipanova",
        ["note"] = "Obsidianfern",
        ["evidence"] = "Tungstenwharf",
        ["evidence name"] = "Kumquatledger",
        ["rationale"] = "Periwinklestone",
        ["departure"] = "Hollyhockvane",
        ["advice"] = "Gossamerquill",
        ["reason"] = "Nebulacorvid",
        ["anonymous reply"] = "Zephyrgrotto",
        ["action details"] = "Lanternquarry",
    };

    [Test]
    public async Task No_narrative_word_is_in_the_sqlite_file_or_its_wal_while_open_or_after_a_checkpoint()
    {
        using var app = new EthicsWebFactory();
        await WriteEverythingAsync(app);
        var file = Path.Combine(app.DataDirectory, "ethics.db");

        // The app still holds the database and its WAL open here.
        var whileOpen = AtRest.Found(File.ReadAllBytes(file), Words).Concat(File.Exists(file + "-wal") ? AtRest.Found(File.ReadAllBytes(file + "-wal"), Words) : []).ToList();
        var walWasUsed = File.Exists(file + "-wal") && new FileInfo(file + "-wal").Length > 0;
        await AtRest.CheckpointAsync(file);

        var afterCheckpoint = AtRest.Found(File.ReadAllBytes(file), Words).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(walWasUsed, Is.True, "the WAL held recent writes when it was read");
            Assert.That(whileOpen, Is.Empty, "in the file or the WAL while the app runs");
            Assert.That(afterCheckpoint, Is.Empty, "in the file after a checkpoint");
        });
    }

    [Test]
    public async Task No_narrative_word_is_in_a_dump_of_the_postgresql_database()
    {
        var connection = await PostgresServer.CreateDatabaseAsync();
        using var app = new PostgresWebFactory(connection);
        await WriteEverythingAsync(app);

        var dump = AtRest.PgDump(connection);

        Assert.Multiple(() =>
        {
            Assert.That(dump, Does.Contain("CREATE TABLE public.\"CaseMessages\""), "a real dump");
            Assert.That(AtRest.Found(Encoding.UTF8.GetBytes(dump), Words), Is.Empty);
        });
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_database_and_key_files_are_0600_and_the_key_folder_0700()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ethics-modes-{Guid.NewGuid():N}", "data");
        try
        {
            var cli = new CliHarness(Path.Combine(dir, "ethics.db"), new Dictionary<string, string?> { ["Data:Directory"] = dir });
            var added = await cli.Run("people", "add", "--email", "admin@test.example", "--name", "Admin", "--role", "Administrator", "--json");
            var checkpoint = await cli.Run("audit", "checkpoint", "--out", Path.Combine(dir, "..", "checkpoint.json"), "--json");
            var keyFiles = Directory.GetFiles(Path.Combine(dir, "keys"));

            Assert.Multiple(() =>
            {
                Assert.That((added.ExitCode, checkpoint.ExitCode), Is.EqualTo((0, 0)), added.Stderr + checkpoint.Stderr);
                Assert.That(File.GetUnixFileMode(Path.Combine(dir, "keys")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), "key folder");
                Assert.That(File.GetUnixFileMode(Path.Combine(dir, "ethics.db")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "database");
                Assert.That(keyFiles.Select(Path.GetFileName), Is.SupersetOf(new[] { "audit-keys.json", "checkpoint-signing.pem" }));
                foreach (var key in keyFiles)
                {
                    Assert.That(File.GetUnixFileMode(key), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), key);
                }
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }

    // Writes every kind of narrative through the API as the people who may, and checks that the API reads them back.
    private static async Task WriteEverythingAsync(EthicsWebFactory app)
    {
        var officer = await app.AddPersonAsync("cfo@test.example", "Casey Officer", Role.Officer);
        var subject = await app.AddPersonAsync("controller@test.example", "Cory Controller", Role.Officer);
        var gc = await app.AddPersonAsync("gc@test.example", "Gale Counsel", Role.GeneralCounsel);
        var ac = await app.AddPersonAsync("ac@test.example", "Avery Chair", Role.AuditCommittee);
        using var asOfficer = app.ClientAs(officer);
        using var asChair = app.ClientAs(ac);
        using var asCounsel = app.ClientAs(gc);

        var filed = await ReadAsync(await asOfficer.PostAsJsonAsync("/api/concerns", new
        {
            category = "Fraud", summary = $"Payments to {Words["summary"]} vendor", details = $"The {Words["details"]} account was used.", subjectEmails = new[] { subject.Email },
        }));
        var key = filed.GetProperty("reference").GetString()!;
        await ReadAsync(await asChair.PostAsJsonAsync($"/api/cases/{key}/triggers/Accept", new { reason = (string?)null }));
        await ReadAsync(await asChair.PostAsJsonAsync($"/api/cases/{key}/messages", new { text = $"Please send the {Words["message"]} invoices.", sharedWithReporter = true }));
        await ReadAsync(await asChair.PostAsJsonAsync($"/api/cases/{key}/messages", new { text = $"Private: {Words["note"]} looks fictitious.", sharedWithReporter = false }));
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"invoice list of {Words["evidence"]} freight\n"));
            file.Headers.ContentType = new("text/plain");
            form.Add(file, "file", $"{Words["evidence name"]}.txt");
            await ReadAsync(await asChair.PostAsync($"/api/cases/{key}/evidence", form));
        }

        await ReadAsync(await asCounsel.PostAsJsonAsync("/api/advice", new { person = subject.Email, category = "Fraud", date = "2026-01-05", summary = $"Told about {Words["advice"]} gifts." }));
        await ReadAsync(await asChair.PostAsJsonAsync($"/api/cases/{key}/triggers/RequestBoardDetermination", new { reason = (string?)null }));
        await ReadAsync(await asChair.PostAsJsonAsync($"/api/cases/{key}/determination", new
        {
            violationFound = true, sanctions = new[] { new DeterminedSanction(Sanction.Censure), new DeterminedSanction(Sanction.DemotionOrReassignment, Details: $"to the {Words["action details"]} depot") }, severity = 1, occurrences = 1, intent = "inadvertent",
            advised = "yes", reason = $"The {Words["departure"]} pattern was deliberate.", rationale = $"The Board found the {Words["rationale"]} payments duplicated.",
        }));
        using var notice = await asChair.PostAsync($"/api/cases/{key}/notice", null);
        Assert.That(notice.IsSuccessStatusCode, Is.True, await notice.Content.ReadAsStringAsync());
        var noticeText = EthicsCases.Tests.Domain.Waivers.PdfText.Of(await notice.Content.ReadAsByteArrayAsync());

        var other = await ReadAsync(await asOfficer.PostAsJsonAsync("/api/concerns", new { category = "Fraud", summary = "Second concern", subjectEmails = Array.Empty<string>() }));
        await ReadAsync(await asChair.PostAsJsonAsync($"/api/cases/{other.GetProperty("reference").GetString()}/triggers/Dismiss", new { reason = $"Duplicate of the {Words["reason"]} case." }));

        using var anonymous = app.CreateClient();
        var receipt = await ReadAsync(await anonymous.PostAsJsonAsync("/api/anonymous/reports", new { category = "Fraud", summary = "Anonymous concern", subjectEmails = Array.Empty<string>() }));
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/anonymous/messages", new
        {
            reportKey = receipt.GetProperty("reportKey").GetString(), password = receipt.GetProperty("password").GetString(), text = $"More about {Words["anonymous reply"]}.",
        }));

        // The app itself still reads the content back: the words were written, only never in clear.
        var shown = await asChair.GetStringAsync($"/api/cases/{key}");
        var thread = await asChair.GetStringAsync($"/api/cases/{key}/messages");
        Assert.Multiple(() =>
        {
            Assert.That(shown, Does.Contain(Words["summary"]).And.Contain(Words["details"]));
            Assert.That(thread, Does.Contain(Words["message"]).And.Contain(Words["note"]));
            Assert.That(noticeText, Does.Contain(Words["action details"]), "the notice names the new position");
        });
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            if (response.StatusCode == HttpStatusCode.NoContent || body.Length == 0 || response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                return default;
            }

            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
    }
}
