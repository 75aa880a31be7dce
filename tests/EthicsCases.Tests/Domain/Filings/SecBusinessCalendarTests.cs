using System.Globalization;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

/// <summary>Every federal holiday and observed day 2017-2027 (OPM's published lists), plus the extra EDGAR closures.</summary>
public class SecBusinessCalendarTests
{
    // OPM "Federal Holidays" pages, observed days; written out by hand rather than computed.
    private static readonly Dictionary<int, string[]> ObservedHolidays = new()
    {
        [2017] = ["2017-01-02", "2017-01-16", "2017-02-20", "2017-05-29", "2017-07-04", "2017-09-04", "2017-10-09", "2017-11-10", "2017-11-23", "2017-12-25"],
        [2018] = ["2018-01-01", "2018-01-15", "2018-02-19", "2018-05-28", "2018-07-04", "2018-09-03", "2018-10-08", "2018-11-12", "2018-11-22", "2018-12-25"],
        [2019] = ["2019-01-01", "2019-01-21", "2019-02-18", "2019-05-27", "2019-07-04", "2019-09-02", "2019-10-14", "2019-11-11", "2019-11-28", "2019-12-25"],
        [2020] = ["2020-01-01", "2020-01-20", "2020-02-17", "2020-05-25", "2020-07-03", "2020-09-07", "2020-10-12", "2020-11-11", "2020-11-26", "2020-12-25"],
        [2021] = ["2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05", "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31"],
        [2022] = ["2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-10-10", "2022-11-11", "2022-11-24", "2022-12-26"],
        [2023] = ["2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04", "2023-10-09", "2023-11-10", "2023-11-23", "2023-12-25"],
        [2024] = ["2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-10-14", "2024-11-11", "2024-11-28", "2024-12-25"],
        [2025] = ["2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25"],
        [2026] = ["2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"],
        [2027] = ["2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31"],
    };

    private static readonly string[] ExtraClosures = ["2018-12-05", "2019-12-24", "2020-12-24", "2021-06-18", "2025-01-09"];

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<string> AllObservedHolidays() => ObservedHolidays.Values.SelectMany(v => v);

    private static int[] Years() => [.. ObservedHolidays.Keys];

    [TestCaseSource(nameof(AllObservedHolidays))]
    public void Observed_federal_holiday_is_not_a_business_day(string date)
    {
        Assert.That(SecBusinessCalendar.Default.IsBusinessDay(D(date)), Is.False);
    }

    [TestCaseSource(nameof(Years))]
    public void Weekday_closures_of_the_year_are_exactly_the_holidays_and_extra_closures(int year)
    {
        var calendar = SecBusinessCalendar.Default;
        var closedWeekdays = new List<DateOnly>();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsBusinessDay(d)) closedWeekdays.Add(d);

        var expected = ObservedHolidays[year].Concat(ExtraClosures.Where(c => c.StartsWith($"{year}-", StringComparison.Ordinal))).Select(D).Distinct();
        Assert.That(closedWeekdays, Is.EquivalentTo(expected));
    }

    [TestCase("2018-12-05")]
    [TestCase("2019-12-24")]
    [TestCase("2020-12-24")]
    [TestCase("2021-06-18")]
    [TestCase("2025-01-09")]
    public void Extra_closure_from_the_policy_file_is_not_a_business_day(string date)
    {
        Assert.That(SecBusinessCalendar.Default.IsBusinessDay(D(date)), Is.False);
    }

    [TestCase("2017-01-20")]
    [TestCase("2021-01-20")]
    public void Inauguration_day_is_a_business_day(string date)
    {
        Assert.That(SecBusinessCalendar.Default.IsBusinessDay(D(date)), Is.True);
    }

    [Test]
    public void Juneteenth_is_not_a_holiday_before_2021()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SecBusinessCalendar.Default.IsBusinessDay(new DateOnly(2020, 6, 19)), Is.True);
            Assert.That(SecBusinessCalendar.FederalHolidays(2020).Select(h => h.Name), Has.None.Contains("Juneteenth"));
            Assert.That(SecBusinessCalendar.FederalHolidays(2021).Select(h => h.Name), Has.Some.Contains("Juneteenth"));
        });
    }

    [Test]
    public void Saturday_holiday_is_observed_the_friday_before_and_sunday_the_monday_after()
    {
        var independence2020 = SecBusinessCalendar.FederalHolidays(2020).Single(h => h.Name == "Independence Day");
        var independence2021 = SecBusinessCalendar.FederalHolidays(2021).Single(h => h.Name == "Independence Day");

        Assert.Multiple(() =>
        {
            Assert.That(independence2020.Observed, Is.EqualTo(new DateOnly(2020, 7, 3)));
            Assert.That(independence2021.Observed, Is.EqualTo(new DateOnly(2021, 7, 5)));
        });
    }

    [Test]
    public void Business_days_skip_weekends_holidays_and_closures()
    {
        var calendar = SecBusinessCalendar.Default;

        Assert.Multiple(() =>
        {
            // Wednesday 2025-01-08 + 2: Thursday 2025-01-09 closed (Carter), so Friday and Monday.
            Assert.That(calendar.AddBusinessDays(new DateOnly(2025, 1, 8), 2), Is.EqualTo(new DateOnly(2025, 1, 13)));
            // Wednesday before Thanksgiving 2024 + 2: Friday 29 and Monday 2 December.
            Assert.That(calendar.AddBusinessDays(new DateOnly(2024, 11, 27), 2), Is.EqualTo(new DateOnly(2024, 12, 2)));
            Assert.That(calendar.BusinessDaysAfter(new DateOnly(2025, 3, 18), new DateOnly(2025, 3, 24)), Is.EqualTo(4));
            Assert.That(calendar.OnOrNextBusinessDay(new DateOnly(2022, 12, 24)), Is.EqualTo(new DateOnly(2022, 12, 27)));
        });
    }

    [Test]
    public void Business_days_between_two_days_are_counted_as_a_walk_over_the_days_would_count_them()
    {
        // The count comes from a table of running totals; a walk over every day, IsBusinessDay by IsBusinessDay, is the
        // definition it must agree with: random spans of up to 40 years, the table's edges, spans leaving it, and the
        // extra closures (2025-01-09) of the shipped policy and of a calendar built with its own.
        var calendars = new[] { SecBusinessCalendar.Default, new SecBusinessCalendar([new SecClosure(new DateOnly(2031, 3, 4), "test")], "test") };
        var random = new Random(31);
        var spans = Enumerable.Range(0, 2_000).Select(_ =>
        {
            var from = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 55_000));
            return (from, from.AddDays(random.Next(-10, 15_000)));
        }).Concat(
        [
            (new DateOnly(1970, 1, 1), new DateOnly(2100, 12, 31)), (new DateOnly(1969, 12, 31), new DateOnly(1970, 1, 5)),
            (new DateOnly(2100, 12, 20), new DateOnly(2101, 1, 10)), (new DateOnly(2025, 1, 8), new DateOnly(2025, 1, 10)),
            (new DateOnly(2031, 3, 3), new DateOnly(2031, 3, 5)), (new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 18)),
            (new DateOnly(2025, 3, 18), new DateOnly(2025, 3, 18)),
        ]).ToList();

        foreach (var calendar in calendars)
        {
            var wrong = spans.Where(s => calendar.BusinessDaysAfter(s.Item1, s.Item2) != Walk(calendar, s.Item1, s.Item2)).Take(5).ToList();
            Assert.That(wrong, Is.Empty, $"calendar {calendar.Version}: spans counted otherwise than by walking them");
        }

        Assert.Multiple(() =>
        {
            Assert.That(SecBusinessCalendar.Default.BusinessDaysAfter(new DateOnly(2025, 1, 8), new DateOnly(2025, 1, 10)), Is.EqualTo(1), "the 9th was closed");
            Assert.That(calendars[1].BusinessDaysAfter(new DateOnly(2031, 3, 3), new DateOnly(2031, 3, 5)), Is.EqualTo(1), "its own closure counts");
            Assert.That(SecBusinessCalendar.Default.BusinessDaysAfter(new DateOnly(2031, 3, 3), new DateOnly(2031, 3, 5)), Is.EqualTo(2), "not in another calendar");
        });

        static int Walk(SecBusinessCalendar calendar, DateOnly from, DateOnly to)
        {
            var count = 0;
            for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            {
                if (calendar.IsBusinessDay(d)) count++;
            }

            return count;
        }
    }

    [Test]
    public void Policy_file_has_a_version_and_the_listed_closures()
    {
        var calendar = SecBusinessCalendar.Default;

        Assert.Multiple(() =>
        {
            Assert.That(calendar.Version, Is.EqualTo("2026-11-23.1"));
            Assert.That(calendar.ExtraClosures.Select(c => c.Date), Is.EquivalentTo(ExtraClosures.Select(D)));
            Assert.That(calendar.ExtraClosures.Select(c => c.Reason), Has.All.Not.Empty);
        });
    }

    [Test]
    public void A_custom_closure_list_is_honoured()
    {
        using var json = new MemoryStream("""{"version":"test-1","extraClosures":[{"date":"2026-12-24","reason":"test"}]}"""u8.ToArray());

        var calendar = SecBusinessCalendar.Load(json);

        Assert.Multiple(() =>
        {
            Assert.That(calendar.Version, Is.EqualTo("test-1"));
            Assert.That(calendar.IsBusinessDay(new DateOnly(2026, 12, 24)), Is.False);
            Assert.That(calendar.IsBusinessDay(new DateOnly(2025, 1, 9)), Is.True);
        });
    }
}
