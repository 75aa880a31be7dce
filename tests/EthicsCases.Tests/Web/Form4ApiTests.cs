using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EthicsCases.Domain;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Web;

/// <summary>
/// <c>/api/form4</c> on the real app with real tokens: the same import, report and review the CLI runs. Each test has
/// its own app and database, so imports never leak between tests.
/// </summary>
[TestFixture]
public sealed class Form4ApiTests
{
    private const string GrahamFile = "form4-alto-graham-2024-03-20.txt";
    private const string BentonFile = "form4-alto-benton-2024-04-01.txt";

    private EthicsWebFactory _app = null!;
    private Person _graham = null!;
    private HttpClient _auditCommittee = null!;

    [SetUp]
    public async Task StartApp()
    {
        _app = new EthicsWebFactory();
        _graham = await _app.AddPersonAsync("auste.graham@alto.example", "Auste M. Graham", Role.Officer);
        _auditCommittee = _app.ClientAs(await _app.AddPersonAsync("chair@alto.example", "Alex Chair", Role.AuditCommittee));
    }

    [TearDown]
    public void StopApp()
    {
        _auditCommittee.Dispose();
        _app.Dispose();
    }

    internal static (string Name, byte[] Content) GrahamSeed() => Seed(GrahamFile);

    internal static (string Name, byte[] Content) Seed(string name) => (name, File.ReadAllBytes(Path.Combine(Repository.Shared, "seeds", name)));

    internal static MultipartFormDataContent Upload(string? filed, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new("text/plain");
            form.Add(part, "files", name);
        }

        if (filed is not null)
        {
            form.Add(new StringContent(filed), "filed");
        }

        return form;
    }

    private async Task<JsonElement> PostAsync(string path, MultipartFormDataContent form)
    {
        using var response = await _auditCommittee.PostAsync(path, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _auditCommittee.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Test]
    public async Task Importing_the_late_Graham_seed_files_one_concern_naming_her_and_a_second_import_files_nothing()
    {
        var first = await PostAsync("/api/form4/import", Upload("2024-03-25", GrahamSeed()));
        var second = await PostAsync("/api/form4/import", Upload("2024-03-25", GrahamSeed()));

        var concernId = first.GetProperty("concernsFiled")[0].GetString();
        var concern = await GetAsync($"/api/cases/{concernId}");
        var filing = first.GetProperty("filings")[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("imported").GetInt32(), Is.EqualTo(1));
            Assert.That(first.GetProperty("concernsFiled").GetArrayLength(), Is.EqualTo(1));
            Assert.That(filing.GetProperty("due").GetString(), Is.EqualTo("2024-03-22"));
            Assert.That(filing.GetProperty("filed").GetString(), Is.EqualTo("2024-03-25"));
            Assert.That(filing.GetProperty("late").GetBoolean(), Is.True);
            Assert.That(Strings(filing.GetProperty("findings")), Is.EqualTo(new[] { "LateFiling" }));
            Assert.That(concern.GetProperty("category").GetString(), Is.EqualTo("SecuritiesLawViolation"));
            Assert.That(concern.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("email").GetString()), Is.EqualTo(new[] { _graham.Email }));

            Assert.That(second.GetProperty("imported").GetInt32(), Is.EqualTo(0));
            Assert.That(second.GetProperty("concernsFiled").GetArrayLength(), Is.EqualTo(0));
            Assert.That(Strings(second.GetProperty("skipped")), Is.EqualTo(new[] { GrahamFile }));
        });
    }

    [Test]
    public async Task A_file_that_is_not_a_filing_is_reported_with_its_reason_while_the_others_import()
    {
        var notAFiling = ("minutes.txt", "Minutes of the March meeting of the Audit Committee."u8.ToArray());

        var result = await PostAsync("/api/form4/import", Upload(null, notAFiling, Seed(BentonFile)));

        var error = result.GetProperty("errors")[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("imported").GetInt32(), Is.EqualTo(1));
            Assert.That(result.GetProperty("filings")[0].GetProperty("file").GetString(), Is.EqualTo(BentonFile));
            Assert.That(result.GetProperty("errors").GetArrayLength(), Is.EqualTo(1));
            Assert.That(error.GetProperty("file").GetString(), Is.EqualTo("minutes.txt"));
            Assert.That(error.GetProperty("reason").GetString(), Does.StartWith("Not a recognised ownership filing"));
        });
    }

    [Test]
    public async Task Item_405_lists_the_late_report_for_its_fiscal_year_only()
    {
        await PostAsync("/api/form4/import", Upload("2024-03-25", GrahamSeed()));

        var year2024 = await GetAsync("/api/form4/item405?year=2024");
        var year2023 = await GetAsync("/api/form4/item405?year=2023");
        var fiscalJune = await GetAsync("/api/form4/item405?year=2024&fiscalYearEnd=06-30");

        var person = year2024.GetProperty("people")[0];
        Assert.Multiple(() =>
        {
            Assert.That(year2024.GetProperty("fiscalYearStart").GetString(), Is.EqualTo("2024-01-01"));
            Assert.That(year2024.GetProperty("people").GetArrayLength(), Is.EqualTo(1));
            Assert.That(person.GetProperty("name").GetString(), Is.EqualTo("Auste M. Graham"));
            Assert.That(person.GetProperty("email").GetString(), Is.EqualTo(_graham.Email));
            Assert.That(person.GetProperty("lateReports").GetInt32(), Is.EqualTo(1));
            Assert.That(person.GetProperty("lateTransactions").GetInt32(), Is.EqualTo(1));
            Assert.That(Strings(person.GetProperty("details")).Single(), Does.Contain("due 2024-03-22 filed 2024-03-25"));
            Assert.That(year2023.GetProperty("people").GetArrayLength(), Is.EqualTo(0));
            Assert.That(fiscalJune.GetProperty("fiscalYearStart").GetString(), Is.EqualTo("2023-07-01"));
            Assert.That(fiscalJune.GetProperty("people").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Check_judges_the_files_and_stores_nothing()
    {
        var notAFiling = ("minutes.txt", "Minutes of the March meeting."u8.ToArray());

        var checkedFiles = await PostAsync("/api/form4/check", Upload("2024-03-25", GrahamSeed(), notAFiling));
        var report = await GetAsync("/api/form4/item405?year=2024");

        var graham = checkedFiles[0];
        Assert.Multiple(() =>
        {
            Assert.That(checkedFiles.GetArrayLength(), Is.EqualTo(2));
            Assert.That(graham.GetProperty("issuer").GetProperty("ticker").GetString(), Is.EqualTo("ALTO"));
            Assert.That(graham.GetProperty("reportingOwners")[0].GetProperty("name").GetString(), Is.EqualTo("Auste M. Graham"));
            Assert.That(graham.GetProperty("transactions")[0].GetProperty("shares").GetDecimal(), Is.EqualTo(71660m));
            Assert.That(graham.GetProperty("due").GetString(), Is.EqualTo("2024-03-22"));
            Assert.That(graham.GetProperty("late").GetBoolean(), Is.True);
            Assert.That(graham.GetProperty("businessDaysLate").GetInt32(), Is.EqualTo(1));
            Assert.That(checkedFiles[1].GetProperty("file").GetString(), Is.EqualTo("minutes.txt"));
            Assert.That(checkedFiles[1].GetProperty("error").GetString(), Does.StartWith("Not a recognised ownership filing"));
            Assert.That(report.GetProperty("filings").GetInt32(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Owner_not_in_the_directory_is_listed_for_review()
    {
        await PostAsync("/api/form4/import", Upload("2024-04-03", Seed(BentonFile)));

        var review = (await GetAsync("/api/form4/review")).GetProperty("items");

        Assert.Multiple(() =>
        {
            Assert.That(review.GetArrayLength(), Is.EqualTo(1));
            Assert.That(review[0].GetProperty("name").GetString(), Is.EqualTo("Todd E. Benton"));
            Assert.That(Strings(review[0].GetProperty("files")), Is.EqualTo(new[] { BentonFile }));
        });
    }

    [TestCase("/api/form4/item405", "year")]
    [TestCase("/api/form4/item405?year=2024&fiscalYearEnd=13-45", "fiscalYearEnd")]
    public async Task Bad_report_parameters_are_problem_details_by_field(string path, string field)
    {
        using var response = await _auditCommittee.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        });
    }

    [TestCase("/api/form4/import")]
    [TestCase("/api/form4/check")]
    public async Task Malformed_filed_date_is_rejected_before_anything_is_read(string path)
    {
        using var response = await _auditCommittee.PostAsync(path, Upload("25/03/2024", GrahamSeed()));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var report = await GetAsync("/api/form4/item405?year=2024");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty("filed", out _), Is.True, problem.ToString());
            Assert.That(report.GetProperty("filings").GetInt32(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task A_file_over_the_size_cap_is_refused_with_its_reason()
    {
        var huge = ("huge.xml", new byte[(5 * 1024 * 1024) + 1]);

        var result = await PostAsync("/api/form4/import", Upload(null, huge, GrahamSeed()));

        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("imported").GetInt32(), Is.EqualTo(1));
            Assert.That(result.GetProperty("errors")[0].GetProperty("file").GetString(), Is.EqualTo("huge.xml"));
            Assert.That(result.GetProperty("errors")[0].GetProperty("reason").GetString(), Does.StartWith("Too large"));
        });
    }
}
