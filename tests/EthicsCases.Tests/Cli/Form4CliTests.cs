using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Cli;

/// <summary><c>ethics form4 check</c> needs no database: the harness points --db at a file that must never appear.</summary>
public sealed class Form4CheckCliTests
{
    private string _unusedDb = null!;
    private CliHarness _ethics = null!;

    private static string Seed(string name) => Path.Combine(Repository.Shared, "seeds", name);

    [SetUp]
    public void Setup()
    {
        _unusedDb = Path.Combine(Path.GetTempPath(), $"ethics-unused-{Guid.NewGuid():N}.db");
        _ethics = new CliHarness(_unusedDb);
    }

    [TearDown]
    public void NoDatabaseWasCreated() => Assert.That(File.Exists(_unusedDb), Is.False, "form4 check must not open a database");

    [Test]
    public async Task Check_prints_the_Graham_seed_with_due_date_and_unknown_filing()
    {
        var run = await _ethics.Run("form4", "check", Seed("form4-alto-graham-2024-03-20.txt"), "--json");

        var filing = run.Json.EnumerateArray().Single();
        var owner = filing.GetProperty("reportingOwners").EnumerateArray().Single();
        var trade = filing.GetProperty("transactions").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(filing.GetProperty("documentType").GetString(), Is.EqualTo("4"));
            Assert.That(filing.GetProperty("issuer").GetProperty("cik").GetString(), Is.EqualTo("0000778164"), "from known-issuers.json");
            Assert.That(filing.GetProperty("issuer").GetProperty("name").GetString(), Is.EqualTo("Alto Ingredients, Inc."));
            Assert.That(filing.GetProperty("issuer").GetProperty("ticker").GetString(), Is.EqualTo("ALTO"));
            Assert.That(owner.GetProperty("name").GetString(), Is.EqualTo("Auste M. Graham"));
            Assert.That(owner.GetProperty("isOfficer").GetBoolean(), Is.True);
            Assert.That(owner.GetProperty("officerTitle").GetString(), Does.StartWith("Gen. Counsel"));
            Assert.That(owner.GetProperty("address").GetString(), Is.EqualTo("1300 South Second Street, Pekin, IL 61554"));
            Assert.That(trade.GetProperty("table").GetString(), Is.EqualTo("nonDerivative"));
            Assert.That(trade.GetProperty("security").GetString(), Is.EqualTo("Common Stock"));
            Assert.That(trade.GetProperty("date").GetString(), Is.EqualTo("2024-03-20"));
            Assert.That(trade.GetProperty("code").GetString(), Is.EqualTo("A"));
            Assert.That(trade.GetProperty("shares").GetDecimal(), Is.EqualTo(71660m));
            Assert.That(trade.GetProperty("price").GetDecimal(), Is.EqualTo(0m));
            Assert.That(trade.GetProperty("acquiredDisposed").GetString(), Is.EqualTo("A"));
            Assert.That(trade.GetProperty("sharesOwnedFollowing").GetDecimal(), Is.EqualTo(245095m));
            Assert.That(trade.GetProperty("ownership").GetString(), Is.EqualTo("D"));
            Assert.That(filing.GetProperty("signatureDate").GetString(), Is.EqualTo("2024-03-21"));
            Assert.That(filing.GetProperty("due").GetString(), Is.EqualTo("2024-03-22"));
            Assert.That(filing.GetProperty("filed").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(filing.GetProperty("late").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(filing.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "FiledDateUnknown" }));
        });
    }

    [Test]
    public async Task Check_prints_the_Benton_seed()
    {
        var filing = (await _ethics.Run("form4", "check", Seed("form4-alto-benton-2024-04-01.txt"), "--json")).Json.EnumerateArray().Single();

        var trade = filing.GetProperty("transactions").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(filing.GetProperty("issuer").GetProperty("cik").GetString(), Is.EqualTo("0000778164"));
            Assert.That(filing.GetProperty("reportingOwners")[0].GetProperty("name").GetString(), Is.EqualTo("Todd E. Benton"));
            Assert.That(filing.GetProperty("reportingOwners")[0].GetProperty("officerTitle").GetString(), Is.EqualTo("Chief Operating Officer"));
            Assert.That(trade.GetProperty("date").GetString(), Is.EqualTo("2024-04-01"));
            Assert.That(trade.GetProperty("code").GetString(), Is.EqualTo("F"));
            Assert.That(trade.GetProperty("shares").GetDecimal(), Is.EqualTo(7402m));
            Assert.That(trade.GetProperty("acquiredDisposed").GetString(), Is.EqualTo("D"));
            Assert.That(trade.GetProperty("price").GetDecimal(), Is.EqualTo(2.29m));
            Assert.That(trade.GetProperty("sharesOwnedFollowing").GetDecimal(), Is.EqualTo(133612m));
            Assert.That(filing.GetProperty("signatureDate").GetString(), Is.EqualTo("2024-04-02"));
            Assert.That(filing.GetProperty("due").GetString(), Is.EqualTo("2024-04-03"));
            Assert.That(filing.GetProperty("late").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Check_with_filed_date_after_the_due_date_is_late_by_one_business_day()
    {
        var filing = (await _ethics.Run("form4", "check", Seed("form4-alto-graham-2024-03-20.txt"), "--filed", "2024-03-25", "--json"))
            .Json.EnumerateArray().Single();

        Assert.Multiple(() =>
        {
            Assert.That(filing.GetProperty("filed").GetString(), Is.EqualTo("2024-03-25"));
            Assert.That(filing.GetProperty("due").GetString(), Is.EqualTo("2024-03-22"));
            Assert.That(filing.GetProperty("late").GetBoolean(), Is.True);
            Assert.That(filing.GetProperty("businessDaysLate").GetInt32(), Is.EqualTo(1));
            Assert.That(filing.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "LateFiling" }));
        });
    }

    [Test]
    public async Task A_bad_file_is_reported_with_its_reason_and_the_rest_are_checked_with_exit_code_1()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"not-a-filing-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(bad, "Dear shareholder, nothing to see here.");
        try
        {
            var run = await _ethics.Run("form4", "check", bad, Seed("form4-alto-benton-2024-04-01.txt"), "--json");

            using var json = JsonDocument.Parse(run.Stdout);
            var items = json.RootElement.EnumerateArray().ToList();
            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1));
                Assert.That(items, Has.Count.EqualTo(2));
                Assert.That(items[0].GetProperty("file").GetString(), Is.EqualTo(bad));
                Assert.That(items[0].GetProperty("error").GetString(), Does.Contain("Not a recognised ownership filing"));
                Assert.That(items[1].GetProperty("due").GetString(), Is.EqualTo("2024-04-03"));
                Assert.That(run.Stderr, Does.Contain(bad));
            });
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [TestCase("--filed", "25/03/2024")]
    [TestCase("--filed")]
    public async Task Bad_usage_exits_2(params string[] extra)
    {
        var run = await _ethics.Run(["form4", "check", Seed("form4-alto-graham-2024-03-20.txt"), .. extra]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
    }

    [Test]
    public async Task A_filed_time_out_of_range_is_refused_on_its_option_not_a_crash()
    {
        var run = await _ethics.Run("form4", "check", Seed("form4-alto-graham-2024-03-20.txt"), "--filed", "9999-12-31T23:59", "--json");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
            Assert.That(run.Stderr, Does.Contain("--filed: Dates run from 1900-01-01 to 2200-12-31."));
        });
    }

    [Test]
    public async Task No_file_is_bad_usage()
    {
        var run = await _ethics.Run("form4", "check");
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }
}

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class Form4ImportCliTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private CliHarness _ethics = null!;

    private static string Seed(string name) => Path.Combine(Repository.Shared, "seeds", name);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _ethics = new CliHarness(_db);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Import_of_the_late_Graham_seed_files_one_concern_naming_her_and_a_second_import_changes_nothing()
    {
        await _ethics.Run("people", "add", "--email", "ac@alto.example", "--name", "Audit Chair", "--role", "AuditCommittee", "--json");
        var graham = (await _ethics.Run("people", "add", "--email", "auste.graham@alto.example", "--name", "Auste M. Graham", "--role", "GeneralCounsel", "--json"))
            .Json.GetProperty("personId").GetGuid();

        var first = (await _ethics.Run("form4", "import", Seed("form4-alto-graham-2024-03-20.txt"), "--filed", "2024-03-25", "--as", "ac@alto.example", "--json")).Json;
        var again = (await _ethics.Run("form4", "import", Seed("form4-alto-graham-2024-03-20.txt"), "--filed", "2024-03-25", "--as", "ac@alto.example", "--json")).Json;

        var caseId = first.GetProperty("concernsFiled").EnumerateArray().Single().GetGuid();
        var shown = (await _ethics.Run("case", "show", caseId.ToString(), "--as", "ac@alto.example", "--json")).Json;
        var subjects = await _db.Read(db => db.CaseSubjects.Where(s => s.CaseId == caseId).Select(s => s.PersonId).ToListAsync());
        var audit = (await _ethics.Run("audit", "verify", "--json")).Json;
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("imported").GetInt32(), Is.EqualTo(1));
            Assert.That(shown.GetProperty("category").GetString(), Is.EqualTo("SecuritiesLawViolation"));
            Assert.That(subjects, Is.EqualTo(new[] { graham }));
            Assert.That(again.GetProperty("imported").GetInt32(), Is.Zero);
            Assert.That(again.GetProperty("concernsFiled").GetArrayLength(), Is.Zero);
            Assert.That(again.GetProperty("skipped").GetArrayLength(), Is.EqualTo(1));
            Assert.That(audit.GetProperty("valid").GetBoolean(), Is.True, "the import's directory events and the case's Filed event chain correctly");
        });
    }

    [Test]
    public async Task A_batch_with_a_missing_file_stores_the_good_ones_and_exits_1()
    {
        await AddMonitorAsync();
        var run = await _ethics.Run("form4", "import", "/nonexistent/form4.xml", Seed("form4-alto-benton-2024-04-01.txt"), "--as", Monitor, "--json");

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Multiple(async () =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(json.RootElement.GetProperty("imported").GetInt32(), Is.EqualTo(1));
            Assert.That(json.RootElement.GetProperty("errors")[0].GetProperty("file").GetString(), Is.EqualTo("/nonexistent/form4.xml"));
            Assert.That(json.RootElement.GetProperty("errors")[0].GetProperty("reason").GetString(), Does.Contain("not found"));
            Assert.That(json.RootElement.GetProperty("needsReview")[0].GetProperty("name").GetString(), Is.EqualTo("Todd E. Benton"));
            Assert.That(await _db.Read(db => db.OwnershipFilings.CountAsync()), Is.EqualTo(1));
        });

        var review = (await _ethics.Run("form4", "review", "--as", Monitor, "--json")).Json;
        Assert.That(review.EnumerateArray().Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "Todd E. Benton" }));
    }

    [Test]
    public async Task Item405_reports_the_late_filer_for_the_fiscal_year()
    {
        await AddMonitorAsync();
        await _ethics.Run("form4", "import", Seed("form4-alto-graham-2024-03-20.txt"), "--filed", "2024-03-25", "--as", Monitor, "--json");
        await _ethics.Run("form4", "import", Seed("form4-alto-benton-2024-04-01.txt"), "--filed", "2024-04-03", "--as", Monitor, "--json");

        var report = (await _ethics.Run("form4", "item405", "--year", "2024", "--as", Monitor, "--json")).Json;
        var fiscal2025 = (await _ethics.Run("form4", "item405", "--year", "2025", "--fiscal-year-end", "03-31", "--as", Monitor, "--json")).Json;

        var person = report.GetProperty("people").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("filings").GetInt32(), Is.EqualTo(2));
            Assert.That(person.GetProperty("name").GetString(), Is.EqualTo("Auste M. Graham"));
            Assert.That(person.GetProperty("lateReports").GetInt32(), Is.EqualTo(1));
            Assert.That(person.GetProperty("lateTransactions").GetInt32(), Is.EqualTo(1));
            Assert.That(person.GetProperty("knownFailuresToFile").GetInt32(), Is.Zero);
            Assert.That(fiscal2025.GetProperty("fiscalYearStart").GetString(), Is.EqualTo("2024-04-01"));
            Assert.That(fiscal2025.GetProperty("filings").GetInt32(), Is.EqualTo(1), "only Benton's filing falls in April 2024 to March 2025");
            Assert.That(fiscal2025.GetProperty("people").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Import_review_and_item405_need_as_a_General_Counsel_or_Audit_Committee_member_and_check_needs_nobody()
    {
        await AddMonitorAsync();
        await _ethics.Run("people", "add", "--email", "cfo@alto.example", "--name", "CFO", "--role", "Officer", "--json");
        var seed = Seed("form4-alto-graham-2024-03-20.txt");

        var importWithoutAs = await _ethics.Run("form4", "import", seed, "--json");
        var reviewWithoutAs = await _ethics.Run("form4", "review", "--json");
        var item405WithoutAs = await _ethics.Run("form4", "item405", "--year", "2024", "--json");
        var importAsOfficer = await _ethics.Run("form4", "import", seed, "--as", "cfo@alto.example", "--json");
        var reviewAsOfficer = await _ethics.Run("form4", "review", "--as", "cfo@alto.example", "--json");
        var check = await _ethics.Run("form4", "check", seed, "--json");

        Assert.Multiple(async () =>
        {
            foreach (var run in new[] { importWithoutAs, reviewWithoutAs, item405WithoutAs })
            {
                Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
                Assert.That(run.Stderr, Does.Contain("--as"));
            }

            Assert.That((importAsOfficer.ExitCode, reviewAsOfficer.ExitCode), Is.EqualTo((1, 1)));
            Assert.That(importAsOfficer.Stderr, Does.Contain("GeneralCounsel, AuditCommittee"));
            Assert.That(check.ExitCode, Is.Zero, check.Stderr);
            Assert.That(await _db.Read(db => db.OwnershipFilings.CountAsync()), Is.Zero, "a refused import stores nothing");
        });
    }

    private const string Monitor = "ac@alto.example";

    private Task<CliRun> AddMonitorAsync() =>
        _ethics.Run("people", "add", "--email", Monitor, "--name", "Audit Chair", "--role", "AuditCommittee", "--json");
}
