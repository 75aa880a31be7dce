using System.Text.Json;
using EthicsCases.Domain.Oversight;

namespace EthicsCases.Tests.Domain.Oversight;

public class QuarterAndHistogramTests
{
    [Test]
    public void Quarter_parses_and_formats_as_year_Q_number()
    {
        var q = Quarter.Parse("2026Q4");

        Assert.Multiple(() =>
        {
            Assert.That((q.Year, q.Q), Is.EqualTo((2026, 4)));
            Assert.That(q.ToString(), Is.EqualTo("2026Q4"));
            Assert.That(Quarter.Parse("2027q1"), Is.EqualTo(new Quarter(2027, 1)));
            Assert.That(q.FirstDay, Is.EqualTo(new DateOnly(2026, 10, 1)));
            Assert.That(q.LastDay, Is.EqualTo(new DateOnly(2026, 12, 31)));
            Assert.That(new Quarter(2028, 1).LastDay, Is.EqualTo(new DateOnly(2028, 3, 31)));
            Assert.That(new Quarter(2026, 2).LastDay, Is.EqualTo(new DateOnly(2026, 6, 30)));
            Assert.That(q.Next(), Is.EqualTo(new Quarter(2027, 1)));
            Assert.That(new Quarter(2027, 1).Previous(), Is.EqualTo(q));
        });
    }

    [TestCase("2026Q5")]
    [TestCase("2026Q0")]
    [TestCase("2026-4")]
    [TestCase("26Q4")]
    [TestCase("")]
    public void Malformed_quarter_is_rejected(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quarter.TryParse(text, out _), Is.False);
            Assert.Throws<FormatException>(() => Quarter.Parse(text));
        });
    }

    [Test]
    public void Quarter_of_a_date_and_ranges_of_quarters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quarter.Of(new DateOnly(2026, 3, 31)), Is.EqualTo(new Quarter(2026, 1)));
            Assert.That(Quarter.Of(new DateOnly(2026, 4, 1)), Is.EqualTo(new Quarter(2026, 2)));
            Assert.That(Quarter.Of(new DateTime(2026, 9, 30, 23, 59, 0, DateTimeKind.Utc)), Is.EqualTo(new Quarter(2026, 3)));
            Assert.That(Quarter.Range(new Quarter(2025, 3), new Quarter(2026, 2)).Select(q => q.ToString()),
                Is.EqualTo(new[] { "2025Q3", "2025Q4", "2026Q1", "2026Q2" }));
            Assert.That(Quarter.Count(new Quarter(2025, 3), new Quarter(2026, 2)), Is.EqualTo(4));
            Assert.Throws<ArgumentException>(() => Quarter.Range(new Quarter(2026, 2), new Quarter(2026, 1)));
            Assert.That(new Quarter(2025, 4) < new Quarter(2026, 1), Is.True);
        });
    }

    [Test]
    public void Quarter_is_a_json_string()
    {
        var json = JsonSerializer.Serialize(new { Quarter = new Quarter(2026, 4) });

        Assert.Multiple(() =>
        {
            Assert.That(json, Is.EqualTo("""{"Quarter":"2026Q4"}"""));
            Assert.That(JsonSerializer.Deserialize<Quarter>("\"2025Q2\""), Is.EqualTo(new Quarter(2025, 2)));
        });
    }

    [Test]
    public void Histogram_median_is_the_middle_value_or_the_mean_of_the_two_middle_values()
    {
        var odd = new DayHistogram();
        foreach (var d in new[] { 7, 1, 3 })
        {
            odd.Add(d);
        }

        var even = new DayHistogram(new Dictionary<int, int> { [1] = 1, [2] = 1, [10] = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(odd.Median(), Is.EqualTo(3));
            Assert.That(even.Median(), Is.EqualTo(6), "1 2 10 10 -> (2 + 10) / 2");
            Assert.That(new DayHistogram().Median(), Is.Null);
            Assert.That(new DayHistogram().Percentile(90), Is.Null);
        });
    }

    [Test]
    public void Histogram_p90_is_the_nearest_rank_value()
    {
        var ten = new DayHistogram();
        for (var d = 1; d <= 10; d++)
        {
            ten.Add(d * 10);
        }

        var eleven = new DayHistogram(ten.Counts);
        eleven.Add(200);

        Assert.Multiple(() =>
        {
            Assert.That(ten.Percentile(90), Is.EqualTo(90), "rank 9 of 10");
            Assert.That(eleven.Percentile(90), Is.EqualTo(100), "rank ceil(9.9) = 10 of 11");
            Assert.That(ten.Percentile(100), Is.EqualTo(100));
        });
    }

    [Test]
    public void Histogram_removal_of_a_value_it_does_not_hold_is_refused()
    {
        var h = new DayHistogram();
        h.Add(3);

        Assert.Throws<InvalidOperationException>(() => h.Remove(4));
        h.Remove(3);
        Assert.That(h.Counts, Is.Empty);
    }
}
