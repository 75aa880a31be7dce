using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EthicsCases.Domain;
using EthicsCases.Features.Concerns;

namespace EthicsCases.Tests.Web;

/// <summary><c>/api/reports/metrics</c>, <c>/api/reports/quarterly</c> and <c>/api/cases/export</c> with real tokens.</summary>
[TestFixture]
public sealed class OversightApiTests
{
    private EthicsWebFactory _app = null!;
    private Person _officer = null!;
    private Person _ac = null!;
    private Person _member = null!;
    private Person _gc = null!;
    private FiledConcern _aboutMember = null!;
    private FiledConcern _plain = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = new EthicsWebFactory();
        _officer = await _app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        _gc = await _app.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
        _ac = await _app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
        _member = await _app.AddPersonAsync("member@example.com", "Morgan Member", Role.AuditCommittee);
        _aboutMember = await _app.FileAsync(_officer, ConcernCategory.Fraud, _member);
        _plain = await _app.FileAsync(_officer, ConcernCategory.Fraud);
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Metrics_answer_the_contract_fields_over_what_the_caller_reviews()
    {
        using var chair = _app.ClientAs(_ac);
        using var member = _app.ClientAs(_member);
        var all = await chair.GetFromJsonAsync<JsonElement>("/api/reports/metrics");
        var recused = await member.GetFromJsonAsync<JsonElement>("/api/reports/metrics");
        Assert.Multiple(() =>
        {
            foreach (var field in new[] { "substantiationRate", "medianDaysToClose", "anonymousShare", "byCategory", "byQuarter", "benchmarks", "from", "to" })
            {
                Assert.That(all.TryGetProperty(field, out _), Is.True, field);
            }

            Assert.That(all.GetProperty("reports").GetInt32(), Is.EqualTo(2));
            Assert.That(recused.GetProperty("reports").GetInt32(), Is.EqualTo(1), "the case naming the member is not counted for them");
            Assert.That(all.GetProperty("byCategory").GetArrayLength(), Is.EqualTo(Enum.GetValues<ConcernCategory>().Length));
        });
    }

    [TestCase("from=2026-13-01", "from")]
    [TestCase("to=yesterday", "to")]
    [TestCase("from=2026-06-01&to=2026-01-01", "to")]
    public async Task Bad_dates_are_a_problem_naming_the_parameter(string query, string field)
    {
        using var chair = _app.ClientAs(_ac);
        using var response = await chair.GetAsync("/api/reports/metrics?" + query);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name.ToLowerInvariant()), Does.Contain(field));
        });
    }

    [Test]
    public async Task An_officer_may_not_read_metrics_or_the_quarterly_report()
    {
        using var officer = _app.ClientAs(_officer);
        using var metrics = await officer.GetAsync("/api/reports/metrics");
        using var report = await officer.GetAsync("/api/reports/quarterly?quarter=2026Q4");
        using var gc = _app.ClientAs(_gc);
        using var gcReport = await gc.GetAsync("/api/reports/quarterly?quarter=2026Q4");
        Assert.That((metrics.StatusCode, report.StatusCode, gcReport.StatusCode),
            Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
    }

    [Test]
    public async Task The_export_is_csv_without_the_case_naming_the_caller()
    {
        using var member = _app.ClientAs(_member);
        using var response = await member.GetAsync("/api/cases/export");
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(csv, Does.StartWith("reference,category,state"));
            Assert.That(csv, Does.Contain(_plain.Reference));
            Assert.That(csv, Does.Not.Contain(_aboutMember.Reference));
        });
    }

    [Test]
    public async Task The_quarterly_report_is_a_pdf()
    {
        using var chair = _app.ClientAs(_ac);
        using var response = await chair.GetAsync("/api/reports/quarterly?quarter=2026Q4");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 5), Is.EqualTo("%PDF-"));
        });
    }

    [Test]
    public async Task The_openapi_document_lists_the_oversight_endpoints()
    {
        using var chair = _app.ClientAs(_ac);
        var openApi = await chair.GetStringAsync("/openapi/v1.json");
        Assert.That(openApi, Does.Contain("/api/reports/metrics").And.Contain("/api/cases/export"));
    }
}
