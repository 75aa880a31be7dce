using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EthicsCases.Domain;
using EthicsCases.Tests.Features.Audit;
using EthicsCases.Tests.Infrastructure;
using EthicsCases.Tests.Web;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EthicsCases.Tests.Features.Waivers;

/// <summary>
/// The waiver register's narrative (a waiver's reason and rationale, a code amendment's summary, the reason an implicit
/// waiver proposal was dismissed) never reaches the disk in clear: not in the SQLite file or its WAL, not in a dump of
/// the PostgreSQL database; and the draft, the amendments and the proposals still read them back.
/// </summary>
public sealed class WaiverAtRestTests
{
    private static readonly Dictionary<string, string> Words = new()
    {
        ["waiver reason"] = "Quillonberry",
        ["waiver rationale"] = "Fennelbastion",
        ["amendment summary"] = "Lanternwhisk",
        ["dismissal reason"] = "Moraineglint",
    };

    [Test]
    public async Task No_waiver_word_is_in_the_sqlite_file_or_its_wal_and_every_reader_shows_them()
    {
        using var app = new EthicsWebFactory();
        await WriteAndReadBackAsync(app);
        var file = Path.Combine(app.DataDirectory, "ethics.db");

        var whileOpen = AtRest.Found(File.ReadAllBytes(file), Words).Concat(File.Exists(file + "-wal") ? AtRest.Found(File.ReadAllBytes(file + "-wal"), Words) : []).ToList();
        await AtRest.CheckpointAsync(file);

        var afterCheckpoint = AtRest.Found(File.ReadAllBytes(file), Words).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(whileOpen, Is.Empty, "in the file or the WAL while the app runs");
            Assert.That(afterCheckpoint, Is.Empty, "in the file after a checkpoint");
        });
    }

    [Test]
    public async Task No_waiver_word_is_in_a_dump_of_the_postgresql_database_and_every_reader_shows_them()
    {
        var connection = await PostgresServer.CreateDatabaseAsync();
        using var app = new PostgresWebFactory(connection);
        await WriteAndReadBackAsync(app);

        var dump = AtRest.PgDump(connection);

        Assert.Multiple(() =>
        {
            Assert.That(dump, Does.Contain("CREATE TABLE public.\"Waivers\""), "a real dump");
            Assert.That(AtRest.Found(Encoding.UTF8.GetBytes(dump), Words), Is.Empty);
        });
    }

    // Requests, decides and drafts a waiver, records an amendment, dismisses an implicit-waiver proposal, all through
    // the API, and checks that each reader shows the words again.
    private static async Task WriteAndReadBackAsync(EthicsWebFactory app)
    {
        var officer = await app.AddPersonAsync("cfo@test.example", "Jordan Whitaker", Role.Officer);
        var reporter = await app.AddPersonAsync("controller@test.example", "Cory Controller", Role.Officer);
        var gc = await app.AddPersonAsync("gc@test.example", "Gale Counsel", Role.GeneralCounsel);
        var ac = await app.AddPersonAsync("ac@test.example", "Avery Chair", Role.AuditCommittee);
        var director = await app.AddPersonAsync("director@test.example", "Dana Director", Role.Board);
        using var asOfficer = app.ClientAs(officer);
        using var asReporter = app.ClientAs(reporter);
        using var asCounsel = app.ClientAs(gc);
        using var asCommittee = app.ClientAs(ac);
        using var asDirector = app.ClientAs(director);

        var requested = await ReadAsync(await asOfficer.PostAsJsonAsync("/api/waivers", new
        {
            person = officer.Email, provision = "Code of Ethics II-030, outside directorships", reason = $"Seat on the {Words["waiver reason"]} cooperative board.",
        }));
        var waiverId = requested.GetProperty("waiverId").GetString();
        await ReadAsync(await asDirector.PostAsJsonAsync($"/api/waivers/{waiverId}/decision", new
        {
            granted = true, decided = DateOnly.FromDateTime(DateTime.UtcNow), rationale = $"Recusal from the {Words["waiver rationale"]} contracts suffices.",
        }));
        var draft = await ReadAsync(await asCounsel.PostAsync($"/api/waivers/{waiverId}/draft?variant=8-K&format=text", null));
        await ReadAsync(await asCounsel.PostAsJsonAsync("/api/code-amendments", new
        {
            revision = "II-031 rev. 9", adopted = DateOnly.FromDateTime(DateTime.UtcNow), summary = $"Adds the {Words["amendment summary"]} gifts rule.",
        }));
        var amendments = await ReadAsync(await asCounsel.GetAsync("/api/code-amendments"));

        // A violation found with no action taken on a covered officer: the scan proposes an implicit waiver.
        var filed = await ReadAsync(await asReporter.PostAsJsonAsync("/api/concerns", new
        {
            category = "Fraud", summary = "Duplicate expense receipts", subjectEmails = new[] { officer.Email },
        }));
        var key = filed.GetProperty("reference").GetString();
        await ReadAsync(await asCommittee.PostAsJsonAsync($"/api/cases/{key}/triggers/Accept", new { }));
        await ReadAsync(await asCommittee.PostAsJsonAsync($"/api/cases/{key}/triggers/RequestBoardDetermination", new { }));
        await ReadAsync(await asCommittee.PostAsJsonAsync($"/api/cases/{key}/determination", new
        {
            violationFound = true, severity = 1, occurrences = 1, intent = "inadvertent", noAction = true, reason = "Remediated in full.",
        }));
        var scan = await ReadAsync(await asCommittee.PostAsync("/api/waivers/proposals/scan", null));
        var proposalId = scan.GetProperty("proposals")[0].GetProperty("proposalId").GetString();
        await ReadAsync(await asCommittee.PostAsJsonAsync($"/api/waivers/proposals/{proposalId}/dismiss", new
        {
            reason = $"Not material: the {Words["dismissal reason"]} expense was repaid.",
        }));
        var proposals = await ReadAsync(await asCommittee.GetAsync("/api/waivers/proposals?all=true"));

        Assert.Multiple(() =>
        {
            Assert.That(draft.GetProperty("text").GetString(), Does.Contain(Words["waiver reason"]).And.Contain(Words["waiver rationale"]));
            Assert.That(amendments.ToString(), Does.Contain(Words["amendment summary"]));
            Assert.That(proposals.ToString(), Does.Contain(Words["dismissal reason"]));
        });
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
