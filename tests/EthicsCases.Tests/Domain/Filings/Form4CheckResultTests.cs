using System.Text.Json;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

/// <summary>The result serialises exactly as one element of the contract's <c>ethics form4 check</c> array.</summary>
public class Form4CheckResultTests
{
    [Test]
    public void Json_has_the_contract_fields_with_iso_dates_and_explicit_nulls()
    {
        var result = Form4Checker.Check(FilingFixtures.Form4("AAPL_wf-form4_156694501621463.xml"));

        using var json = JsonDocument.Parse(Form4CheckResult.ToJson([result]));
        var element = json.RootElement[0];
        var names = element.EnumerateObject().Select(p => p.Name).ToList();
        var transaction = element.GetProperty("transactions")[0];
        var owner = element.GetProperty("reportingOwners")[0];

        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(names, Is.SupersetOf(new[] { "file", "documentType", "issuer", "reportingOwners", "transactions", "signatureDate", "filed", "due", "late", "findings" }));
            Assert.That(element.GetProperty("issuer").EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "cik", "name", "ticker" }));
            Assert.That(owner.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "cik", "name", "isDirector", "isOfficer", "isTenPercentOwner", "officerTitle" }));
            Assert.That(transaction.EnumerateObject().Select(p => p.Name),
                Is.SupersetOf(new[] { "table", "security", "date", "code", "shares", "price", "acquiredDisposed", "sharesOwnedFollowing", "ownership" }));
            Assert.That(transaction.GetProperty("table").GetString(), Is.EqualTo("nonDerivative"));
            Assert.That(transaction.GetProperty("date").GetString(), Is.EqualTo("2019-08-24"));
            Assert.That(transaction.GetProperty("shares").GetDecimal(), Is.EqualTo(560000m));
            Assert.That(transaction.GetProperty("price").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(element.GetProperty("signatureDate").GetString(), Is.EqualTo("2019-08-27"));
            Assert.That(element.GetProperty("due").GetString(), Is.EqualTo("2019-08-27"));
            Assert.That(element.GetProperty("filed").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(element.GetProperty("late").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(element.GetProperty("findings")[0].GetProperty("code").GetString(), Is.EqualTo("FiledDateUnknown"));
            Assert.That(element.GetProperty("findings")[0].GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(owner.GetProperty("isDirector").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void Derivative_rows_serialise_with_table_derivative_and_late_as_a_boolean()
    {
        var result = Form4Checker.Check(FilingFixtures.Form4("ALT_0001012975-17-000759.xml"), FilingTime.Parse("2017-10-17T20:04"));

        using var json = JsonDocument.Parse(result.ToJson());

        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("transactions")[1].GetProperty("table").GetString(), Is.EqualTo("derivative"));
            Assert.That(json.RootElement.GetProperty("late").GetBoolean(), Is.False);
            Assert.That(json.RootElement.GetProperty("filed").GetString(), Is.EqualTo("2017-10-17"));
            Assert.That(json.RootElement.GetProperty("calendarVersion").GetString(), Is.EqualTo(SecBusinessCalendar.Default.Version));
        });
    }
}
