using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

/// <summary>The two PDF Form 4 text extractions in shared/seeds, field by field.</summary>
public class PdfSeedTests
{
    private static OwnershipFiling Parse(string seed, FilingParserOptions? options = null) =>
        OwnershipFilingParser.ParseFile(FilingFixtures.Seed(seed), options);

    [Test]
    public void Graham_seed_parses_field_by_field()
    {
        var filing = Parse("form4-alto-graham-2024-03-20.txt");
        var owner = filing.ReportingOwners.Single();
        var t = filing.Transactions.Single();

        Assert.Multiple(() =>
        {
            Assert.That(filing.SourceFormat, Is.EqualTo(FilingSourceFormat.PdfText));
            Assert.That(filing.DocumentType, Is.EqualTo("4"));
            Assert.That(filing.Issuer, Is.EqualTo(new FilingIssuer(null, "Alto Ingredients, Inc.", "ALTO")));
            Assert.That(owner.Name, Is.EqualTo("Auste M. Graham"));
            Assert.That(owner.Cik, Is.Null);
            Assert.That(owner.IsOfficer, Is.True);
            Assert.That(owner.IsDirector, Is.False);
            Assert.That(owner.IsTenPercentOwner, Is.Null, "the 10% Owner box is not in the extracted text");
            Assert.That(owner.OfficerTitle, Does.StartWith("Gen. Counsel"));
            Assert.That(owner.Address, Is.EqualTo(new OwnerAddress("1300 SOUTH SECOND STREET", null, "PEKIN", "IL", "61554")));
            Assert.That(owner.Address!.ToString(), Is.EqualTo("1300 South Second Street, Pekin, IL 61554"));
            Assert.That(filing.PeriodOfReport, Is.EqualTo(new DateOnly(2024, 3, 20)));
            Assert.That(t.Table, Is.EqualTo(TransactionTable.NonDerivative));
            Assert.That(t.Security, Is.EqualTo("Common Stock"));
            Assert.That(t.Date, Is.EqualTo(new DateOnly(2024, 3, 20)));
            Assert.That(t.DeemedExecutionDate, Is.Null);
            Assert.That(t.Code, Is.EqualTo("A"));
            Assert.That(t.Shares, Is.EqualTo(71660m));
            Assert.That(t.AcquiredDisposed, Is.EqualTo("A"));
            Assert.That(t.Price, Is.EqualTo(0.00m));
            Assert.That(t.SharesOwnedFollowing, Is.EqualTo(245095m));
            Assert.That(t.Ownership, Is.EqualTo("D"));
            Assert.That(t.FootnoteIds, Is.Empty);
            Assert.That(filing.Footnotes, Is.Empty);
            Assert.That(filing.Holdings, Is.Empty);
            Assert.That(filing.SignatureDate, Is.EqualTo(new DateOnly(2024, 3, 21)));
            Assert.That(filing.Aff10b5One, Is.Null);
            Assert.That(filing.DateOfOriginalSubmission, Is.Null);
        });
    }

    [Test]
    public void Benton_seed_parses_field_by_field()
    {
        var filing = Parse("form4-alto-benton-2024-04-01.txt");
        var owner = filing.ReportingOwners.Single();
        var t = filing.Transactions.Single();

        Assert.Multiple(() =>
        {
            Assert.That(filing.DocumentType, Is.EqualTo("4"));
            Assert.That(filing.Issuer, Is.EqualTo(new FilingIssuer(null, "Alto Ingredients, Inc.", "ALTO")));
            Assert.That(owner.Name, Is.EqualTo("Todd E. Benton"), "the signature spells out the name the name box garbles");
            Assert.That(owner.IsOfficer, Is.True);
            Assert.That(owner.IsDirector, Is.False);
            Assert.That(owner.OfficerTitle, Is.EqualTo("Chief Operating Officer"));
            Assert.That(owner.Address?.City, Is.EqualTo("PEKIN"));
            Assert.That(owner.Address?.State, Is.EqualTo("IL"));
            Assert.That(owner.Address?.ZipCode, Is.EqualTo("61554"));
            Assert.That(t.Security, Is.EqualTo("Common Stock"));
            Assert.That(t.Date, Is.EqualTo(new DateOnly(2024, 4, 1)));
            Assert.That(t.Code, Is.EqualTo("F"));
            Assert.That(t.Shares, Is.EqualTo(7402m));
            Assert.That(t.AcquiredDisposed, Is.EqualTo("D"));
            Assert.That(t.Price, Is.EqualTo(2.29m));
            Assert.That(t.SharesOwnedFollowing, Is.EqualTo(133612m));
            Assert.That(t.Ownership, Is.EqualTo("D"));
            Assert.That(t.FootnoteIds, Is.EqualTo(new[] { "F1" }));
            Assert.That(filing.Footnotes, Is.EqualTo(new Dictionary<string, string>
            {
                ["F1"] = "Amount represents shares withheld upon vesting of restricted stock to cover withholding taxes.",
            }));
            Assert.That(filing.SignatureDate, Is.EqualTo(new DateOnly(2024, 4, 2)));
        });
    }

    [TestCase("form4-alto-graham-2024-03-20.txt", "2024-03-22")]
    [TestCase("form4-alto-benton-2024-04-01.txt", "2024-04-03")]
    public void Seed_due_date_is_two_business_days_after_the_transaction(string seed, string due)
    {
        var result = Form4Checker.Check(FilingFixtures.Seed(seed));

        Assert.Multiple(() =>
        {
            Assert.That(result.Due, Is.EqualTo(DateOnly.ParseExact(due, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(result.Late, Is.Null);
            Assert.That(result.Findings.Single().Code, Is.EqualTo(FindingCodes.FiledDateUnknown));
            Assert.That(result.Findings.Single().Message, Does.Contain("on or before the due date"));
        });
    }

    [Test]
    public void Issuer_cik_comes_from_a_caller_supplied_directory_when_the_text_has_none()
    {
        var options = new FilingParserOptions
        {
            IssuerCikByTicker = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ALTO"] = "0000778164" },
        };

        var filing = Parse("form4-alto-benton-2024-04-01.txt", options);

        Assert.That(filing.Issuer.Cik, Is.EqualTo("0000778164"));
    }

    [Test]
    public void Derivative_row_in_form_text_is_read_positionally()
    {
        var text = """
            FORM 4
            STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP
            1. Name and Address of Reporting Person* Doe Jane Q	2. Issuer Name and Ticker or Trading Symbol Example Corp [EXMP]
            Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
            Common Stock	05/01/2024		M		1,000	A	$5.00	11,000	D	
            Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
            Stock Option (right to buy)	$5.00	05/01/2024		M			1,000	(2)	06/30/2030	Common Stock	1,000	$0	4,000	D	
            Explanation of Responses:
            1. Exercised under the 2020 plan.
            2. Fully vested.
            /s/ Jane Q. Doe 05/02/2024
            """;

        var filing = OwnershipFilingParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        var option = filing.Transactions.Single(t => t.Table == TransactionTable.Derivative);

        Assert.Multiple(() =>
        {
            Assert.That(filing.ReportingOwners.Single().Name, Is.EqualTo("Jane Q. Doe"));
            Assert.That(option.Security, Is.EqualTo("Stock Option (right to buy)"));
            Assert.That(option.ConversionOrExercisePrice, Is.EqualTo(5.00m));
            Assert.That(option.Code, Is.EqualTo("M"));
            Assert.That(option.Shares, Is.EqualTo(1000m));
            Assert.That(option.AcquiredDisposed, Is.EqualTo("D"));
            Assert.That(option.UnderlyingSecurity, Is.EqualTo("Common Stock"));
            Assert.That(option.SharesOwnedFollowing, Is.EqualTo(4000m));
            Assert.That(filing.Footnotes, Has.Count.EqualTo(2));
            Assert.That(filing.SignatureDate, Is.EqualTo(new DateOnly(2024, 5, 2)));
        });
    }
}
