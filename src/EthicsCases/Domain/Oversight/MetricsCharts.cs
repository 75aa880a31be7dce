using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace EthicsCases.Domain.Oversight;

/// <summary>The charts of the program metrics.</summary>
public enum MetricsChart
{
    /// <summary>People's reports filed per quarter (bars), Form 4 findings stacked on top.</summary>
    ReportsPerQuarter,

    /// <summary>Median days to close per quarter (bars) against NAVEX's benchmark median and best practice (lines).</summary>
    MedianDaysToClose,

    /// <summary>Cases closed in the period by outcome (bars).</summary>
    Outcomes,
}

/// <summary>
/// Renders the metrics charts on the server with ScottPlot 5: SVG to embed inline in pages, PNG for the quarterly
/// report PDF. The SVG is safe to inline under a strict Content-Security-Policy: no script, no event handler, no
/// reference outside itself (checked on every render), and its element ids carry a per-chart prefix so that several
/// charts on one page do not take each other's clip paths.
/// </summary>
public static partial class MetricsCharts
{
    /// <summary>Default size, in pixels.</summary>
    public const int DefaultWidth = 640;

    /// <summary>Default size, in pixels.</summary>
    public const int DefaultHeight = 360;

    private const string FontFamily = "DejaVu Sans";

    /// <summary>The chart's title (also the SVG's accessible name).</summary>
    public static string Title(MetricsChart chart) => chart switch
    {
        MetricsChart.ReportsPerQuarter => "Reports per quarter",
        MetricsChart.MedianDaysToClose => "Median days to close per quarter",
        MetricsChart.Outcomes => "Outcomes of cases closed",
        _ => throw new ArgumentOutOfRangeException(nameof(chart), chart, "Unknown chart."),
    };

    /// <summary>The chart as an SVG element (no XML declaration), ready to embed inline.</summary>
    /// <param name="chart">Which chart.</param>
    /// <param name="metrics">The metrics to draw.</param>
    /// <param name="width">Width in pixels (the SVG also gets a viewBox, so CSS can scale it).</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="idPrefix">Prefix for the SVG's element ids; by default the chart's name. Give another when the same
    /// chart appears twice on a page.</param>
    public static string Svg(MetricsChart chart, ProgramMetrics metrics, int width = DefaultWidth, int height = DefaultHeight, string? idPrefix = null)
    {
        var prefix = idPrefix ?? Kebab(chart.ToString());
        if (!SafeId().IsMatch(prefix))
        {
            throw new ArgumentException("The id prefix must start with a letter and hold only letters, digits and hyphens.", nameof(idPrefix));
        }

        var plot = Build(chart, metrics);
        return Sanitise(plot.GetSvgXml(width, height), Title(chart), prefix, width, height);
    }

    /// <summary>The chart as PNG bytes (for the PDF).</summary>
    /// <param name="chart">Which chart.</param>
    /// <param name="metrics">The metrics to draw.</param>
    /// <param name="width">Layout width.</param>
    /// <param name="height">Layout height.</param>
    /// <param name="scale">Pixels per layout unit: the same chart as the SVG at <paramref name="scale"/> times the
    /// resolution (2 or more for print). The image is <paramref name="width"/> × <paramref name="scale"/> pixels wide.</param>
    public static byte[] Png(MetricsChart chart, ProgramMetrics metrics, int width = DefaultWidth, int height = DefaultHeight, double scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 8);
        var plot = Build(chart, metrics);
        plot.ScaleFactor = scale;
        return plot.GetImageBytes((int)Math.Round(width * scale), (int)Math.Round(height * scale), ImageFormat.Png);
    }

    private static Plot Build(MetricsChart chart, ProgramMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var plot = new Plot();
        plot.Font.Set(FontFamily);
        // Counts and days are whole numbers: no 2.5 reports on the axis.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title(Title(chart), size: 15);
        switch (chart)
        {
            case MetricsChart.ReportsPerQuarter:
                ReportsPerQuarter(plot, metrics);
                break;
            case MetricsChart.MedianDaysToClose:
                MedianDaysToClose(plot, metrics);
                break;
            case MetricsChart.Outcomes:
                Outcomes(plot, metrics);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(chart), chart, "Unknown chart.");
        }

        return plot;
    }

    private static void ReportsPerQuarter(Plot plot, ProgramMetrics m)
    {
        var people = new List<Bar>();
        var form4 = new List<Bar>();
        for (var i = 0; i < m.ByQuarter.Count; i++)
        {
            var q = m.ByQuarter[i];
            // The label goes on top of the stack: people's reports, then the monitor's findings in brackets.
            var stacked = q.Form4Findings > 0;
            people.Add(new Bar { Position = i, Value = q.Reports, FillColor = Colors.SteelBlue, Label = stacked ? string.Empty : Count(q.Reports) });
            if (stacked)
            {
                form4.Add(new Bar
                {
                    Position = i, ValueBase = q.Reports, Value = q.Reports + q.Form4Findings, FillColor = Colors.LightGray,
                    Label = $"{Count(q.Reports)} (+{Count(q.Form4Findings)})",
                });
            }
        }

        var reports = plot.Add.Bars(people);
        reports.LegendText = "Reports from people";
        if (form4.Count > 0)
        {
            plot.Add.Bars(form4).LegendText = "Form 4 monitor findings";
        }

        plot.Axes.Left.Label.Text = "Reports";
        QuarterTicks(plot, m);
        plot.ShowLegend(Edge.Bottom);
        var top = m.ByQuarter.Select(q => q.Reports + q.Form4Findings).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.25);
    }

    private static void MedianDaysToClose(Plot plot, ProgramMetrics m)
    {
        var bars = new List<Bar>();
        for (var i = 0; i < m.ByQuarter.Count; i++)
        {
            // A quarter that closed nothing has no median: no bar, and its tick says so.
            if (m.ByQuarter[i].MedianDaysToClose is { } median)
            {
                bars.Add(new Bar { Position = i, Value = median, FillColor = Colors.SteelBlue, Label = Days(median) });
            }
        }

        if (bars.Count > 0)
        {
            plot.Add.Bars(bars).LegendText = "Median days to close";
        }

        var benchmark = plot.Add.HorizontalLine(m.Benchmarks.MedianDaysToClose, width: 2, color: Colors.DarkOrange);
        benchmark.LegendText = $"NAVEX benchmark median: {Days(m.Benchmarks.MedianDaysToClose)} days";
        var best = plot.Add.HorizontalLine(m.Benchmarks.BestPracticeDaysToClose, width: 2, color: Colors.SeaGreen, pattern: LinePattern.Dashed);
        best.LegendText = $"NAVEX best practice: {Days(m.Benchmarks.BestPracticeDaysToClose)} days";

        plot.Axes.Left.Label.Text = "Calendar days";
        QuarterTicks(plot, m, q => q.MedianDaysToClose is null ? "\n(none closed)" : string.Empty);
        plot.ShowLegend(Edge.Bottom);
        var top = m.ByQuarter.Select(q => q.MedianDaysToClose ?? 0).Append(m.Benchmarks.MedianDaysToClose).Max();
        plot.Axes.SetLimitsY(0, top * 1.2);
    }

    private static void Outcomes(Plot plot, ProgramMetrics m)
    {
        var outcomes = Enum.GetValues<CaseOutcome>();
        var bars = outcomes.Select((o, i) => new Bar
        {
            Position = i,
            Value = m.Outcomes[o],
            FillColor = o switch
            {
                CaseOutcome.ViolationFound => Colors.FireBrick,
                CaseOutcome.NoViolationFound => Colors.SteelBlue,
                _ => Colors.Gray,
            },
            Label = Count(m.Outcomes[o]),
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. outcomes.Select((_, i) => (double)i)], [.. outcomes.Select(OutcomeWords)]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "Cases closed";
        plot.Axes.SetLimitsY(0, Math.Max(1, outcomes.Max(o => m.Outcomes[o])) * 1.25);
    }

    private static void QuarterTicks(Plot plot, ProgramMetrics m, Func<QuarterMetrics, string>? suffix = null)
    {
        plot.Axes.Bottom.SetTicks(
            [.. m.ByQuarter.Select((_, i) => (double)i)],
            [.. m.ByQuarter.Select(q => q.Quarter + (suffix?.Invoke(q) ?? string.Empty))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.6, Math.Max(1, m.ByQuarter.Count) - 0.4);
    }

    internal static string OutcomeWords(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.ViolationFound => "Violation found",
        CaseOutcome.NoViolationFound => "No violation found",
        CaseOutcome.Dismissed => "Dismissed",
        _ => outcome.ToString(),
    };

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Kebab(string name) => KebabBoundary().Replace(name, "$1-$2").ToLowerInvariant();

    /// <summary>
    /// Drops the XML declaration, prefixes every id (and every reference to one), adds a viewBox and an accessible
    /// name, then refuses anything that could run or fetch: the page's CSP would block it, and a chart never needs it.
    /// </summary>
    internal static string Sanitise(string svg, string title, string prefix, int width, int height)
    {
        svg = XmlDeclaration().Replace(svg, string.Empty).Trim();
        svg = IdAttribute().Replace(svg, m => $"{m.Groups[1].Value}=\"{prefix}-{m.Groups[2].Value}\"");
        svg = LocalUrl().Replace(svg, m => $"url(#{prefix}-{m.Groups[1].Value})");
        svg = LocalHref().Replace(svg, m => $"{m.Groups[1].Value}=\"#{prefix}-{m.Groups[2].Value}\"");
        var encodedTitle = System.Net.WebUtility.HtmlEncode(title);
        svg = RootElement().Replace(svg,
            m => $"{m.Value[..^1]} viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{encodedTitle}\"><title>{encodedTitle}</title>",
            count: 1);

        if (Unsafe().Match(svg) is { Success: true } found)
        {
            throw new InvalidOperationException($"The chart SVG holds '{found.Value}', which an inline SVG under the page's CSP must not.");
        }

        return svg;
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"\b(id)=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex LocalUrl();

    [GeneratedRegex(@"\b((?:xlink:)?href)=""#([^""]+)""")]
    private static partial Regex LocalHref();

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex RootElement();

    // Script and foreign content, event handlers, links or URLs other than to the SVG's own ids, CSS imports.
    [GeneratedRegex(@"<\s*(script|style|foreignObject|iframe|object|embed|image|a)\b|\son[a-z]+\s*=|\b(?:xlink:)?href\s*=\s*""(?!#)|url\(\s*(?!#)|@import|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex Unsafe();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex SafeId();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex KebabBoundary();
}
