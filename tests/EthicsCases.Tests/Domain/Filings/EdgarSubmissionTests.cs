using System.Text;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

/// <summary>A full EDGAR submission text file: header times, then the XML document.</summary>
public class EdgarSubmissionTests
{
    /// <summary>Wraps a fixture's XML the way EDGAR's .txt submission does (built here, not stored).</summary>
    private static byte[] Submission(string fixture, string accession, string acceptance, string filedAsOf)
    {
        var xml = File.ReadAllText(FilingFixtures.Form4(fixture));
        return Encoding.UTF8.GetBytes($"""
            <SEC-DOCUMENT>{accession}.txt : {filedAsOf}
            <SEC-HEADER>{accession}.hdr.sgml : {filedAsOf}
            <ACCEPTANCE-DATETIME>{acceptance}
            ACCESSION NUMBER:		{accession}
            CONFORMED SUBMISSION TYPE:	4
            PUBLIC DOCUMENT COUNT:		1
            FILED AS OF DATE:		{filedAsOf}
            DATE AS OF CHANGE:		{filedAsOf}
            </SEC-HEADER>
            <DOCUMENT>
            <TYPE>4
            <SEQUENCE>1
            <FILENAME>form4.xml
            <TEXT>
            <XML>
            {xml}
            </XML>
            </TEXT>
            </DOCUMENT>
            </SEC-DOCUMENT>
            """);
    }

    [Test]
    public void Submission_header_gives_accession_and_acceptance_time_in_eastern_time()
    {
        var bytes = Submission("ZIP_0001617553-25-000024.xml", "0001617553-25-000024", "20250318201444", "20250318");

        var filing = OwnershipFilingParser.Parse(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(OwnershipFilingParser.DetectFormat(bytes), Is.EqualTo(FilingSourceFormat.EdgarSubmission));
            Assert.That(filing.SourceFormat, Is.EqualTo(FilingSourceFormat.EdgarSubmission));
            Assert.That(filing.AccessionNumber, Is.EqualTo("0001617553-25-000024"));
            Assert.That(filing.FiledAsOfDate, Is.EqualTo(new DateOnly(2025, 3, 18)));
            Assert.That(filing.Filed, Is.EqualTo(new DateTimeOffset(2025, 3, 18, 20, 14, 44, TimeSpan.FromHours(-4))));
            Assert.That(filing.Issuer.Ticker, Is.EqualTo("ZIP"));
        });
    }

    [Test]
    public void Submission_filed_after_8_pm_on_the_due_date_is_timely()
    {
        var bytes = Submission("ZIP_0001617553-25-000024.xml", "0001617553-25-000024", "20250318201444", "20250318");

        var result = Form4Checker.Check(bytes, "ZIP.txt");

        Assert.Multiple(() =>
        {
            Assert.That(result.Filed, Is.EqualTo(new DateOnly(2025, 3, 18)));
            Assert.That(result.FiledAt, Is.EqualTo("2025-03-18 20:14 ET"));
            Assert.That(result.Due, Is.EqualTo(new DateOnly(2025, 3, 18)));
            Assert.That(result.Late, Is.False);
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.AccessionNumber, Is.EqualTo("0001617553-25-000024"));
        });
    }

    [Test]
    public void Submission_accepted_after_10_pm_counts_as_filed_the_next_business_day()
    {
        // Accepted Friday 2025-01-10 at 22:30 ET (standard time): counts as Monday 2025-01-13, still before the 14th.
        var bytes = Submission("AIR_0001127602-25-001055.xml", "0001127602-25-001055", "20250110223000", "20250113");

        var result = Form4Checker.Check(bytes, "AIR.txt");

        Assert.Multiple(() =>
        {
            Assert.That(result.Filing.Filed!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(-5)));
            Assert.That(result.Filed, Is.EqualTo(new DateOnly(2025, 1, 13)));
            Assert.That(result.Late, Is.False);
        });
    }

    [Test]
    public void Caller_supplied_filed_time_wins_over_the_header()
    {
        var bytes = Submission("AIR_0001127602-25-001055.xml", "0001127602-25-001055", "20250110160730", "20250110");

        var result = Form4Checker.Check(bytes, "AIR.txt", FilingTime.Parse("2025-01-15T09:00"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Filed, Is.EqualTo(new DateOnly(2025, 1, 15)));
            Assert.That(result.Late, Is.True);
            Assert.That(result.BusinessDaysLate, Is.EqualTo(1));
        });
    }

    [Test]
    public void Submission_without_an_xml_document_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("<SEC-DOCUMENT>x\n<SEC-HEADER>\nACCESSION NUMBER: 1\n</SEC-HEADER>\n<DOCUMENT>\n<TEXT>paper</TEXT>\n</DOCUMENT>");

        var ex = Assert.Throws<FilingParseException>(() => OwnershipFilingParser.Parse(bytes))!;

        Assert.That(ex.Message, Does.Contain("without an <XML> document"));
    }
}
