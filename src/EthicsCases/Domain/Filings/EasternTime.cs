namespace EthicsCases.Domain.Filings;

/// <summary>
/// US Eastern time without depending on the host's time-zone database: EDGAR times are Eastern, and the
/// US daylight-saving rule (second Sunday of March to first Sunday of November, 2 am) has held since 2007.
/// </summary>
public static class EasternTime
{
    /// <summary>The offset from UTC in effect at an Eastern wall-clock time.</summary>
    public static TimeSpan OffsetAt(DateTime easternWallClock)
    {
        var year = easternWallClock.Year;
        var dstStart = NthSunday(year, 3, 2).AddHours(2);
        var dstEnd = NthSunday(year, 11, 1).AddHours(2);
        return easternWallClock >= dstStart && easternWallClock < dstEnd ? TimeSpan.FromHours(-4) : TimeSpan.FromHours(-5);
    }

    /// <summary>An Eastern wall-clock time as an offset time.</summary>
    public static DateTimeOffset FromWallClock(DateTime easternWallClock) =>
        new(DateTime.SpecifyKind(easternWallClock, DateTimeKind.Unspecified), OffsetAt(easternWallClock));

    /// <summary>Converts any instant to Eastern wall-clock time.</summary>
    public static DateTime ToWallClock(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        // Try standard time first, then daylight time: whichever is self-consistent is right.
        var standard = utc.AddHours(-5);
        if (OffsetAt(standard) == TimeSpan.FromHours(-5)) return DateTime.SpecifyKind(standard, DateTimeKind.Unspecified);
        return DateTime.SpecifyKind(utc.AddHours(-4), DateTimeKind.Unspecified);
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var offset = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }
}
