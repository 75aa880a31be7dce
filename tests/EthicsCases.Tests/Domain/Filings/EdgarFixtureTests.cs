using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

/// <summary>Every fixture in shared/fixtures/form4 against the facts listed in its SOURCES.md.</summary>
public class EdgarFixtureTests
{
    public sealed record FixtureCase(
        string File,
        string Issuer,
        string Ticker,
        string Form,
        string Codes,
        string[] TransactionDates,
        string? Filed,
        string SignatureDate,
        string Due,
        bool? Late)
    {
        public override string ToString() => File;
    }

    private static readonly FixtureCase[] Cases =
    [
        new("AAPL_0000320193-22-000061.xml", "Apple Inc.", "AAPL", "4", "SSSSSSS", ["2022-05-04"], "2022-05-06T18:30:57", "2022-05-06", "2022-05-06", false),
        new("AAPL_wf-form4_156582182214854.xml", "Apple Inc.", "AAPL", "4", "MSM", ["2019-08-12"], null, "2019-08-14", "2019-08-14", null),
        new("AAPL_wf-form4_156694501621463.xml", "Apple Inc.", "AAPL", "4", "MFSSSM", ["2019-08-24", "2019-08-26"], null, "2019-08-27", "2019-08-27", null),
        new("AIR_0001127602-25-001055.xml", "AAR CORP", "AIR", "4", "S", ["2025-01-10"], "2025-01-10T16:07:30", "2025-01-10", "2025-01-14", false),
        new("ALT_0001012975-17-000759.xml", "Altimmune, Inc.", "ALT", "4", "JA", ["2017-10-13", "2017-10-17"], "2017-10-17T20:04:36", "2017-10-17", "2017-10-17", false),
        new("AOSL_0001387467-25-000038.xml", "ALPHA & OMEGA SEMICONDUCTOR Ltd", "AOSL", "4", "AFFA", ["2025-03-17"], "2025-03-18T20:14:08", "2025-03-18", "2025-03-19", false),
        new("ARW_0001127602-25-004598.xml", "ARROW ELECTRONICS, INC.", "ARW", "4", "AF", ["2025-02-12"], "2025-02-13", "2025-02-13", "2025-02-14", false),
        new("DKNG_0001104659-25-025206.xml", "DraftKings Inc.", "DKNG", "4", "SSS", ["2025-03-14", "2025-03-17"], "2025-03-18T20:01:08", "2025-03-18", "2025-03-18", false),
        new("GOOG_0001209191-22-024550.xml", "Alphabet Inc.", "GOOG", "4", "C" + new string('S', 29) + "C", ["2022-04-13"], null, "2022-04-15", "2022-04-15", null),
        new("SCWO_374WaterForm4.xml", "374Water Inc.", "SCWO", "4", "AA", ["2025-04-30"], null, "2025-05-02", "2025-05-02", null),
        new("SNOW_form4.snow.xml", "Snowflake Inc.", "SNOW", "4", "MSSSSSM", ["2022-12-13"], null, "2022-12-14", "2022-12-15", null),
        // Form 5: fiscal year ended 2022-01-31 (period of report) + 45 days.
        new("SNOW_form5.snow.xml", "Snowflake Inc.", "SNOW", "5", "G", ["2021-12-23"], null, "2022-03-11", "2022-03-17", null),
        new("U_xml_2.xml", "Unity Software Inc.", "U", "4", "SSSSSSS", ["2021-09-14", "2021-09-15"], null, "2021-09-15", "2021-09-16", null),
        new("ZIP_0001617553-25-000024.xml", "ZIPRECRUITER, INC.", "ZIP", "4", "MMMMFMMMM", ["2025-03-15"], "2025-03-18T20:14:44", "2025-03-18", "2025-03-18", false),
    ];

    private static FixtureCase[] AllFixtures() => Cases;

    [Test]
    public void Every_fixture_file_has_a_case()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(FilingFixtures.Form4("SOURCES.md"))!, "*.xml").Select(Path.GetFileName);
        Assert.That(Cases.Select(c => c.File), Is.EquivalentTo(files));
    }

    [TestCaseSource(nameof(AllFixtures))]
    public void Fixture_parses_to_the_listed_issuer_form_and_transactions(FixtureCase c)
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4(c.File));

        Assert.Multiple(() =>
        {
            Assert.That(filing.SourceFormat, Is.EqualTo(FilingSourceFormat.EdgarXml));
            Assert.That(filing.Issuer.Name, Is.EqualTo(c.Issuer));
            Assert.That(filing.Issuer.Ticker, Is.EqualTo(c.Ticker));
            Assert.That(filing.Issuer.Cik, Has.Length.EqualTo(10));
            Assert.That(filing.DocumentType, Is.EqualTo(c.Form));
            Assert.That(string.Concat(filing.Transactions.Select(t => t.Code)), Is.EqualTo(c.Codes));
            Assert.That(filing.Transactions.Select(t => t.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Distinct(),
                Is.EquivalentTo(c.TransactionDates));
            Assert.That(filing.ReportingOwners, Is.Not.Empty);
            Assert.That(filing.SignatureDate, Is.EqualTo(DateOnly.Parse(c.SignatureDate, System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [TestCaseSource(nameof(AllFixtures))]
    public void Fixture_due_date_and_lateness_match_the_sources(FixtureCase c)
    {
        var filed = c.Filed is null ? (FilingTime?)null : FilingTime.Parse(c.Filed);

        var result = Form4Checker.Check(FilingFixtures.Form4(c.File), filed);

        Assert.Multiple(() =>
        {
            Assert.That(result.Due, Is.EqualTo(DateOnly.Parse(c.Due, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(result.Late, Is.EqualTo(c.Late));
            Assert.That(result.Findings.Any(f => f.Code == FindingCodes.LateFiling), Is.False);
            Assert.That(result.Findings.Any(f => f.Code == FindingCodes.FiledDateUnknown), Is.EqualTo(c.Filed is null));
        });
    }

    [Test]
    public void ZipRecruiter_filed_after_8_pm_on_the_due_date_is_timely_but_after_10_pm_is_late()
    {
        var path = FilingFixtures.Form4("ZIP_0001617553-25-000024.xml");

        var at2014 = Form4Checker.Check(path, FilingTime.Parse("2025-03-18T20:14"));
        var at2215 = Form4Checker.Check(path, FilingTime.Parse("2025-03-18T22:15"));

        Assert.Multiple(() =>
        {
            Assert.That(at2014.Filed, Is.EqualTo(new DateOnly(2025, 3, 18)));
            Assert.That(at2014.Late, Is.False);
            Assert.That(at2215.Filed, Is.EqualTo(new DateOnly(2025, 3, 19)));
            Assert.That(at2215.Late, Is.True);
            Assert.That(at2215.BusinessDaysLate, Is.EqualTo(1));
            Assert.That(at2215.Findings.Single(f => f.Code == FindingCodes.LateFiling).Message, Does.Contain("1 business day(s) after the due date 2025-03-18"));
            Assert.That(at2215.Findings.Single(f => f.Code == FindingCodes.LateFiling).WarrantsConcern, Is.True);
        });
    }

    [Test]
    public void Late_filing_is_flagged_with_business_days_late()
    {
        // AIR traded Friday 2025-01-10, due Tuesday 2025-01-14; filed Friday 2025-01-17 is 3 business days late.
        var result = Form4Checker.Check(FilingFixtures.Form4("AIR_0001127602-25-001055.xml"), FilingTime.Parse("2025-01-17"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Late, Is.True);
            Assert.That(result.BusinessDaysLate, Is.EqualTo(3));
            Assert.That(result.LateTransactions, Is.EqualTo(1));
            Assert.That(result.Findings.Select(f => f.Code), Does.Contain(FindingCodes.LateFiling));
        });
    }

    [Test]
    public void Apple_general_counsel_filed_at_1830_on_the_due_date_is_timely()
    {
        var result = Form4Checker.Check(FilingFixtures.Form4("AAPL_0000320193-22-000061.xml"), FilingTime.Parse("2022-05-06T18:30"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Late, Is.False);
            Assert.That(result.ReportingOwners.Single().OfficerTitle, Does.StartWith("SVP"));
            Assert.That(result.Transactions, Has.Count.EqualTo(7));
            Assert.That(result.Transactions.All(t => t is { Code: "S", AcquiredDisposed: "D" }), Is.True);
        });
    }

    [Test]
    public void Altimmune_has_two_owners_and_a_footnoted_code_J()
    {
        var result = Form4Checker.Check(FilingFixtures.Form4("ALT_0001012975-17-000759.xml"), FilingTime.Parse("2017-10-17T20:04:36"));
        var filing = result.Filing;

        Assert.Multiple(() =>
        {
            Assert.That(filing.ReportingOwners.Select(o => o.Cik), Is.EqualTo(new[] { "0001705562", "0001705638" }));
            Assert.That(filing.ReportingOwners.All(o => o.IsDirector == true), Is.True);
            Assert.That(filing.Transactions[0].CodeFootnoteIds, Is.EqualTo(new[] { "F1" }));
            Assert.That(filing.Transactions[0].Ownership, Is.EqualTo("I"));
            Assert.That(filing.Transactions[1].Table, Is.EqualTo(TransactionTable.Derivative));
            Assert.That(filing.Transactions[1].ConversionOrExercisePrice, Is.EqualTo(2.50m));
            Assert.That(filing.Transactions[1].UnderlyingShares, Is.EqualTo(20000m));
            Assert.That(result.Transactions[1].Table, Is.EqualTo("derivative"));
            Assert.That(result.Findings.Select(f => f.Code), Does.Not.Contain(FindingCodes.CodeJWithoutFootnote));
            Assert.That(filing.Footnotes, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Code_J_without_footnote_is_flagged()
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("ALT_0001012975-17-000759.xml"));
        var bare = filing with
        {
            Transactions = [filing.Transactions[0] with { FootnoteIds = [], CodeFootnoteIds = [] }],
        };

        var result = Form4Checker.Check(bare, "synthetic", FilingTime.Parse("2017-10-17"));

        Assert.That(result.Findings.Single(f => f.Code == FindingCodes.CodeJWithoutFootnote).WarrantsConcern, Is.True);
    }

    [Test]
    public void DraftKings_10b5_1_plan_with_adoption_date_in_a_footnote_is_not_flagged()
    {
        var result = Form4Checker.Check(FilingFixtures.Form4("DKNG_0001104659-25-025206.xml"), FilingTime.Parse("2025-03-18T20:01:08"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Filing.Aff10b5One, Is.True);
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Transactions.Select(t => t.Price), Has.All.GreaterThan(36m));
        });
    }

    [Test]
    public void Rule_10b5_1_box_without_adoption_date_is_flagged()
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("DKNG_0001104659-25-025206.xml"));
        var withoutPlanFootnote = filing with { Footnotes = filing.Footnotes.Where(f => f.Key != "F1").ToDictionary() };

        var result = Form4Checker.Check(withoutPlanFootnote, "synthetic", FilingTime.Parse("2025-03-18"));

        Assert.That(result.Findings.Single().Code, Is.EqualTo(FindingCodes.Rule10b51WithoutAdoptionDate));
    }

    [Test]
    public void Booleans_written_true_false_and_schema_X0508_are_read()
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("SCWO_374WaterForm4.xml"));
        var owner = filing.ReportingOwners.Single();

        Assert.Multiple(() =>
        {
            Assert.That(filing.SchemaVersion, Is.EqualTo("X0508"));
            Assert.That(filing.Aff10b5One, Is.False);
            Assert.That(owner.IsOfficer, Is.True);
            Assert.That(owner.IsDirector, Is.False);
            Assert.That(owner.OfficerTitle, Is.EqualTo("Chief Technology Officer"));
            Assert.That(filing.Transactions[0].FootnoteIds, Is.EqualTo(new[] { "F1" }));
        });
    }

    [Test]
    public void Price_given_only_as_a_footnote_is_null_and_the_footnote_is_kept()
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("AAPL_wf-form4_156694501621463.xml"));
        var exercise = filing.Transactions[0];

        Assert.Multiple(() =>
        {
            Assert.That(exercise.Code, Is.EqualTo("M"));
            Assert.That(exercise.Price, Is.Null);
            Assert.That(exercise.FootnoteIds, Does.Contain("F4"));
            Assert.That(exercise.Shares, Is.EqualTo(560000m));
            Assert.That(filing.Footnotes, Has.Count.EqualTo(11));
            Assert.That(filing.ReportingOwners[0], Has.Property(nameof(ReportingOwner.IsDirector)).True.And.Property(nameof(ReportingOwner.IsOfficer)).True);
        });
    }

    [Test]
    public void Alphabet_holdings_footnotes_and_remarks_are_read()
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("GOOG_0001209191-22-024550.xml"));

        Assert.Multiple(() =>
        {
            Assert.That(filing.Footnotes, Has.Count.EqualTo(29));
            Assert.That(filing.Holdings, Is.Not.Empty);
            Assert.That(filing.Holdings.Any(h => h.Ownership == "I"), Is.True);
            Assert.That(filing.ReportingOwners[0].IsTenPercentOwner, Is.True);
            Assert.That(filing.ReportingOwners[0].IsDirector, Is.True);
        });
    }

    [Test]
    public void Unity_has_three_reporting_owners()
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("U_xml_2.xml"));

        Assert.That(filing.ReportingOwners, Has.Count.EqualTo(3));
    }

    [Test]
    public void Form_5_gift_before_2023_02_27_is_not_flagged_but_one_after_is()
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("SNOW_form5.snow.xml"));
        var giftIn2023 = filing with
        {
            PeriodOfReport = new DateOnly(2024, 1, 31),
            Transactions = [filing.Transactions[0] with { Date = new DateOnly(2023, 3, 1) }],
        };

        var original = Form4Checker.Check(filing, "SNOW_form5", FilingTime.Parse("2022-03-11"));
        var late = Form4Checker.Check(giftIn2023, "synthetic", FilingTime.Parse("2024-03-01"));

        Assert.Multiple(() =>
        {
            Assert.That(original.Findings, Is.Empty);
            Assert.That(original.Late, Is.False);
            Assert.That(late.Findings.Single().Code, Is.EqualTo(FindingCodes.GiftOnForm5));
            Assert.That(late.Findings.Single().WarrantsConcern, Is.True);
            Assert.That(late.LateTransactions, Is.EqualTo(1));
        });
    }

    [Test]
    public void Purchase_on_Form_5_needs_review()
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("SNOW_form5.snow.xml"));
        var purchase = filing with { Transactions = [filing.Transactions[0] with { Code = "P", AcquiredDisposed = "A" }] };

        var result = Form4Checker.Check(purchase, "synthetic", FilingTime.Parse("2022-03-11"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Single().Code, Is.EqualTo(FindingCodes.PurchaseOnlyOnForm5));
            Assert.That(result.Findings.Single().Message, Does.Contain("needs review"));
        });
    }

    [Test]
    public void Unknown_filing_date_says_what_the_signature_date_implies()
    {
        var timely = Form4Checker.Check(FilingFixtures.Form4("SNOW_form4.snow.xml"));
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("SNOW_form4.snow.xml"));
        var signedLate = Form4Checker.Check(filing with { SignatureDate = new DateOnly(2022, 12, 19) }, "synthetic");

        Assert.Multiple(() =>
        {
            Assert.That(timely.Late, Is.Null);
            Assert.That(timely.Filed, Is.Null);
            Assert.That(timely.Findings.Single().Code, Is.EqualTo(FindingCodes.FiledDateUnknown));
            Assert.That(timely.Findings.Single().WarrantsConcern, Is.False);
            Assert.That(timely.Findings.Single().Message, Does.Contain("Signed 2022-12-14, on or before the due date 2022-12-15"));
            Assert.That(signedLate.Findings.Single().Message, Does.Contain("2 business day(s) after the due date 2022-12-15: late even if"));
        });
    }

    [Test]
    public void Deemed_execution_date_moves_the_due_date()
    {
        var filing = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("AIR_0001127602-25-001055.xml"));
        var deemed = filing with { Transactions = [filing.Transactions[0] with { DeemedExecutionDate = new DateOnly(2025, 1, 14) }] };

        var result = Form4Checker.Check(deemed, "synthetic", FilingTime.Parse("2025-01-15"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Due, Is.EqualTo(new DateOnly(2025, 1, 16)));
            Assert.That(result.Late, Is.False);
        });
    }
}
