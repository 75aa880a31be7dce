using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Features.Oversight;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Cli;

/// <summary><c>ethics report metrics|quarterly|rebuild-metrics</c> and <c>ethics case export</c> through the real command line.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ReportCliTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private CliHarness _ethics = null!;
    private OversightScenario _s = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await _db.AddCast();
        _s = await OversightScenario.RunAsync(_db);
        _ethics = new CliHarness(_db);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Metrics_print_one_json_document_and_exit_zero()
    {
        var run = await _ethics.Run("report", "metrics", "--as", Cast.AuditMember, "--from", "2026-01-01", "--to", "2026-06-30", "--json");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            Assert.That(run.Json.GetProperty("reports").GetInt32(), Is.EqualTo(3), "the member is named in B");
            Assert.That(run.Json.GetProperty("from").GetString(), Is.EqualTo("2026Q1"));
            Assert.That(run.Json.GetProperty("byQuarter").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Metrics_exit_one_for_an_officer_and_two_for_a_bad_date()
    {
        var officer = await _ethics.Run("report", "metrics", "--as", Cast.Cfo, "--json");
        var badDate = await _ethics.Run("report", "metrics", "--as", Cast.AuditChair, "--from", "2026-02-30", "--json");
        var backwards = await _ethics.Run("report", "metrics", "--as", Cast.AuditChair, "--from", "2026-06-01", "--to", "2026-01-01", "--json");
        Assert.Multiple(() =>
        {
            Assert.That((officer.ExitCode, officer.Stdout), Is.EqualTo((1, "")));
            Assert.That(badDate.ExitCode, Is.EqualTo(2));
            Assert.That(backwards.ExitCode, Is.EqualTo(1));
            Assert.That(backwards.Stderr, Does.Contain("--to"));
        });
    }

    [Test]
    public async Task Quarterly_writes_the_pdf_and_export_writes_the_csv()
    {
        var dir = Directory.CreateTempSubdirectory("ethics-report-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "q1.pdf");
            var csv = Path.Combine(dir.FullName, "cases.csv");
            var quarterly = await _ethics.Run("report", "quarterly", "--quarter", "2026Q1", "--as", Cast.AuditChair, "--out", pdf, "--json");
            var export = await _ethics.Run("case", "export", "--as", Cast.AuditMember, "--out", csv, "--json");
            var refused = await _ethics.Run("report", "quarterly", "--quarter", "2026Q1", "--as", Cast.GeneralCounsel, "--out", pdf + ".x", "--json");
            Assert.Multiple(() =>
            {
                Assert.That(quarterly.ExitCode, Is.Zero, quarterly.Stderr);
                Assert.That(GetQuarterlyReportTests.PdfText(File.ReadAllBytes(pdf)), Does.Contain("1. Program metrics"));
                Assert.That(quarterly.Json.GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
                Assert.That(export.ExitCode, Is.Zero, export.Stderr);
                Assert.That(export.Json.GetProperty("rows").GetInt32(), Is.EqualTo(3));
                Assert.That(File.ReadAllText(csv), Does.Not.Contain(_s.B.Reference));
                Assert.That(refused.ExitCode, Is.EqualTo(1));
                Assert.That(File.Exists(pdf + ".x"), Is.False);
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Rebuild_metrics_is_an_operator_command_that_counts_every_case()
    {
        var run = await _ethics.Run("report", "rebuild-metrics", "--json");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            Assert.That(run.Json.GetProperty("cases").GetInt32(), Is.EqualTo(4));
        });
    }
}
