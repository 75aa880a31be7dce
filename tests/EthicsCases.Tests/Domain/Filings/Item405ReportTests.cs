using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

public class Item405ReportTests
{
    [Test]
    public void Late_reports_late_transactions_and_failures_to_file_are_counted_per_person()
    {
        var lateForm4 = Form4Checker.Check(FilingFixtures.Form4("ZIP_0001617553-25-000024.xml"), FilingTime.Parse("2025-03-20"));
        var timelyForm4 = Form4Checker.Check(FilingFixtures.Form4("AIR_0001127602-25-001055.xml"), FilingTime.Parse("2025-01-10"));
        var form5 = OwnershipFilingParser.ParseFile(FilingFixtures.Form4("SNOW_form5.snow.xml"));
        var giftOnForm5 = Form4Checker.Check(
            form5 with
            {
                PeriodOfReport = new DateOnly(2025, 1, 31),
                Transactions = [form5.Transactions[0] with { Date = new DateOnly(2024, 6, 3) }],
            },
            "synthetic-form5",
            FilingTime.Parse("2025-03-10"));

        var report = Item405Report.Build([lateForm4, timelyForm4, giftOnForm5]);

        var zip = report.Single(e => e.Name == lateForm4.ReportingOwners[0].Name);
        var snow = report.Single(e => e.Name == form5.ReportingOwners[0].Name);
        Assert.Multiple(() =>
        {
            Assert.That(report, Has.Count.EqualTo(2), "the timely filer has nothing to disclose");
            Assert.That(lateForm4.Late, Is.True);
            Assert.That(zip.LateReports, Is.EqualTo(1));
            Assert.That(zip.LateTransactions, Is.EqualTo(lateForm4.Transactions.Count));
            Assert.That(zip.KnownFailuresToFile, Is.Zero);
            Assert.That(snow.LateReports, Is.Zero);
            Assert.That(snow.LateTransactions, Is.EqualTo(1));
            Assert.That(snow.KnownFailuresToFile, Is.EqualTo(1));
            Assert.That(snow.Details.Single(), Does.Contain("first reported on Form 5"));
        });
    }

    [Test]
    public void Filings_due_outside_the_fiscal_year_are_left_out()
    {
        var late = Form4Checker.Check(FilingFixtures.Form4("ZIP_0001617553-25-000024.xml"), FilingTime.Parse("2025-03-20"));

        var report = Item405Report.Build([late], new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));

        Assert.That(report, Is.Empty);
    }
}
