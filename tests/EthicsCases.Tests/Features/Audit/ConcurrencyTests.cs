using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using EthicsCases.Tests.Record;
using EthicsCases.Tests.Web;

namespace EthicsCases.Tests.Features.Audit;

/// <summary>
/// Eight writers, fifty rounds each, racing on the same cases and on the directory chain: through the API and through the
/// command line, on both providers. Afterwards the record verifies, its sequence has no gap, no two events share a
/// predecessor, and every accepted write left exactly its events. Racing triggers may lose (409 / exit 1), nothing else.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ConcurrencyTests(DatabaseProvider provider)
{
    private const int Writers = 8;
    private const int Rounds = 50;

    [Test]
    public async Task Parallel_writers_through_the_api_leave_every_chain_valid()
    {
        using var app = provider == DatabaseProvider.Sqlite ? new EthicsWebFactory() : new PostgresWebFactory(await PostgresServer.CreateDatabaseAsync());
        var officers = new List<Person>();
        for (var w = 0; w < Writers; w++)
        {
            officers.Add(await app.AddPersonAsync($"officer{w}@test.example", $"Officer {w}", Role.Officer));
        }

        var gc = await app.AddPersonAsync("gc@test.example", "Gale Counsel", Role.GeneralCounsel);
        var ac = await app.AddPersonAsync("ac@test.example", "Avery Chair", Role.AuditCommittee);
        var references = new ConcurrentBag<string>();
        foreach (var officer in officers.Take(2))
        {
            references.Add((await app.FileAsync(officer, ConcernCategory.Fraud)).Reference);
        }

        var before = await CountsAsync(app.Services);
        var accepted = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            using var asOfficer = app.ClientAs(officers[w]);
            using var asChair = app.ClientAs(ac);
            using var asCounsel = app.ClientAs(gc);
            var random = new Random(w);
            for (var round = 0; round < Rounds; round++)
            {
                var cases = references.ToArray();
                var reference = cases[random.Next(cases.Length)];
                var (action, response) = ((round + w) % 4) switch
                {
                    0 => ("Filed", await asOfficer.PostAsJsonAsync("/api/concerns", new { category = "Fraud", summary = $"Writer {w} round {round}", subjectEmails = Array.Empty<string>() })),
                    1 => (random.Next(2) == 0 ? "Accept" : "Dismiss", null),
                    2 => ("NoteAdded", await asChair.PostAsJsonAsync($"/api/cases/{reference}/messages", new { text = $"Note {w}/{round}", sharedWithReporter = false })),
                    _ => ("AdviceRecorded", await asCounsel.PostAsJsonAsync("/api/advice", new { person = officers[w].Email, category = "Fraud", date = "2026-01-05", summary = $"Advice {w}/{round}" })),
                };
                response ??= await asChair.PostAsJsonAsync($"/api/cases/{reference}/triggers/{action}", new { reason = action == "Dismiss" ? $"Race {w}/{round}" : null });
                using (response)
                {
                    statuses.Add(response.StatusCode);
                    if (response.IsSuccessStatusCode)
                    {
                        accepted.AddOrUpdate(action, 1, (_, n) => n + 1);
                        if (action == "Filed")
                        {
                            using var filed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                            references.Add(filed.RootElement.GetProperty("reference").GetString()!);
                        }
                    }
                }
            }
        })));

        var cli = new CliHarness(ConnectionOf(app), new Dictionary<string, string?> { ["Data:Directory"] = app.DataDirectory });
        await AssertRecordSoundAsync(cli, app.Services, before, accepted, statuses.Select(s => (int)s).ToList(), allowed: [200, 201, 409]);
    }

    [Test]
    public async Task Parallel_writers_through_the_command_line_leave_every_chain_valid()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.AddCast();
        var officers = new List<string>();
        for (var w = 0; w < Writers; w++)
        {
            officers.Add($"officer{w}@test.example");
            await db.AddPerson(officers[w], Role.Officer);
        }

        var references = new ConcurrentBag<string>();
        var ethics = new CliHarness(db);
        references.Add((await ethics.Run("concern", "file", "--category", "Fraud", "--summary", "First", "--reporter", Cast.Cfo, "--json")).Json.GetProperty("reference").GetString()!);
        var before = await CountsAsync(db);
        var accepted = new ConcurrentDictionary<string, int>();
        var codes = new ConcurrentBag<int>();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(100 + w);
            for (var round = 0; round < Rounds; round++)
            {
                var cases = references.ToArray();
                var reference = cases[random.Next(cases.Length)];
                var trigger = random.Next(2) == 0 ? "Accept" : "Dismiss";
                var (action, run) = ((round + w) % 3) switch
                {
                    0 => ("Filed", await ethics.Run("concern", "file", "--category", "Fraud", "--summary", $"Writer {w} round {round}", "--reporter", officers[w], "--json")),
                    1 => (trigger, await ethics.Run("case", "fire", reference, trigger, "--as", Cast.AuditChair, "--reason", $"Race {w}/{round}", "--json")),
                    _ => ("AdviceRecorded", await ethics.Run("advice", "add", "--as", Cast.GeneralCounsel, "--person", officers[w], "--category", "Fraud",
                        "--date", "2026-01-05", "--summary", $"Advice {w}/{round}", "--json")),
                };
                codes.Add(run.ExitCode);
                if (run.ExitCode == 0)
                {
                    accepted.AddOrUpdate(action, 1, (_, n) => n + 1);
                    if (action == "Filed")
                    {
                        references.Add(run.Json.GetProperty("reference").GetString()!);
                    }
                }
                else if (action is "Filed" or "AdviceRecorded")
                {
                    Assert.Fail($"{action} by writer {w} failed: {run.Stderr}");
                }
            }
        })));

        await AssertRecordSoundAsync(ethics, db, before, accepted, [.. codes], allowed: [0, 1]);
    }

    private static async Task AssertRecordSoundAsync(CliHarness cli, object services, IReadOnlyDictionary<string, long> before,
        IReadOnlyDictionary<string, int> accepted, IReadOnlyList<int> outcomes, int[] allowed)
    {
        var verdict = Verdict.Of(await cli.Run("audit", "verify", "--json"));
        var after = await CountsAsync(services);
        var (count, first, last, sharedPredecessors) = await ShapeAsync(services);
        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Has.Count.EqualTo(Writers * Rounds));
            Assert.That(outcomes.Where(o => !allowed.Contains(o)), Is.Empty, "only successes and lost races");
            Assert.That(accepted.GetValueOrDefault("Filed") + accepted.GetValueOrDefault("AdviceRecorded"), Is.GreaterThan(Writers * Rounds / 3),
                "filings and advice never conflict");
            Assert.That((verdict.ExitCode, verdict.Valid), Is.EqualTo((0, true)), verdict.ToString());
            Assert.That((first, last), Is.EqualTo((1L, count)), "one gap-free sequence");
            Assert.That(sharedPredecessors, Is.Empty, "no two events follow the same event");
            foreach (var (action, n) in accepted)
            {
                Assert.That(after.GetValueOrDefault(action) - before.GetValueOrDefault(action), Is.EqualTo(n), $"{action}: one event per accepted write, none lost or doubled");
            }
        });
    }

    private static async Task<Dictionary<string, long>> CountsAsync(object services)
    {
        var rows = await QueryAsync(services, """SELECT "Action", COUNT(*) FROM "AuditEvents" GROUP BY "Action" """);
        return rows.ToDictionary(r => (string)r[0]!, r => RecordCopy.As<long>(r[1]));
    }

    private static async Task<(long Count, long First, long Last, List<string> Shared)> ShapeAsync(object services)
    {
        var shape = (await QueryAsync(services, """SELECT COUNT(*), MIN("Seq"), MAX("Seq") FROM "AuditEvents" """)).Single();
        var shared = await QueryAsync(services, """
            SELECT "PreviousHash" FROM "AuditEvents" WHERE "PreviousHash" <> '' GROUP BY "PreviousHash" HAVING COUNT(*) > 1
            """);
        return (RecordCopy.As<long>(shape[0]), RecordCopy.As<long>(shape[1]), RecordCopy.As<long>(shape[2]), [.. shared.Select(r => (string)r[0]!)]);
    }

    private static async Task<List<object?[]>> QueryAsync(object services, string sql)
    {
        var connection = services switch
        {
            TestDatabase db => db.Connection,
            IServiceProvider sp => ((DatabaseSettings)sp.GetService(typeof(DatabaseSettings))!).ConnectionString,
            _ => throw new ArgumentException("A test database or the web app's services.", nameof(services)),
        };
        var provider = connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var copy = new RecordCopy(provider, DatabaseSettings.FromConnection(connection).ConnectionString, "", new SeededFacts(default, default, default, default, default, []));
        return await copy.QueryAsync($"{new RawSql(sql)}");
    }

    private static string ConnectionOf(EthicsWebFactory app) =>
        ((DatabaseSettings)app.Services.GetService(typeof(DatabaseSettings))!).ConnectionString;
}
