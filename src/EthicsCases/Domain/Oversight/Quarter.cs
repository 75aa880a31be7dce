using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Oversight;

/// <summary>
/// A calendar quarter, written <c>2026Q4</c> (as in <c>ethics report quarterly --quarter 2026Q4</c> and in JSON).
/// Quarters are calendar quarters (Q1 = January to March); a company with another fiscal year maps its own.
/// </summary>
[JsonConverter(typeof(QuarterJsonConverter))]
public readonly record struct Quarter : IComparable<Quarter>, IParsable<Quarter>
{
    /// <summary>A quarter of a year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not 1 to 9999 or the quarter not 1 to 4.</exception>
    public Quarter(int year, int q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 4);
        Year = year;
        Q = q;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The quarter, 1 to 4.</summary>
    public int Q { get; }

    /// <summary>1 January, 1 April, 1 July or 1 October.</summary>
    public DateOnly FirstDay => new(Year, ((Q - 1) * 3) + 1, 1);

    /// <summary>31 March, 30 June, 30 September or 31 December.</summary>
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>The quarter that contains the date.</summary>
    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>The quarter that contains the instant's UTC date.</summary>
    public static Quarter Of(DateTime at) => Of(Clock.UtcDate(at));

    /// <summary>The quarter after this one.</summary>
    public Quarter Next() => Q == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Q + 1);

    /// <summary>The quarter before this one.</summary>
    public Quarter Previous() => Q == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Q - 1);

    /// <summary>Every quarter from <paramref name="from"/> to <paramref name="to"/>, both included, in order.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static IReadOnlyList<Quarter> Range(Quarter from, Quarter to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to}) before it starts ({from}).", nameof(to));
        }

        var list = new List<Quarter>();
        for (var q = from; q <= to; q = q.Next())
        {
            list.Add(q);
        }

        return list;
    }

    /// <summary>How many quarters from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static int Count(Quarter from, Quarter to) => ((to.Year - from.Year) * 4) + (to.Q - from.Q) + 1;

    /// <summary>Parses <c>2026Q4</c> (the Q may be lower case).</summary>
    /// <exception cref="FormatException">Not in that form.</exception>
    public static Quarter Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var quarter)
            ? quarter
            : throw new FormatException($"'{s}' is not a quarter; write it like 2026Q4.");

    /// <summary>Parses <c>2026Q4</c> (the Q may be lower case).</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Quarter result)
    {
        result = default;
        if (s is not { Length: 6 } || (s[4] != 'Q' && s[4] != 'q') || s[5] is < '1' or > '4'
            || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return false;
        }

        result = new Quarter(year, s[5] - '0');
        return true;
    }

    /// <summary>Parses <c>2026Q4</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Quarter result) => TryParse(s, null, out result);

    /// <inheritdoc />
    public int CompareTo(Quarter other) => Year != other.Year ? Year.CompareTo(other.Year) : Q.CompareTo(other.Q);

    /// <summary><c>2026Q4</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}Q{Q}");

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;
}

/// <summary>Writes and reads a <see cref="Quarter"/> as the string <c>2026Q4</c>.</summary>
public sealed class QuarterJsonConverter : JsonConverter<Quarter>
{
    /// <inheritdoc />
    public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quarter.TryParse(reader.GetString(), out var quarter)
            ? quarter
            : throw new JsonException($"'{reader.GetString()}' is not a quarter; write it like 2026Q4.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary>Calendar dates of stored instants. Stored times are UTC; EF gives them back unspecified.</summary>
internal static class Clock
{
    public static DateOnly UtcDate(DateTime at) =>
        DateOnly.FromDateTime(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at);
}
