using System.Text.RegularExpressions;
using System.Xml.Linq;
using EthicsCases.Domain.Oversight;

namespace EthicsCases.Tests.Domain.Oversight;

// ScottPlot draws with SkiaSharp; the native library comes from SkiaSharp.NativeAssets.Linux.NoDependencies.
public partial class MetricsChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ProgramMetrics Metrics() =>
        ProgramMetrics.From(MetricsBuckets.From(ProgramMetricsTests.Fixture).All, 1000, new Quarter(2026, 1), new Quarter(2026, 2));

    private static string Text(XElement svg) =>
        string.Join(" ", svg.Descendants(Svg + "text").Select(t => t.Value.Trim()));

    [TestCase(MetricsChart.ReportsPerQuarter)]
    [TestCase(MetricsChart.MedianDaysToClose)]
    [TestCase(MetricsChart.Outcomes)]
    public void Chart_svg_can_be_inlined_under_a_strict_csp(MetricsChart chart)
    {
        var markup = MetricsCharts.Svg(chart, Metrics());
        var svg = XElement.Parse(markup);
        var attributes = svg.DescendantsAndSelf().SelectMany(e => e.Attributes()).ToList();
        var ids = svg.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        var references = attributes.SelectMany(a => LocalReference().Matches(a.Value).Select(m => m.Groups[1].Value)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(markup, Does.StartWith("<svg"), "no XML declaration inside an HTML page");
            Assert.That(svg.Name, Is.EqualTo(Svg + "svg"));
            Assert.That(svg.DescendantsAndSelf().Select(e => e.Name.LocalName),
                Has.None.AnyOf("script", "foreignObject", "iframe", "object", "embed", "image", "a", "style"));
            Assert.That(attributes.Select(a => a.Name.LocalName), Has.None.StartsWith("on"), "no event handler attributes");
            Assert.That(attributes.Where(a => a.Name.LocalName == "href").Select(a => a.Value), Has.All.StartsWith("#"));
            Assert.That(attributes.Where(a => a.Value.Contains("url(", StringComparison.Ordinal)).Select(a => a.Value), Has.All.Contains("url(#"));
            Assert.That(Regex.Matches(markup, @"https?://[^""\s]*").Select(m => m.Value),
                Is.EquivalentTo(new[] { "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink" }), "the only URLs are namespace names");
            Assert.That(references, Is.Not.Empty.And.All.Matches<string>(ids.Contains), "every url(#id) resolves inside the chart");
            Assert.That((string?)svg.Attribute("role"), Is.EqualTo("img"));
            Assert.That(svg.Element(Svg + "title")?.Value, Is.EqualTo(MetricsCharts.Title(chart)));
            Assert.That((string?)svg.Attribute("viewBox"), Is.EqualTo("0 0 640 360"));
        });
    }

    [Test]
    public void Charts_on_one_page_do_not_share_element_ids()
    {
        var m = Metrics();
        var idSets = Enum.GetValues<MetricsChart>()
            .Select(c => XElement.Parse(MetricsCharts.Svg(c, m)).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList())
            .ToList();
        var sameChartTwice = XElement.Parse(MetricsCharts.Svg(MetricsChart.Outcomes, m, idPrefix: "outcomes-2"))
            .Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>();

        Assert.Multiple(() =>
        {
            Assert.That(idSets.SelectMany(s => s), Is.Unique);
            Assert.That(idSets[2].Concat(sameChartTwice), Is.Unique);
        });
    }

    [Test]
    public void Median_days_chart_draws_each_quarters_median_against_the_labelled_navex_median()
    {
        var text = Text(XElement.Parse(MetricsCharts.Svg(MetricsChart.MedianDaysToClose, Metrics())));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Median days to close per quarter"));
            Assert.That(text, Does.Contain("2026Q1").And.Contain("2026Q2"));
            Assert.That(text, Does.Contain("30").And.Contain("45"), "the quarters' medians (hand-computed in ProgramMetricsTests)");
            Assert.That(text, Does.Contain("NAVEX benchmark median: 43 days"));
            Assert.That(text, Does.Contain("NAVEX best practice: 31 days"));
        });
    }

    [Test]
    public void Reports_chart_labels_each_quarter_with_its_reports_and_form4_findings()
    {
        var text = Text(XElement.Parse(MetricsCharts.Svg(MetricsChart.ReportsPerQuarter, Metrics())));

        Assert.That(text, Does.Contain("7 (+1)").And.Contain("3 (+1)").And.Contain("Reports from people").And.Contain("Form 4 monitor findings"));
    }

    [Test]
    public void Outcomes_chart_counts_each_outcome()
    {
        var text = Text(XElement.Parse(MetricsCharts.Svg(MetricsChart.Outcomes, Metrics())));

        Assert.That(text, Does.Contain("Violation found").And.Contain("No violation found").And.Contain("Dismissed"));
    }

    [Test]
    public void Quarter_with_no_closures_has_no_median_bar_and_says_so()
    {
        var facts = ProgramMetricsTests.Fixture.Where(f => f.ClosingQuarter != new Quarter(2026, 2)).ToList();
        var m = ProgramMetrics.From(MetricsBuckets.From(facts).All, null, new Quarter(2026, 1), new Quarter(2026, 2));

        var text = Text(XElement.Parse(MetricsCharts.Svg(MetricsChart.MedianDaysToClose, m)));

        Assert.That(text, Does.Contain("(none closed)"));
    }

    [TestCase(MetricsChart.ReportsPerQuarter)]
    [TestCase(MetricsChart.MedianDaysToClose)]
    [TestCase(MetricsChart.Outcomes)]
    public void Chart_png_is_an_image_of_the_asked_size(MetricsChart chart)
    {
        var png = MetricsCharts.Png(chart, Metrics(), 800, 400);

        Assert.Multiple(() =>
        {
            Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
            // IHDR: width and height, big-endian, at bytes 16-23.
            Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), Is.EqualTo(800));
            Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)), Is.EqualTo(400));
        });
    }

    [Test]
    public void Chart_png_for_print_is_the_same_layout_at_a_higher_resolution()
    {
        var png = MetricsCharts.Png(MetricsChart.Outcomes, Metrics(), scale: 2.5);

        Assert.Multiple(() =>
        {
            Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), Is.EqualTo(1600));
            Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)), Is.EqualTo(900));
        });
    }

    [Test]
    public void Svg_with_script_or_an_outside_reference_is_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<InvalidOperationException>(() =>
                MetricsCharts.Sanitise("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""", "t", "p", 1, 1));
            Assert.Throws<InvalidOperationException>(() =>
                MetricsCharts.Sanitise("""<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x()"/></svg>""", "t", "p", 1, 1));
            Assert.Throws<InvalidOperationException>(() =>
                MetricsCharts.Sanitise("""<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/x.svg#a"/></svg>""", "t", "p", 1, 1));
            Assert.Throws<InvalidOperationException>(() =>
                MetricsCharts.Sanitise("""<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://evil.example/p)"/></svg>""", "t", "p", 1, 1));
        });
    }

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex LocalReference();
}
