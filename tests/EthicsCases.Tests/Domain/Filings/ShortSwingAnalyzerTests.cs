using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

public class ShortSwingAnalyzerTests
{
    private static OwnershipFiling Filing(string ownerName, string? ownerCik, params (string Code, string Date, decimal Shares, decimal Price)[] trades) => new()
    {
        SourceFormat = FilingSourceFormat.EdgarXml,
        DocumentType = "4",
        Issuer = new FilingIssuer("0000778164", "Alto Ingredients, Inc.", "ALTO"),
        ReportingOwners = [new ReportingOwner { Name = ownerName, Cik = ownerCik }],
        Transactions = trades.Select(t => new OwnershipTransaction
        {
            Table = TransactionTable.NonDerivative,
            Security = "Common Stock",
            Date = DateOnly.Parse(t.Date, System.Globalization.CultureInfo.InvariantCulture),
            Code = t.Code,
            Shares = t.Shares,
            Price = t.Price,
            AcquiredDisposed = t.Code is "P" or "A" or "M" ? "A" : "D",
        }).ToList(),
    };

    [Test]
    public void Purchase_and_sale_four_months_apart_is_a_short_swing_with_profit()
    {
        var filings = new[]
        {
            Filing("Doe Jane", "0000000001", ("P", "2024-01-10", 1000m, 10m)),
            Filing("Doe Jane", "0000000001", ("S", "2024-05-10", 1000m, 15m)),
        };

        var result = ShortSwingAnalyzer.Analyze(filings).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.EstimatedProfit, Is.EqualTo(5000m));
            Assert.That(result.Matches.Single(), Is.EqualTo(new ShortSwingMatch(new DateOnly(2024, 1, 10), 10m, new DateOnly(2024, 5, 10), 15m, 1000m, 5000m)));
            Assert.That(result.Finding.Code, Is.EqualTo(FindingCodes.ShortSwing));
            Assert.That(result.Finding.WarrantsConcern, Is.True);
            Assert.That(result.Finding.Message, Does.Contain("$5,000.00"));
        });
    }

    [Test]
    public void Exempt_codes_four_months_apart_never_match()
    {
        var filings = new[]
        {
            Filing("Doe Jane", "0000000001", ("A", "2024-01-10", 1000m, 0m), ("M", "2024-01-11", 500m, 1m)),
            Filing("Doe Jane", "0000000001", ("F", "2024-05-10", 300m, 15m), ("D", "2024-05-10", 100m, 15m), ("G", "2024-05-11", 100m, 0m)),
        };

        Assert.That(ShortSwingAnalyzer.Analyze(filings), Is.Empty);
    }

    [Test]
    public void Six_months_or_more_apart_does_not_match()
    {
        var filings = new[] { Filing("Doe Jane", "1", ("P", "2024-01-10", 1000m, 10m), ("S", "2024-07-10", 1000m, 15m)) };

        Assert.That(ShortSwingAnalyzer.Analyze(filings), Is.Empty);
    }

    [Test]
    public void Sale_before_purchase_also_matches()
    {
        var filings = new[] { Filing("Doe Jane", "1", ("S", "2024-02-01", 100m, 20m), ("P", "2024-03-01", 100m, 12m)) };

        Assert.That(ShortSwingAnalyzer.Analyze(filings).Single().EstimatedProfit, Is.EqualTo(800m));
    }

    [Test]
    public void Lowest_in_is_matched_against_highest_out()
    {
        var filings = new[]
        {
            Filing("Doe Jane", "1", ("P", "2024-01-10", 100m, 10m), ("P", "2024-01-20", 100m, 20m), ("S", "2024-02-10", 100m, 25m), ("S", "2024-02-20", 100m, 12m)),
        };

        var result = ShortSwingAnalyzer.Analyze(filings).Single();

        Assert.Multiple(() =>
        {
            // 10 -> 25 (1,500), then 20 -> 12 is a loss and ignored; FIFO would give 1,500 + (-800) or 500 + 200.
            Assert.That(result.EstimatedProfit, Is.EqualTo(1500m));
            Assert.That(result.Matches, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Different_insiders_do_not_match_but_the_same_name_without_cik_does()
    {
        var different = new[] { Filing("Doe Jane", "1", ("P", "2024-01-10", 100m, 10m)), Filing("Roe Richard", "2", ("S", "2024-02-10", 100m, 25m)) };
        var sameName = new[] { Filing("Graham Auste M", null, ("P", "2024-01-10", 100m, 10m)), Filing("Auste M. Graham", null, ("S", "2024-02-10", 100m, 25m)) };

        Assert.Multiple(() =>
        {
            Assert.That(ShortSwingAnalyzer.Analyze(different), Is.Empty);
            Assert.That(ShortSwingAnalyzer.Analyze(sameName).Single().EstimatedProfit, Is.EqualTo(1500m));
        });
    }

    [Test]
    public void The_same_trade_in_an_amendment_is_counted_once()
    {
        var original = Filing("Doe Jane", "1", ("P", "2024-01-10", 100m, 10m), ("S", "2024-02-10", 100m, 25m));
        var amendment = original with { DocumentType = "4/A" };

        Assert.That(ShortSwingAnalyzer.Analyze([original, amendment]).Single().EstimatedProfit, Is.EqualTo(1500m));
    }
}
