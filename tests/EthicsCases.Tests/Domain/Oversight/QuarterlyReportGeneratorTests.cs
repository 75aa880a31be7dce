using System.Diagnostics;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Sanctions;
using PdfSharp;

namespace EthicsCases.Tests.Domain.Oversight;

// Needs a TrueType font (Debian: fonts-dejavu-core) and poppler-utils (pdftotext, pdfimages) on the machine, and the
// AGPL PDFsharp license the tests load (production hosts choose theirs; see WrittenNoticeGenerator).
[NonParallelizable]
public class QuarterlyReportGeneratorTests
{
    private static readonly Quarter Q2 = new(2026, 2);

    [SetUp]
    public void LoadPdfSharpLicense() => PdfSharpLicense.SetAgplLicense();

    // Metrics of the hand-computed fixture in ProgramMetricsTests over 2026Q1-2026Q2, reporting on 2026Q2.
    private static QuarterlyReportContent Content() => new(
        Q2,
        PreparedOn: new DateOnly(2026, 7, 6),
        Metrics: ProgramMetrics.From(MetricsBuckets.From(ProgramMetricsTests.Fixture).All, 1000, new Quarter(2026, 1), Q2),
        // Open on 30 June: cases 5 (filed 15 Feb, 135 days), 8 (31 Mar, 91 days) and 12 (30 Jun, 0 days).
        OpenCases: OpenCaseAging.From(
            ProgramMetricsTests.Fixture.Where(f => f.ClosedAt is null).Select(f => f.FiledAt), Q2.LastDay),
        OverdueDeadlines:
        [
            new OverdueDeadlineRow("EC-2026-0005", DeadlineKind.Feedback, new DateOnly(2026, 5, 15), 52),
            new OverdueDeadlineRow("EC-2026-0008", DeadlineKind.Acknowledge, new DateOnly(2026, 4, 7), 90),
        ],
        Determinations:
        [
            new DeterminationRow("EC-2026-0004", new DateOnly(2026, 4, 10), CaseOutcome.ViolationFound, [Sanction.Termination], Sanction.Termination, false),
            new DeterminationRow("EC-2026-0009", new DateOnly(2026, 4, 30), CaseOutcome.ViolationFound, [Sanction.SuspensionWithoutPay], Sanction.Censure, true),
            new DeterminationRow("EC-2026-0010", new DateOnly(2026, 6, 12), CaseOutcome.NoViolationFound, [], null, false),
        ],
        Form4Findings: [new Form4FindingRow("EC-2026-0012", "LateFiling", new DateOnly(2026, 6, 30), CaseState.Intake, null)],
        Waivers: [new WaiverRow("Jordan Whitaker", "II-030 4.2", "Granted", new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 8), new DateOnly(2026, 5, 11), Late: true)]);

    [Test]
    public void Report_shows_the_quarter_the_metrics_beside_the_labelled_navex_medians_and_every_section()
    {
        var pdf = QuarterlyReportGenerator.Generate(Content());
        var text = PdfText(pdf);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Alto Ingredients, Inc."));
            Assert.That(text, Does.Contain("Audit Committee quarterly report: 2026Q2 (1 Apr 2026 to 30 Jun 2026)"));
            Assert.That(text, Does.Match(@"Measure\s+2026Q2\s+2026Q1.2026Q2\s+NAVEX benchmark median"));
            // Q2 column, then the half year, then NAVEX (figures hand-computed in ProgramMetricsTests).
            Assert.That(text, Does.Match(@"Reports from people\s+3\s+10\s"));
            Assert.That(text, Does.Match(@"Reports per 100 employees a year\s+1\.2\s+2\s+1\.4"));
            Assert.That(text, Does.Match(@"Anonymous share\s+66\.7%\s+60%\s+56%"));
            Assert.That(text, Does.Match(@"Anonymous follow-up rate\s+50%\s+50%\s+33%"));
            Assert.That(text, Does.Match(@"Substantiation rate\s+75%\s+57\.1%\s+45%"));
            Assert.That(text, Does.Match(@"Median days to close\s+45\s+40\s+43 \(best practice 31\)"));
            Assert.That(text, Does.Match(@"90th percentile days to close\s+70\s+70"));
            Assert.That(text, Does.Match(@"Median days from incident to report\s+17\.5\s+20"));
            Assert.That(text, Does.Match(@"Form 4 monitor findings\s+1\s+2"));
            Assert.That(text, Does.Match(@"On time: Acknowledge\s+.\s+2 of 4 \(50%\)"));
            Assert.That(text, Does.Match(@"Closed: Violation found\s+3\s+4"));
            Assert.That(text, Does.Match(@"Sanction: Termination of employment\s+1\s+1"));
            Assert.That(text, Does.Contain("NAVEX published benchmark medians"));
            Assert.That(text, Does.Contain("not this program's"));
            // Open cases on 30 June: 0-30: 1, 31-90: 0, 91-180: 2, over 180: 0, total 3.
            Assert.That(text, Does.Contain("Open cases by age on 30 Jun 2026"));
            Assert.That(text, Does.Match(@"\n\s*1\s+0\s+2\s+0\s+3\s*\n"));
            Assert.That(text, Does.Match(@"EC-2026-0008\s+Acknowledge\s+7 Apr 2026\s+90"));
            Assert.That(text, Does.Match(@"EC-2026-0005\s+Feedback\s+15 May 2026\s+52"));
            Assert.That(text.IndexOf("EC-2026-0008", StringComparison.Ordinal), Is.LessThan(text.IndexOf("EC-2026-0005", StringComparison.Ordinal)),
                "most overdue first");
            Assert.That(text, Does.Contain("Determinations and sanctions in 2026Q2"));
            Assert.That(text, Does.Match(@"EC-2026-0004\s+10 Apr 2026\s+Violation found\s+Termination of\s+Termination of\s+no"));
            Assert.That(text, Does.Match(@"EC-2026-0009\s+30 Apr 2026\s+Violation found\s+Suspension without\s+Censure\s+yes"));
            Assert.That(text, Does.Match(@"EC-2026-0010\s+12 Jun 2026\s+No violation found\s+none\s+.\s+no"));
            Assert.That(text, Does.Match(@"EC-2026-0012\s+LateFiling\s+30 Jun 2026\s+Intake"));
            Assert.That(text, Does.Contain("Waivers of the Code of Ethics"));
            Assert.That(text, Does.Match(@"Jordan Whitaker\s+II-030 4\.2\s+Granted\s+4 May 2026\s+8 May 2026\s+11 May 2026\s+yes"));
            Assert.That(ImageCount(pdf), Is.EqualTo(3), "the three charts");
        });
    }

    [Test]
    public void Empty_sections_say_so_and_an_empty_waiver_list_says_no_waivers()
    {
        var content = Content() with { OverdueDeadlines = [], Determinations = [], Form4Findings = [], Waivers = [] };

        var text = PdfText(QuarterlyReportGenerator.Generate(content));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("No overdue deadlines."));
            Assert.That(text, Does.Contain("No determinations were recorded in the quarter."));
            Assert.That(text, Does.Contain("The Form 4 monitor filed no cases in the quarter."));
            Assert.That(text, Does.Contain("No waivers."));
        });
    }

    [Test]
    public void Without_waivers_the_section_is_left_out()
    {
        var text = PdfText(QuarterlyReportGenerator.Generate(Content() with { Waivers = null }));

        Assert.That(text, Does.Not.Contain("Waivers"));
    }

    [Test]
    public void Report_on_a_single_quarter_has_no_range_column()
    {
        var content = Content() with { Metrics = ProgramMetrics.From(MetricsBuckets.From(ProgramMetricsTests.Fixture).All, 1000, Q2, Q2) };

        var text = PdfText(QuarterlyReportGenerator.Generate(content));

        Assert.That(text, Does.Match(@"Measure\s+2026Q2\s+NAVEX benchmark median").And.Match(@"Median days to close\s+45\s+43 \(best practice 31\)"));
    }

    [Test]
    public void Many_overdue_deadlines_flow_onto_further_pages_with_the_table_header_repeated()
    {
        var many = Enumerable.Range(1, 120)
            .Select(i => new OverdueDeadlineRow($"EC-2026-{i:D4}", DeadlineKind.Investigation, new DateOnly(2026, 5, 1), 200 - i))
            .ToList();

        var text = PdfText(QuarterlyReportGenerator.Generate(Content() with { OverdueDeadlines = many }));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("EC-2026-0001").And.Contain("EC-2026-0120"));
            Assert.That(System.Text.RegularExpressions.Regex.Count(text, @"Case\s+Deadline\s+Due\s+Days overdue"), Is.GreaterThanOrEqualTo(2));
        });
    }

    [Test]
    public void Finding_message_in_place_of_a_code_is_refused_so_no_narrative_reaches_the_report()
    {
        var content = Content() with
        {
            Form4Findings = [new Form4FindingRow("EC-2026-0012", "Late Form 4: Jordan Whitaker sold 10,000 shares", new DateOnly(2026, 6, 30), CaseState.Intake, null)],
        };

        var e = Assert.Throws<ValidationFailedException>(() => QuarterlyReportGenerator.Generate(content));

        Assert.That(e!.Errors.Keys, Does.Contain("form4Findings"));
    }

    [Test]
    public void Text_in_place_of_a_case_reference_is_refused()
    {
        var content = Content() with { OverdueDeadlines = [new OverdueDeadlineRow("EC-1 about the CFO's expenses", DeadlineKind.Feedback, new DateOnly(2026, 5, 1), 3)] };

        var e = Assert.Throws<ValidationFailedException>(() => QuarterlyReportGenerator.Generate(content));

        Assert.That(e!.Errors.Keys, Does.Contain("reference"));
    }

    [Test]
    public void Metrics_that_do_not_cover_the_quarter_are_refused()
    {
        var content = Content() with { Quarter = new Quarter(2026, 3) };

        var e = Assert.Throws<ValidationFailedException>(() => QuarterlyReportGenerator.Generate(content));

        Assert.That(e!.Errors.Keys, Does.Contain("metrics"));
    }

    [Test]
    public void Open_cases_are_aged_in_calendar_days_at_the_bucket_edges()
    {
        var asOf = new DateOnly(2026, 12, 31);
        DateTime DaysBefore(int days) => asOf.AddDays(-days).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);

        var aging = OpenCaseAging.From([DaysBefore(0), DaysBefore(30), DaysBefore(31), DaysBefore(90), DaysBefore(91), DaysBefore(180), DaysBefore(181)], asOf);

        Assert.That(aging, Is.EqualTo(new OpenCaseAging(asOf, 2, 2, 2, 1)));
    }

    private static string PdfText(byte[] pdf) => Run(pdf, "pdftotext", "-layout", "-enc", "UTF-8", "{0}", "-");

    private static int ImageCount(byte[] pdf) =>
        Run(pdf, "pdfimages", "-list", "{0}").Split('\n').Count(l => l.Contains(" image ", StringComparison.Ordinal));

    private static string Run(byte[] pdf, string tool, params string[] args)
    {
        Assert.That(pdf.AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));
        var path = Path.Combine(Path.GetTempPath(), $"quarterly-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, args.Select(a => a == "{0}" ? path : a))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Fail($"{tool} is not installed: apt-get install -y poppler-utils");
                throw;
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEnd();
                var errors = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.That(process.ExitCode, Is.Zero, errors);
                return output;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
