using EthicsCases.Data;
using System.Text.Json;
using EthicsCases.Tests.Features.Determinations;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Cli;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class DeterminationCliTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private CliHarness _ethics = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await _db.AddCast();
        _ethics = new CliHarness(_db);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Sanction_recommend_gives_a_written_notice_for_the_least_culpable_factors_explaining_each()
    {
        var json = (await _ethics.Run("sanction", "recommend", "--severity", "1", "--occurrences", "1", "--intent", "inadvertent",
            "--advised", "no", "--prior-violations", "0", "--json")).Json;

        AssertContractShape(json, "WrittenNotice", 0m, [("severity", "1", 0m), ("occurrences", "1", 0m), ("intent", "inadvertent", 0m), ("advised", "no", 0m), ("priorViolations", "0", 0m)]);
    }

    [Test]
    public async Task Sanction_recommend_gives_termination_for_a_grave_repeated_intentional_advised_third_violation()
    {
        var json = (await _ethics.Run("sanction", "recommend", "--severity", "5", "--occurrences", "3", "--intent", "intentional",
            "--advised", "yes", "--prior-violations", "2", "--json")).Json;

        AssertContractShape(json, "Termination", 27m, [("severity", "5", 12m), ("occurrences", "3", 3m), ("intent", "intentional", 5m), ("advised", "yes", 3m), ("priorViolations", "2", 4m)]);
        Assert.That(json.GetProperty("explanation").GetString(), Does.Contain("2 other violations in the past"));
    }

    [Test]
    public async Task Sanction_recommend_rejects_out_of_range_factors_with_exit_1()
    {
        var run = await _ethics.Run("sanction", "recommend", "--severity", "6", "--occurrences", "1", "--intent", "careless", "--advised", "no", "--prior-violations", "0", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr, Does.Contain("severity '6' is not allowed").And.Contain("intent 'careless' is not allowed"));
        });
    }

    [Test]
    public async Task Case_determine_prints_the_contract_fields_and_counts_prior_violations_from_the_records()
    {
        var first = await DeterminationScenario.BeforeTheBoard(_db, Cast.Controller);
        var firstJson = (await Determine(first.Reference, Cast.AuditChair, "--sanction", "WrittenNotice")).Json;
        var second = await DeterminationScenario.BeforeTheBoard(_db, Cast.Controller);

        var json = (await Determine(second.Reference, Cast.AuditMember, "--sanction", "Censure")).Json;

        Assert.Multiple(() =>
        {
            foreach (var field in new[] { "caseId", "state", "outcome", "sanctions", "recommendation", "departsFromRecommendation" })
            {
                Assert.That(json.TryGetProperty(field, out _), Is.True, field);
            }

            Assert.That(firstJson.GetProperty("priorViolations").GetInt32(), Is.Zero);
            Assert.That(json.GetProperty("caseId").GetString(), Is.EqualTo(second.CaseId.ToString()));
            Assert.That(json.GetProperty("state").GetString(), Is.EqualTo("Closed"));
            Assert.That(json.GetProperty("outcome").GetString(), Is.EqualTo("ViolationFound"));
            Assert.That(json.GetProperty("sanctions").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "Censure" }));
            Assert.That(json.GetProperty("recommendation").GetString(), Is.EqualTo("Censure"));
            Assert.That(json.GetProperty("departsFromRecommendation").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("priorViolations").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("priorViolationReferences").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { first.Reference }));
        });
    }

    [Test]
    public async Task Case_determine_departing_without_a_reason_exits_1_and_changes_nothing_and_with_one_is_recorded()
    {
        var filed = await DeterminationScenario.BeforeTheBoard(_db, Cast.Controller);
        var before = (await _ethics.Run("case", "show", filed.Reference, "--as", Cast.AuditChair, "--json")).Stdout;

        var refused = await Determine(filed.Reference, Cast.AuditChair, "--sanction", "Censure", "--sanction", "SuspensionWithoutPay",
            "--suspension-from", "2026-12-01", "--suspension-to", "2026-12-14");
        var unchanged = (await _ethics.Run("case", "show", filed.Reference, "--as", Cast.AuditChair, "--json")).Stdout;
        var accepted = await Determine(filed.Reference, Cast.AuditChair, "--sanction", "Censure", "--sanction", "SuspensionWithoutPay",
            "--suspension-from", "2026-12-01", "--suspension-to", "2026-12-14", "--reason", "Concealment from the auditors");

        var stored = await _db.Read(db => db.Determinations.SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Stdout, Is.Empty);
            Assert.That(refused.Stderr, Does.Contain("--reason"));
            Assert.That(unchanged, Is.EqualTo(before));
            Assert.That(accepted.Json.GetProperty("departsFromRecommendation").GetBoolean(), Is.True);
            Assert.That(accepted.Json.GetProperty("recommendation").GetString(), Is.EqualTo("WrittenNotice"));
            Assert.That(stored.Sanctions.Select(s => (s.Sanction.ToString(), s.From, s.To)), Is.EqualTo(new[]
            {
                ("Censure", (DateOnly?)null, (DateOnly?)null),
                ("SuspensionWithoutPay", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14)),
            }));
        });
    }

    [Test]
    public async Task Case_determine_by_someone_neither_on_the_Board_nor_the_Audit_Committee_nor_a_designee_exits_1()
    {
        var filed = await DeterminationScenario.BeforeTheBoard(_db, Cast.Controller);

        // A Board member may record the Board's determination (issue 12); the General Counsel and an officer may not.
        var asCounsel = await Determine(filed.Reference, Cast.GeneralCounsel, "--sanction", "WrittenNotice");
        var asOfficer = await Determine(filed.Reference, Cast.Cfo, "--sanction", "WrittenNotice");

        Assert.Multiple(async () =>
        {
            Assert.That(asCounsel.ExitCode, Is.EqualTo(1));
            Assert.That(asCounsel.Stdout, Is.Empty);
            Assert.That(asOfficer.ExitCode, Is.EqualTo(1));
            Assert.That(asOfficer.Stdout, Is.Empty);
            Assert.That(await _db.Read(db => db.Determinations.CountAsync()), Is.Zero);
        });
    }

    [Test]
    public async Task Case_determine_has_no_prior_violations_option()
    {
        var filed = await DeterminationScenario.BeforeTheBoard(_db, Cast.Controller);

        var run = await Determine(filed.Reference, Cast.AuditChair, "--sanction", "WrittenNotice", "--prior-violations", "0");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Does.Contain("--prior-violations"));
        });
    }

    [Test]
    public async Task Case_notice_writes_the_pdf_for_the_Audit_Committee_and_refuses_the_reporter()
    {
        var filed = await DeterminationScenario.BeforeTheBoard(_db, Cast.Controller);
        await Determine(filed.Reference, Cast.AuditChair, "--sanction", "WrittenNotice");
        var file = Path.Combine(Path.GetTempPath(), $"notice-{Guid.NewGuid():N}.pdf");

        try
        {
            var written = (await _ethics.Run("case", "notice", filed.Reference, "--as", Cast.AuditMember, "--out", file, "--json")).Json;
            var reporter = await _ethics.Run("case", "notice", filed.Reference, "--as", Cast.Cfo, "--out", file + ".2");

            Assert.Multiple(() =>
            {
                Assert.That(written.GetProperty("bytes").GetInt32(), Is.EqualTo(new FileInfo(file).Length));
                Assert.That(GetNoticeTests.PdfText(File.ReadAllBytes(file)), Does.Contain(filed.Reference));
                Assert.That(reporter.ExitCode, Is.EqualTo(1));
                Assert.That(File.Exists(file + ".2"), Is.False);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Advice_add_prefills_advised_for_case_determine()
    {
        var added = await _ethics.Run("advice", "add", "--as", Cast.GeneralCounsel, "--person", Cast.Controller, "--category", "Fraud",
            "--date", "2026-02-01", "--summary", "Receipts must be originals", "--json");
        var refusedForChair = await _ethics.Run("advice", "add", "--as", Cast.AuditChair, "--person", Cast.Controller, "--category", "Fraud",
            "--date", "2026-02-01", "--summary", "x");
        var listed = (await _ethics.Run("advice", "list", "--as", Cast.AuditChair, "--person", Cast.Controller, "--json")).Json;
        var filed = await DeterminationScenario.BeforeTheBoard(_db, Cast.Controller);

        var json = (await Determine(filed.Reference, Cast.AuditChair, "--sanction", "Censure")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(added.Json.GetProperty("personEmail").GetString(), Is.EqualTo(Cast.Controller));
            Assert.That(refusedForChair.ExitCode, Is.EqualTo(1));
            Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
            Assert.That(json.GetProperty("advised").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("recommendation").GetString(), Is.EqualTo("Censure"), "advised adds 3 points: 7, a censure");
        });
    }

    [Test]
    public async Task Demo_seed_records_a_determination_for_every_determined_case_with_prior_violations_from_its_own_records()
    {
        var seeded = await _ethics.Run("demo", "seed", "--cases", "600", "--seed", "5", "--as", Cast.Admin, "--json");
        Assert.That(seeded.ExitCode, Is.Zero, seeded.Stderr);

        var violations = await _db.Read(db => db.Cases.Where(c => c.Outcome == EthicsCases.Domain.CaseOutcome.ViolationFound).Select(c => c.Id).ToListAsync());
        var determinations = await _db.Read(db => db.Determinations.Where(d => d.ViolationFound)
            .Select(d => new { d.CaseId, d.PersonId, d.PriorViolations, d.RecordedAt, d.Recommendation, d.DepartsFromRecommendation, d.SealedNoticePdf }).ToListAsync());
        var withHistory = determinations.First(d => d.PriorViolations > 0);
        var reference = await _db.Read(db => db.Cases.Where(c => c.Id == withHistory.CaseId).Select(c => c.Reference).SingleAsync());
        var notice = await _ethics.Run("case", "notice", reference, "--as", "ac.chair@alto.example", "--out", Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pdf"), "--json");

        Assert.Multiple(() =>
        {
            Assert.That(determinations.Select(d => d.CaseId), Is.EquivalentTo(violations));
            Assert.That(violations, Has.Count.GreaterThan(10));
            foreach (var d in determinations)
            {
                var earlier = determinations.Count(o => o.PersonId == d.PersonId && o.RecordedAt < d.RecordedAt);
                Assert.That(d.PriorViolations, Is.EqualTo(earlier), "prior violations are what the records hold");
            }

            Assert.That(determinations.Count(d => !d.DepartsFromRecommendation), Is.GreaterThan(determinations.Count / 2), "mostly following the recommendation");
            Assert.That(determinations.All(d => d.SealedNoticePdf is null), Is.True, "seeding skips the PDFs");
            Assert.That(notice.Json.GetProperty("bytes").GetInt32(), Is.GreaterThan(1000), "generated on first fetch");
        });
    }

    // A minor, single, inadvertent violation in a Fraud case: 4 points before history and advice.
    private Task<CliRun> Determine(string caseKey, string actAs, params string[] more) =>
        _ethics.Run(["case", "determine", caseKey, "--as", actAs, "--violation", "yes", "--severity", "1", "--occurrences", "1",
            "--intent", "inadvertent", .. more, "--json"]);

    private static void AssertContractShape(JsonElement json, string recommendation, decimal score, (string Factor, string Input, decimal Points)[] factors)
    {
        Assert.Multiple(() =>
        {
            Assert.That(json.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "recommendation", "score", "factors", "explanation", "policyVersion" }));
            Assert.That(json.GetProperty("recommendation").GetString(), Is.EqualTo(recommendation));
            Assert.That(json.GetProperty("score").GetDecimal(), Is.EqualTo(score));
            Assert.That(json.GetProperty("policyVersion").GetString(), Is.EqualTo("2026-11-v1"));
            var got = json.GetProperty("factors").EnumerateArray()
                .Select(f => (f.GetProperty("factor").GetString()!, f.GetProperty("input").ToString(), f.GetProperty("points").GetDecimal()))
                .ToArray();
            Assert.That(got, Is.EqualTo(factors));
            Assert.That(json.GetProperty("factors")[0].GetProperty("input").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(json.GetProperty("factors")[2].GetProperty("input").ValueKind, Is.EqualTo(JsonValueKind.String));
            var explanation = json.GetProperty("explanation").GetString()!;
            foreach (var phrase in new[] { "nature and severity", "occurrence", "appears to have been", "advised prior to the violation", "in the past" })
            {
                Assert.That(explanation, Does.Contain(phrase).IgnoreCase, $"the explanation covers {phrase}");
            }
        });
    }
}
