using System.Globalization;

namespace EthicsCases.Domain.Filings;

/// <summary>When a filing was transmitted, in US Eastern time; the time is null when only the date is known.</summary>
/// <param name="Date">Eastern calendar date.</param>
/// <param name="Time">Eastern wall-clock time, when known.</param>
public readonly record struct FilingTime(DateOnly Date, TimeOnly? Time = null)
{
    /// <summary>Regulation S-T Rule 13(a)(4): Forms 3, 4 and 5 transmitted by 10 pm Eastern count as filed that day.</summary>
    public static readonly TimeOnly Section16Cutoff = new(22, 0);

    /// <summary>Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" (Eastern), the <c>--filed</c> option's format.</summary>
    public static FilingTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new FilingTime(date);
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return new FilingTime(DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at));
        throw new FormatException($"Filed time '{text}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM (Eastern).");
    }

    /// <summary>The Eastern wall-clock date and time of an instant.</summary>
    public static FilingTime FromInstant(DateTimeOffset instant)
    {
        var wall = EasternTime.ToWallClock(instant);
        return new FilingTime(DateOnly.FromDateTime(wall), TimeOnly.FromDateTime(wall));
    }

    /// <summary>
    /// The day the filing counts as filed: the same day when transmitted on a business day by 10 pm,
    /// otherwise the next business day.
    /// </summary>
    public DateOnly EffectiveDate(SecBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Time is { } t && t > Section16Cutoff) return calendar.OnOrNextBusinessDay(Date.AddDays(1));
        return calendar.OnOrNextBusinessDay(Date);
    }

    public override string ToString() =>
        Time is { } t
            ? $"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {t.ToString("HH:mm", CultureInfo.InvariantCulture)} ET"
            : Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
