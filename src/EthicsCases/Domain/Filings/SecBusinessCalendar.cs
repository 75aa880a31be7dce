using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Filings;

/// <summary>A day EDGAR was closed beyond the statutory holidays, with the reason on record.</summary>
/// <param name="Date">The day.</param>
/// <param name="Reason">Why (executive order, day of mourning...).</param>
public sealed record SecClosure(
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>
/// SEC business days: not a weekend, not a federal holiday of 5 U.S.C. 6103 (a Saturday holiday observed the Friday
/// before, a Sunday one the Monday after; Juneteenth from 2021), not an extra closure. The extra closures are policy
/// data (an embedded, versioned JSON file) because they come from ad hoc executive orders.
/// </summary>
public sealed class SecBusinessCalendar
{
    private const string ResourceName = "EthicsCases.Domain.Filings.sec-calendar.json";
    private const int FirstYear = 1970;
    private const int LastYear = 2100;

    private static readonly Lazy<SecBusinessCalendar> DefaultCalendar = new(LoadDefault);

    private static readonly int FirstDay = new DateOnly(FirstYear, 1, 1).DayNumber;
    private static readonly int LastDay = new DateOnly(LastYear, 12, 31).DayNumber;

    private readonly FrozenSet<DateOnly> _closed;

    // Business days from FirstYear's first day to each day, inclusive: a count between two days in range is one
    // subtraction instead of a walk over every day between them (a queue of old cases counts years per row).
    private readonly int[] _businessDaysThrough;

    /// <summary>Builds a calendar with the given extra closures.</summary>
    public SecBusinessCalendar(IEnumerable<SecClosure> extraClosures, string version)
    {
        ArgumentNullException.ThrowIfNull(extraClosures);
        ExtraClosures = extraClosures.OrderBy(c => c.Date).ToList();
        Version = version;
        var closed = new HashSet<DateOnly>(ExtraClosures.Select(c => c.Date));
        for (var year = FirstYear; year <= LastYear; year++)
            foreach (var holiday in FederalHolidays(year)) closed.Add(holiday.Observed);
        _closed = closed.ToFrozenSet();
        _businessDaysThrough = new int[LastDay - FirstDay + 1];
        var count = 0;
        for (var day = FirstDay; day <= LastDay; day++)
        {
            if (IsBusinessDay(DateOnly.FromDayNumber(day))) count++;
            _businessDaysThrough[day - FirstDay] = count;
        }
    }

    /// <summary>The calendar shipped with the application (embedded sec-calendar.json).</summary>
    public static SecBusinessCalendar Default => DefaultCalendar.Value;

    /// <summary>Version string of the closure list, recorded with every due date computed from it.</summary>
    public string Version { get; }

    /// <summary>Closures beyond the statutory holidays.</summary>
    public IReadOnlyList<SecClosure> ExtraClosures { get; }

    /// <summary>Reads a closure list in the sec-calendar.json shape.</summary>
    public static SecBusinessCalendar Load(Stream json)
    {
        var policy = JsonSerializer.Deserialize<CalendarPolicy>(json)
            ?? throw new InvalidDataException("SEC calendar policy file is empty.");
        if (string.IsNullOrWhiteSpace(policy.Version)) throw new InvalidDataException("SEC calendar policy file has no version.");
        return new SecBusinessCalendar(policy.ExtraClosures ?? [], policy.Version);
    }

    /// <summary>True when EDGAR is open for business that day.</summary>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_closed.Contains(date);

    /// <summary>The day itself when it is a business day, else the next one (Rule 0-3 for deadlines that land on a closed day).</summary>
    public DateOnly OnOrNextBusinessDay(DateOnly date)
    {
        while (!IsBusinessDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>The n-th business day after the date (the date itself does not count).</summary>
    public DateOnly AddBusinessDays(DateOnly date, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        while (businessDays > 0)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date)) businessDays--;
        }

        return date;
    }

    /// <summary>Business days in (from, to]: how many business days late a filing on <paramref name="to"/> is when due on <paramref name="from"/>.</summary>
    public int BusinessDaysAfter(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        if (from.DayNumber >= FirstDay && to.DayNumber <= LastDay)
        {
            return _businessDaysThrough[to.DayNumber - FirstDay] - _businessDaysThrough[from.DayNumber - FirstDay];
        }

        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsBusinessDay(d)) count++;
        return count;
    }

    /// <summary>The eleven (ten before 2021) federal holidays of 5 U.S.C. 6103 for a year, with the day observed.</summary>
    public static IReadOnlyList<FederalHoliday> FederalHolidays(int year)
    {
        var list = new List<FederalHoliday>
        {
            Fixed("New Year's Day", year, 1, 1),
            new("Birthday of Martin Luther King, Jr.", NthWeekday(year, 1, DayOfWeek.Monday, 3)),
            new("Washington's Birthday", NthWeekday(year, 2, DayOfWeek.Monday, 3)),
            new("Memorial Day", LastWeekday(year, 5, DayOfWeek.Monday)),
        };
        if (year >= 2021) list.Add(Fixed("Juneteenth National Independence Day", year, 6, 19));
        list.Add(Fixed("Independence Day", year, 7, 4));
        list.Add(new("Labor Day", NthWeekday(year, 9, DayOfWeek.Monday, 1)));
        list.Add(new("Columbus Day", NthWeekday(year, 10, DayOfWeek.Monday, 2)));
        list.Add(Fixed("Veterans Day", year, 11, 11));
        list.Add(new("Thanksgiving Day", NthWeekday(year, 11, DayOfWeek.Thursday, 4)));
        list.Add(Fixed("Christmas Day", year, 12, 25));
        return list;
    }

    private static FederalHoliday Fixed(string name, int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var observed = date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(-1),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
        return new FederalHoliday(name, date, observed);
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)day - (int)first.DayOfWeek + 7) % 7) + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }

    private static SecBusinessCalendar LoadDefault()
    {
        using var stream = typeof(SecBusinessCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Load(stream);
    }

    private sealed record CalendarPolicy(
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("extraClosures")] List<SecClosure>? ExtraClosures);
}

/// <summary>A federal holiday: the statutory date and the day federal offices close for it.</summary>
/// <param name="Name">Name as in 5 U.S.C. 6103.</param>
/// <param name="Date">The statutory date.</param>
/// <param name="Observed">The day observed (differs when the date is a Saturday or Sunday).</param>
public sealed record FederalHoliday(string Name, DateOnly Date, DateOnly Observed)
{
    /// <summary>A holiday that never falls on a weekend (Monday/Thursday holidays).</summary>
    public FederalHoliday(string name, DateOnly date)
        : this(name, date, date)
    {
    }
}
