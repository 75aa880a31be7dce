namespace EthicsCases.Domain.Oversight;

/// <summary>
/// Counts of whole days (how many cases took 0 days, 1 day...). Histograms add and merge exactly, so a median or
/// percentile read from merged buckets is the same as one read from the cases themselves.
/// </summary>
public sealed class DayHistogram
{
    private readonly SortedDictionary<int, int> _counts = [];

    /// <summary>An empty histogram.</summary>
    public DayHistogram()
    {
    }

    /// <summary>A histogram with these counts (as stored); zero counts are dropped.</summary>
    /// <exception cref="ArgumentException">A negative day or count.</exception>
    public DayHistogram(IEnumerable<KeyValuePair<int, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (day, count) in counts)
        {
            if (day < 0 || count < 0)
            {
                throw new ArgumentException($"Day {day} with count {count}: days and counts are never negative.", nameof(counts));
            }

            Add(day, count);
        }
    }

    /// <summary>How many values.</summary>
    public int Count { get; private set; }

    /// <summary>Day to count, ascending, without zeros.</summary>
    public IReadOnlyDictionary<int, int> Counts => _counts;

    /// <summary>Adds <paramref name="count"/> values of <paramref name="day"/>.</summary>
    public void Add(int day, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(day);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        _counts[day] = _counts.GetValueOrDefault(day) + count;
        Count += count;
    }

    /// <summary>Removes one value of <paramref name="day"/>.</summary>
    /// <exception cref="InvalidOperationException">There is no such value to remove.</exception>
    public void Remove(int day)
    {
        if (!_counts.TryGetValue(day, out var count))
        {
            throw new InvalidOperationException($"No value of {day} days to remove: a fact is subtracted that was never added.");
        }

        if (count == 1)
        {
            _counts.Remove(day);
        }
        else
        {
            _counts[day] = count - 1;
        }

        Count--;
    }

    /// <summary>Adds every value of another histogram.</summary>
    public void Merge(DayHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (day, count) in other._counts)
        {
            Add(day, count);
        }
    }

    /// <summary>A copy.</summary>
    public DayHistogram Clone() => new(_counts);

    /// <summary>
    /// The median: the middle value, or the mean of the two middle values when the count is even (so it may end in .5).
    /// Null when empty.
    /// </summary>
    public double? Median()
    {
        if (Count == 0)
        {
            return null;
        }

        var lower = ValueAtRank((Count + 1) / 2);
        var upper = ValueAtRank((Count / 2) + 1);
        return (lower + upper) / 2.0;
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest value that at least <paramref name="percent"/>% of the values do not
    /// exceed (rank ⌈p·n/100⌉). Always one of the values; null when empty.
    /// </summary>
    public int? Percentile(int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (Count == 0)
        {
            return null;
        }

        var rank = (int)(((percent * (long)Count) + 99) / 100);
        return ValueAtRank(rank);
    }

    // 1-based rank in ascending order.
    private int ValueAtRank(int rank)
    {
        var seen = 0;
        foreach (var (day, count) in _counts)
        {
            seen += count;
            if (seen >= rank)
            {
                return day;
            }
        }

        throw new InvalidOperationException($"Rank {rank} is beyond the {Count} values.");
    }
}
