using System.Globalization;
using System.Text.RegularExpressions;
using EthicsCases.Domain.Sanctions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EthicsCases.Domain.Oversight;

/// <summary>
/// The Audit Committee's quarterly report as a PDF (PDFsharp, like the written notice): the program metrics beside
/// NAVEX's medians, the charts, open cases by age, overdue deadlines, the quarter's determinations and sanctions, the
/// Form 4 monitor's findings and, once they exist, waivers. It prints only what <see cref="QuarterlyReportContent"/>
/// holds, which has no narrative. Needs the same font and PDFsharp license as <see cref="WrittenNoticeGenerator"/>.
/// </summary>
public static partial class QuarterlyReportGenerator
{
    private const string Dash = "\u2013";

    /// <summary>Renders the report.</summary>
    /// <exception cref="ValidationFailedException">The content does not fit the quarter or holds something that is not a
    /// reference or a code where one is expected.</exception>
    /// <exception cref="InvalidOperationException">No font, or no PDFsharp license loaded.</exception>
    public static byte[] Generate(QuarterlyReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Validate(content);
        NoticeFontResolver.EnsureInstalled();

        using var document = NewDocument();
        document.Info.Title = $"Audit Committee quarterly report {content.Quarter}";
        document.Info.Author = $"{content.Company} Audit Committee";
        document.Info.Subject = "SOP II-031: oversight of ethics concerns";

        // The pages keep the chart images alive until the document is saved.
        using var page = new ReportPages(document, $"{content.Company}  |  Confidential  |  Audit Committee quarterly report {content.Quarter}");
        Write(page, content);
        page.Finish();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static PdfDocument NewDocument()
    {
        try
        {
            return new PdfDocument();
        }
        catch (PdfSharp.License.PdfSharpLicenseException e)
        {
            throw new InvalidOperationException(
                "Cannot produce the quarterly report PDF: no valid PDFsharp license is loaded. The host must call " +
                "PdfSharpLicense.SetAgplLicense() or PdfSharpLicense.LoadLicense(key) at start-up (see WrittenNoticeGenerator).", e);
        }
    }

    private static void Write(ReportPages p, QuarterlyReportContent c)
    {
        var q = c.Quarter;
        var m = c.Metrics;
        p.Text(c.Company, p.Title);
        p.Text($"Audit Committee quarterly report: {q} ({Date(q.FirstDay)} to {Date(q.LastDay)})", p.Subtitle, spaceAfter: 4);
        p.Text($"Prepared {Date(c.PreparedOn)}. Confidential: for the Audit Committee of the Board of Directors.", p.Small, spaceAfter: 14);

        p.Heading("1. Program metrics");
        var quarter = m.ByQuarter.Single(x => x.Quarter == q);
        var range = Quarter.Count(m.FirstQuarter, m.LastQuarter) > 1;
        var b = m.Benchmarks;
        var columns = new List<Column> { new("Measure", 0.40, Align.Left), new(q.ToString(), 0.13, Align.Right) };
        if (range)
        {
            columns.Add(new Column($"{m.FirstQuarter}{Dash}{m.LastQuarter}", 0.19, Align.Right));
        }

        columns.Add(new Column("NAVEX benchmark median", range ? 0.28 : 0.47, Align.Right));
        var rows = new List<string[]>();
        void Row(string label, Func<MetricsMeasures, string> value, string navex) =>
            rows.Add(range ? [label, value(quarter), value(m), navex] : [label, value(quarter), navex]);

        Row("Reports from people", x => Count(x.Reports), Dash);
        Row("Reports per 100 employees a year", x => Number(x.ReportsPer100Employees), Number(b.ReportsPer100Employees));
        Row("Anonymous share", x => Percent(x.AnonymousShare), Percent(b.AnonymousShare));
        Row("Anonymous follow-up rate", x => Percent(x.AnonymousFollowUpRate), Percent(b.AnonymousFollowUpRate));
        Row("Cases closed", x => Count(x.Closed), Dash);
        Row("Substantiation rate", x => Percent(x.SubstantiationRate), Percent(b.SubstantiationRate));
        Row("Median days to close", x => Number(x.MedianDaysToClose), $"{Number(b.MedianDaysToClose)} (best practice {Number(b.BestPracticeDaysToClose)})");
        Row("90th percentile days to close", x => Count(x.P90DaysToClose), Dash);
        Row("Median days from incident to report", x => Number(x.MedianDaysIncidentToReport), Dash);
        Row("Form 4 monitor findings", x => Count(x.Form4Findings), Dash);
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            Row($"On time: {KindWords(kind)}", x => OnTime(x.DeadlinesMetOnTime[kind]), Dash);
        }

        foreach (var outcome in Enum.GetValues<CaseOutcome>())
        {
            Row($"Closed: {MetricsCharts.OutcomeWords(outcome)}", x => Count(x.Outcomes[outcome]), Dash);
        }

        foreach (var sanction in Enum.GetValues<Sanction>())
        {
            Row($"Sanction: {SanctionWording.Title(sanction)}", x => Count(x.Sanctions[sanction]), Dash);
        }

        p.Table(columns, rows);
        p.Text(
            $"{b.Label} (data version {b.Version}): {b.Source} Latest edition consulted: {b.Year}. Shown for comparison only; they are NAVEX's " +
            "figures, not this program's. Reports count in the quarter they were filed, closures in the quarter they closed. " +
            "Substantiation is violations found among cases closed with a finding (dismissals left out). Form 4 monitor " +
            "findings are left out of the reporting measures and included in the closure measures.", p.Small, spaceAfter: 14);

        p.Heading("2. Charts");
        foreach (var chart in Enum.GetValues<MetricsChart>())
        {
            p.Image(MetricsCharts.Png(chart, m, MetricsCharts.DefaultWidth, MetricsCharts.DefaultHeight, scale: 2.5),
                MetricsCharts.DefaultWidth, MetricsCharts.DefaultHeight);
        }

        p.Heading($"3. Open cases by age on {Date(c.OpenCases.AsOf)}");
        p.Table(
            [new("0\u201330 days", 0.2, Align.Right), new("31\u201390 days", 0.2, Align.Right), new("91\u2013180 days", 0.2, Align.Right),
             new("Over 180 days", 0.2, Align.Right), new("Open cases", 0.2, Align.Right)],
            [[Count(c.OpenCases.UpTo30Days), Count(c.OpenCases.From31To90Days), Count(c.OpenCases.From91To180Days),
              Count(c.OpenCases.Over180Days), Count(c.OpenCases.Total)]]);

        p.Heading("4. Overdue deadlines");
        if (c.OverdueDeadlines.Count == 0)
        {
            p.Text("No overdue deadlines.");
        }
        else
        {
            p.Table(
                [new("Case", 0.25, Align.Left), new("Deadline", 0.3, Align.Left), new("Due", 0.25, Align.Left), new("Days overdue", 0.2, Align.Right)],
                c.OverdueDeadlines.OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Reference, StringComparer.Ordinal)
                    .Select(o => new[] { o.Reference, KindWords(o.Kind), Date(o.Due), Count(o.DaysOverdue) }));
        }

        p.Heading($"5. Determinations and sanctions in {q}");
        if (c.Determinations.Count == 0)
        {
            p.Text("No determinations were recorded in the quarter.");
        }
        else
        {
            p.Table(
                [new("Case", 0.15, Align.Left), new("Meeting", 0.15, Align.Left), new("Outcome", 0.18, Align.Left),
                 new("Sanctions", 0.22, Align.Left), new("Recommended", 0.19, Align.Left), new("Departs", 0.11, Align.Left)],
                c.Determinations.OrderBy(d => d.Date).ThenBy(d => d.Reference, StringComparer.Ordinal).Select(d => new[]
                {
                    d.Reference, Date(d.Date), MetricsCharts.OutcomeWords(d.Outcome),
                    d.Sanctions.Count == 0 ? "none" : string.Join("; ", d.Sanctions.Select(SanctionWording.Title)),
                    d.Recommendation is { } r ? SanctionWording.Title(r) : Dash,
                    d.DepartsFromRecommendation ? "yes" : "no",
                }));
        }

        p.Heading($"6. Form 4 monitor findings in {q}");
        if (c.Form4Findings.Count == 0)
        {
            p.Text("The Form 4 monitor filed no cases in the quarter.");
        }
        else
        {
            p.Table(
                [new("Case", 0.22, Align.Left), new("Finding", 0.3, Align.Left), new("Filed", 0.2, Align.Left), new("Status", 0.28, Align.Left)],
                c.Form4Findings.OrderBy(f => f.FiledOn).ThenBy(f => f.Reference, StringComparer.Ordinal).Select(f => new[]
                {
                    f.Reference, f.Code, Date(f.FiledOn), f.Outcome is { } o ? $"Closed: {MetricsCharts.OutcomeWords(o)}" : StateWords(f.State),
                }));
        }

        if (c.Waivers is { } waivers)
        {
            p.Heading("7. Waivers of the Code of Ethics");
            if (waivers.Count == 0)
            {
                p.Text("No waivers.");
            }
            else
            {
                p.Table(
                    [new("Person", 0.24, Align.Left), new("Provision", 0.13, Align.Left), new("State", 0.11, Align.Left), new("Decided", 0.14, Align.Left),
                     new("Disclosure due", 0.16, Align.Left), new("Disclosed", 0.14, Align.Left), new("Late", 0.08, Align.Left)],
                    waivers.Select(w => new[]
                    {
                        w.Person, w.Provision, w.State, OptionalDate(w.Decided), OptionalDate(w.DisclosureDue), OptionalDate(w.Disclosed),
                        w.Late ? "yes" : "no",
                    }));
            }
        }
    }

    private static void Validate(QuarterlyReportContent c)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(c.Company))
        {
            Fail("company", "company is required.");
        }

        if (c.Metrics is null || c.Quarter < c.Metrics.FirstQuarter || c.Quarter > c.Metrics.LastQuarter)
        {
            Fail("metrics", $"the metrics must cover {c.Quarter}.");
        }

        if (c.OpenCases is null || c.OverdueDeadlines is null || c.Determinations is null || c.Form4Findings is null)
        {
            Fail("content", "open cases, overdue deadlines, determinations and Form 4 findings are required (empty lists when there are none).");
        }
        else
        {
            // References and codes only: anything longer or freer would be narrative, which the report never carries.
            var references = c.OverdueDeadlines.Select(o => o.Reference).Concat(c.Determinations.Select(d => d.Reference))
                .Concat(c.Form4Findings.Select(f => f.Reference));
            if (references.FirstOrDefault(r => r is null || !ReferencePattern().IsMatch(r)) is { } badReference)
            {
                Fail("reference", $"'{Shorten(badReference)}' is not a case reference.");
            }

            if (c.Form4Findings.FirstOrDefault(f => f.Code is null || !CodePattern().IsMatch(f.Code)) is { } badCode)
            {
                Fail("form4Findings", $"'{Shorten(badCode.Code)}' is not a finding code; the report shows codes, never finding messages.");
            }

            if (c.OverdueDeadlines.Any(o => o.DaysOverdue < 1))
            {
                Fail("overdueDeadlines", "an overdue deadline is at least one day past due.");
            }
        }

        if (c.Waivers?.FirstOrDefault(w => Blank(w.Person) || Blank(w.Provision) || Blank(w.State)
                || w.Person.Length > 120 || w.Provision.Length > 60 || w.State.Length > 30) is { } badWaiver)
        {
            Fail("waivers", $"a waiver row names the person (up to 120 characters), the provision (up to 60) and the state (up to 30): '{Shorten(badWaiver.Person)}'.");
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    private static string Shorten(string? s) => s is null ? "(null)" : s.Length > 40 ? s[..40] + "..." : s;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,59}$")]
    private static partial Regex CodePattern();

    internal static string KindWords(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Acknowledge => "Acknowledge",
        DeadlineKind.Feedback => "Feedback",
        DeadlineKind.Triage => "Triage",
        DeadlineKind.Investigation => "Investigation",
        DeadlineKind.BoardDetermination => "Board determination",
        _ => kind.ToString(),
    };

    private static string StateWords(CaseState state) => state switch
    {
        CaseState.Intake => "Intake",
        CaseState.GeneralCounselReview => "General Counsel review",
        CaseState.AuditCommitteeReview => "Audit Committee review",
        CaseState.BoardDetermination => "Board determination",
        CaseState.Closed => "Closed",
        _ => state.ToString(),
    };

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string OptionalDate(DateOnly? date) => date is { } d ? Date(d) : Dash;

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int? n) => n is { } v ? Count(v) : Dash;

    private static string Number(double? x) => x is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : Dash;

    private static string Percent(double? x) => x is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : Dash;

    private static string OnTime(DeadlineStats s)
    {
        var settled = s.MetOnTime + s.MetLate + s.Overdue;
        return settled == 0 ? Dash : $"{Count(s.MetOnTime)} of {Count(settled)} ({Percent(s.OnTimeRate)})";
    }

    private enum Align
    {
        Left,
        Right,
    }

    private sealed record Column(string Header, double Share, Align Align);

    /// <summary>Flows headings, paragraphs, tables and images down A4 pages, repeating a table's header on a new page.</summary>
    private sealed class ReportPages : IDisposable
    {
        private const double Margin = 50;
        private const double CellPadding = 4;

        private readonly XFont _footerFont = Font(7.5, bold: false);
        private readonly XPen _rule = new(XColors.LightGray, 0.5);
        private readonly XBrush _headerFill = new XSolidBrush(XColor.FromArgb(236, 239, 243));

        private readonly PdfDocument _document;
        private readonly string _footer;
        private readonly List<IDisposable> _images = [];
        private PdfPage _page = null!;
        private XGraphics _graphics = null!;
        private double _y;

        public ReportPages(PdfDocument document, string footer)
        {
            _document = document;
            _footer = footer;
            NewPage();
        }

        public XFont Title { get; } = Font(17, bold: true);

        public XFont Subtitle { get; } = Font(12, bold: true);

        public XFont SectionFont { get; } = Font(12, bold: true);

        public XFont Body { get; } = Font(9.5, bold: false);

        public XFont Cell { get; } = Font(8.5, bold: false);

        public XFont HeaderCell { get; } = Font(8.5, bold: true);

        public XFont Small { get; } = Font(8, bold: false);

        private double Bottom => _page.Height.Point - Margin;

        private double Width => _page.Width.Point - (2 * Margin);

        public void Heading(string text)
        {
            // Keep a heading with at least a few lines of what follows it.
            if (_y + 80 > Bottom)
            {
                Break();
            }

            _y += 6;
            Text(text, SectionFont, spaceAfter: 6);
        }

        public void Text(string text, XFont? font = null, double spaceAfter = 10)
        {
            font ??= Body;
            var lineHeight = font.Size * 1.35;
            foreach (var line in Wrap(text, font, Width))
            {
                if (_y + lineHeight > Bottom)
                {
                    Break();
                }

                _graphics.DrawString(line, font, XBrushes.Black, Margin, _y + font.Size);
                _y += lineHeight;
            }

            _y += spaceAfter;
        }

        public void Image(byte[] png, int pixelWidth, int pixelHeight)
        {
            var height = Width * pixelHeight / pixelWidth;
            if (_y + height > Bottom)
            {
                Break();
            }

            var stream = new MemoryStream(png);
            _images.Add(stream);
            var image = XImage.FromStream(stream);
            _images.Add(image);
            _graphics.DrawImage(image, Margin, _y, Width, height);
            _y += height + 8;
        }

        public void Table(IReadOnlyList<Column> columns, IEnumerable<string[]> rows)
        {
            var widths = columns.Select(c => c.Share * Width).ToArray();
            var headers = columns.Select(c => c.Header).ToArray();
            DrawRow(headers, columns, widths, HeaderCell, header: true);
            foreach (var row in rows)
            {
                if (!DrawRow(row, columns, widths, Cell, header: false))
                {
                    Break();
                    DrawRow(headers, columns, widths, HeaderCell, header: true);
                    DrawRow(row, columns, widths, Cell, header: false);
                }
            }

            _y += 10;
        }

        public void Finish()
        {
            DrawFooter();
            _graphics.Dispose();
        }

        public void Dispose()
        {
            foreach (var image in _images)
            {
                image.Dispose();
            }
        }

        // False when the row does not fit on this page (nothing drawn).
        private bool DrawRow(string[] cells, IReadOnlyList<Column> columns, double[] widths, XFont font, bool header)
        {
            var lineHeight = font.Size * 1.3;
            var wrapped = cells.Select((text, i) => Wrap(text, font, widths[i] - (2 * CellPadding)).ToList()).ToList();
            var height = (wrapped.Max(lines => lines.Count) * lineHeight) + (2 * CellPadding);
            if (_y + height > Bottom)
            {
                if (header)
                {
                    Break();
                }
                else
                {
                    return false;
                }
            }

            if (header)
            {
                _graphics.DrawRectangle(_headerFill, Margin, _y, Width, height);
            }

            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                var lineY = _y + CellPadding + font.Size;
                foreach (var line in wrapped[i])
                {
                    var left = columns[i].Align == Align.Right
                        ? x + widths[i] - CellPadding - _graphics.MeasureString(line, font).Width
                        : x + CellPadding;
                    _graphics.DrawString(line, font, XBrushes.Black, left, lineY);
                    lineY += lineHeight;
                }

                x += widths[i];
            }

            _y += height;
            _graphics.DrawLine(_rule, Margin, _y, Margin + Width, _y);
            return true;
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = string.Empty;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (Fits(candidate, font, width))
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        yield return line;
                    }

                    line = word;
                    while (line.Length > 1 && !Fits(line, font, width))
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && !Fits(line[..cut], font, width))
                        {
                            cut--;
                        }

                        yield return line[..cut];
                        line = line[cut..];
                    }
                }

                yield return line;
            }
        }

        private bool Fits(string text, XFont font, double width) => _graphics.MeasureString(text, font).Width <= width;

        private void Break()
        {
            DrawFooter();
            _graphics.Dispose();
            NewPage();
        }

        private void NewPage()
        {
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private void DrawFooter()
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{_footer}  |  Page {_document.PageCount}");
            _graphics.DrawString(text, _footerFont, XBrushes.Gray, Margin, _page.Height.Point - (Margin / 2));
        }

        private static XFont Font(double size, bool bold) =>
            new(NoticeFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }
}
