using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

public class Section16DeadlineTests
{
    private static OwnershipFiling Filing(string type, DateOnly? period, params DateOnly[] transactionDates) => new()
    {
        SourceFormat = FilingSourceFormat.EdgarXml,
        DocumentType = type,
        Issuer = new FilingIssuer("0000000001", "Example Corp", "EXMP"),
        ReportingOwners = [new ReportingOwner { Name = "Doe Jane", Cik = "0000000002" }],
        PeriodOfReport = period,
        Transactions = transactionDates.Select(d => new OwnershipTransaction
        {
            Table = TransactionTable.NonDerivative, Security = "Common Stock", Date = d, Code = "S", Shares = 1m, Price = 1m,
        }).ToList(),
    };

    [Test]
    public void Form_3_is_due_10_days_after_the_event_moved_past_a_holiday()
    {
        // 2024-06-24 + 10 days = Thursday 2024-07-04, Independence Day: due Friday 2024-07-05.
        var due = Section16Deadlines.Due(Filing("3", new DateOnly(2024, 6, 24)), SecBusinessCalendar.Default);

        Assert.That(due, Is.EqualTo(new DateOnly(2024, 7, 5)));
    }

    [Test]
    public void Form_5_without_a_period_assumes_a_december_year_end()
    {
        // 2024-12-31 + 45 days = Friday 2025-02-14.
        var due = Section16Deadlines.Due(Filing("5", null, new DateOnly(2024, 8, 1)), SecBusinessCalendar.Default);

        Assert.That(due, Is.EqualTo(new DateOnly(2025, 2, 14)));
    }

    [Test]
    public void Form_5_fiscal_year_end_supplied_by_the_caller_wins()
    {
        var due = Section16Deadlines.Due(Filing("5", new DateOnly(2024, 12, 31)), SecBusinessCalendar.Default, new DateOnly(2024, 9, 30));

        Assert.That(due, Is.EqualTo(new DateOnly(2024, 11, 14)));
    }

    [Test]
    public void Amendment_is_judged_by_the_original_submission_date()
    {
        var amendment = Filing("4/A", null, new DateOnly(2025, 3, 14)) with { DateOfOriginalSubmission = new DateOnly(2025, 3, 18) };

        var result = Form4Checker.Check(amendment, "synthetic", FilingTime.Parse("2025-04-30"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Filed, Is.EqualTo(new DateOnly(2025, 4, 30)));
            Assert.That(result.Due, Is.EqualTo(new DateOnly(2025, 3, 18)));
            Assert.That(result.Late, Is.False);
        });
    }

    [Test]
    public void Weekend_filing_counts_as_filed_the_next_business_day()
    {
        var result = Form4Checker.Check(Filing("4", null, new DateOnly(2025, 3, 13)), "synthetic", FilingTime.Parse("2025-03-15T10:00"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Due, Is.EqualTo(new DateOnly(2025, 3, 17)));
            Assert.That(result.Filed, Is.EqualTo(new DateOnly(2025, 3, 17)));
            Assert.That(result.Late, Is.False);
        });
    }

    [TestCase("2025-03-18", 2025, 3, 18, null)]
    [TestCase("2025-03-18T22:00", 2025, 3, 18, "22:00")]
    [TestCase("2025-03-18T20:14:44", 2025, 3, 18, "20:14")]
    public void Filed_option_accepts_a_date_or_a_date_and_eastern_time(string text, int year, int month, int day, string? time)
    {
        var filed = FilingTime.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(filed.Date, Is.EqualTo(new DateOnly(year, month, day)));
            Assert.That(filed.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(time));
            Assert.That(filed.EffectiveDate(SecBusinessCalendar.Default), Is.EqualTo(new DateOnly(year, month, day)), "by 10 pm counts that day");
        });
    }

    [Test]
    public void Filed_option_rejects_other_formats()
    {
        Assert.Throws<FormatException>(() => FilingTime.Parse("03/18/2025"));
    }
}
