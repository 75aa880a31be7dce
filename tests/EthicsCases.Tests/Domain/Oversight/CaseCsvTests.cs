using System.Globalization;
using CsvHelper;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Tests.Domain.Oversight;

public class CaseCsvTests
{
    private static readonly CaseExportRow Determined = new(
        "EC-2026-0007", ConcernCategory.BooksAndRecords, CaseState.Closed, CaseOutcome.ViolationFound,
        new DateTime(2026, 1, 5, 9, 30, 0, DateTimeKind.Utc), new DateTime(2026, 2, 14, 16, 0, 0, DateTimeKind.Utc),
        Anonymous: false, Reporter: "Ana Reyes", Subjects: ["Jordan Whitaker", "Sam Lee"],
        new ExportedDetermination(true, [Sanction.SuspensionWithoutPay, Sanction.Censure], Sanction.SuspensionWithoutPay, DepartsFromRecommendation: false));

    private static readonly CaseExportRow Open = new(
        "EC-2026-0008", ConcernCategory.Fraud, CaseState.Intake, null,
        new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), null, Anonymous: true, Reporter: null, Subjects: null, Determination: null);

    private static string Write(params CaseExportRow[] rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CaseCsv.Write(writer, rows);
        return writer.ToString();
    }

    private static List<string[]> Read(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!).ToArray());
        }

        return rows;
    }

    [Test]
    public void Export_has_a_header_and_one_row_per_case_with_iso_dates_and_joined_lists()
    {
        var csv = Write(Determined, Open);

        Assert.That(csv.Split("\r\n"), Is.EqualTo(new[]
        {
            "reference,category,state,outcome,filedAt,closedAt,anonymous,reporter,subjects,violation,sanctions,recommendation,departsFromRecommendation",
            "EC-2026-0007,BooksAndRecords,Closed,ViolationFound,2026-01-05T09:30:00Z,2026-02-14T16:00:00Z,false,Ana Reyes,Jordan Whitaker;Sam Lee,true,SuspensionWithoutPay;Censure,SuspensionWithoutPay,false",
            "EC-2026-0008,Fraud,Intake,,2026-03-01T00:00:00Z,,true,,,,,,",
            "",
        }));
    }

    [Test]
    public void Write_returns_the_number_of_cases_written()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        Assert.That(CaseCsv.Write(writer, [Determined, Open, Determined]), Is.EqualTo(3));
    }

    [Test]
    public void Anonymous_report_never_shows_a_reporter_even_if_one_is_passed()
    {
        var rows = Read(Write(Open with { Reporter = "leaked@example.com" }));

        Assert.Multiple(() =>
        {
            Assert.That(rows[1][CaseCsv.Columns.ToList().IndexOf("reporter")], Is.Empty);
            Assert.That(string.Join(",", rows[1]), Does.Not.Contain("leaked"));
        });
    }

    [Test]
    public void Subjects_the_viewer_may_not_see_are_written_empty()
    {
        var rows = Read(Write(Determined with { Subjects = null }));

        Assert.Multiple(() =>
        {
            Assert.That(rows[1][CaseCsv.Columns.ToList().IndexOf("subjects")], Is.Empty);
            Assert.That(string.Join(",", rows[1]), Does.Not.Contain("Whitaker"));
        });
    }

    [Test]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_prefixed_with_an_apostrophe()
    {
        var hostile = Determined with
        {
            Reference = "=HYPERLINK(\"http://evil.example\",\"open\")",
            Reporter = "+1+cmd|' /C calc'!A0",
            Subjects = ["-2+3", "@SUM(A1:A9)"],
        };

        var rows = Read(Write(hostile));
        var columns = CaseCsv.Columns.ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows[1][columns.IndexOf("reference")], Is.EqualTo("'=HYPERLINK(\"http://evil.example\",\"open\")"));
            Assert.That(rows[1][columns.IndexOf("reporter")], Is.EqualTo("'+1+cmd|' /C calc'!A0"));
            // The cell starts with '-', so the whole cell is escaped; the ';'-joined '@' inside it is not at a cell start.
            Assert.That(rows[1][columns.IndexOf("subjects")], Is.EqualTo("'-2+3;@SUM(A1:A9)"));
            Assert.That(rows[1][columns.IndexOf("filedAt")], Is.EqualTo("2026-01-05T09:30:00Z"), "ordinary cells untouched");
        });
    }

    [Test]
    public void Commas_quotes_and_line_breaks_in_a_cell_are_quoted_and_read_back_intact()
    {
        var rows = Read(Write(Determined with { Reporter = "Reyes, Ana \"AR\"\nFinance" }));

        Assert.That(rows[1][CaseCsv.Columns.ToList().IndexOf("reporter")], Is.EqualTo("Reyes, Ana \"AR\"\nFinance"));
    }
}
