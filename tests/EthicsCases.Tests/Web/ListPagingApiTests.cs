using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EthicsCases.Domain;

namespace EthicsCases.Tests.Web;

public sealed class ListPagingApiTests
{
    [Test]
    public async Task Case_list_answers_items_next_and_counts_and_the_cursor_leads_to_the_rest()
    {
        using var app = new EthicsWebFactory();
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        var ac = await app.AddPersonAsync("ac@example.com", "Avery Committee", Role.AuditCommittee);
        var filed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            filed.Add((await app.FileAsync(officer, ConcernCategory.Fraud)).Reference);
        }

        using var client = app.ClientAs(ac);
        var first = await client.GetFromJsonAsync<JsonElement>("/api/cases?limit=2");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/cases?limit=2&after={first.GetProperty("next").GetString()}");
        var queue = await client.GetFromJsonAsync<JsonElement>("/api/queue?state=Intake");

        Assert.Multiple(() =>
        {
            Assert.That(References(first).Concat(References(second)), Is.EqualTo(filed));
            Assert.That(second.GetProperty("next").ValueKind, Is.EqualTo(JsonValueKind.Null), "the last page has no next");
            Assert.That(first.GetProperty("counts").GetProperty("Intake").GetInt32(), Is.EqualTo(3));
            Assert.That(second.GetProperty("counts").ValueKind, Is.EqualTo(JsonValueKind.Null), "counts come with the first page");
            Assert.That(References(queue), Is.EqualTo(filed), "50 by default");
        });
    }

    [TestCase("/api/cases?limit=201")]
    [TestCase("/api/queue?state=Intake&limit=0")]
    [TestCase("/api/people?limit=500")]
    [TestCase("/api/reports/mine?after=forged")]
    public async Task Page_out_of_bounds_or_forged_cursor_is_a_bad_request(string path)
    {
        using var app = new EthicsWebFactory();
        var ac = await app.AddPersonAsync("ac@example.com", "Avery Committee", Role.AuditCommittee);
        using var client = app.ClientAs(ac);

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Every_list_endpoint_is_documented_as_a_page_in_openapi()
    {
        using var app = new EthicsWebFactory();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Multiple(() =>
        {
            foreach (var schema in new[] { "CaseListPageOfCaseListItem", "CaseListPageOfQueueItem", "ListPageOfDirectoryEntry", "ListPageOfAdviceEntry", "ListPageOfForm4ReviewOwner" })
            {
                Assert.That(document, Does.Contain(schema));
            }
        });
    }

    private static IEnumerable<string?> References(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString());
}
