namespace EthicsCases.Domain.Oversight;

/// <summary>
/// Counts of whole days (how many cases took 0 days, 1 day...). Histograms add and merge exactly, so a median or
/// percentile read from merged buckets is the same as one read from the cases themselves.
/// </summary>
public sealed class DayHistogram
{
    // Dense: index = days. Cases close within a few hundred days, so this stays small, and adding, merging and
    // reading a percentile are a walk over a flat array.
    private int[] _counts = [];

    /// <summary>The most days a histogram holds (about 270 years); longer spans count as this many.</summary>
    public const int MaxDays = 100_000;

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
    public IReadOnlyDictionary<int, int> Counts
    {
        get
        {
            var counts = new SortedDictionary<int, int>();
            for (var day = 0; day < _counts.Length; day++)
            {
                if (_counts[day] > 0)
                {
                    counts[day] = _counts[day];
                }
            }

            return counts;
        }
    }

    /// <summary>Adds <paramref name="count"/> values of <paramref name="day"/>.</summary>
    public void Add(int day, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(day);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, MaxDays);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        Grow(day + 1);
        _counts[day] += count;
        Count += count;
    }

    /// <summary>Removes one value of <paramref name="day"/>.</summary>
    /// <exception cref="InvalidOperationException">There is no such value to remove.</exception>
    public void Remove(int day)
    {
        if (day < 0 || day >= _counts.Length || _counts[day] == 0)
        {
            throw new InvalidOperationException($"No value of {day} days to remove: a fact is subtracted that was never added.");
        }

        _counts[day]--;
        Count--;
    }

    /// <summary>Adds every value of another histogram.</summary>
    public void Merge(DayHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Grow(other._counts.Length);
        for (var day = 0; day < other._counts.Length; day++)
        {
            _counts[day] += other._counts[day];
        }

        Count += other.Count;
    }

    /// <summary>Counts by day from day 0, without trailing zeros (the stored form).</summary>
    internal int[] ToDense()
    {
        var length = _counts.Length;
        while (length > 0 && _counts[length - 1] == 0)
        {
            length--;
        }

        return _counts[..length];
    }

    /// <summary>Reads the stored form.</summary>
    /// <exception cref="ArgumentException">A negative count, or more days than <see cref="MaxDays"/>.</exception>
    internal static DayHistogram FromDense(int[] countsByDay)
    {
        if (countsByDay.Length > MaxDays + 1 || countsByDay.Any(c => c < 0))
        {
            throw new ArgumentException("Stored day counts are never negative and span at most MaxDays days.", nameof(countsByDay));
        }

        var histogram = new DayHistogram { _counts = (int[])countsByDay.Clone() };
        histogram.Count = countsByDay.Sum();
        return histogram;
    }

    /// <summary>A copy.</summary>
    public DayHistogram Clone()
    {
        var copy = new DayHistogram();
        copy.Merge(this);
        return copy;
    }

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
        for (var day = 0; day < _counts.Length; day++)
        {
            seen += _counts[day];
            if (seen >= rank)
            {
                return day;
            }
        }

        throw new InvalidOperationException($"Rank {rank} is beyond the {Count} values.");
    }

    private void Grow(int length)
    {
        if (length > _counts.Length)
        {
            Array.Resize(ref _counts, Math.Max(length, Math.Min(_counts.Length * 2, length + 4096)));
        }
    }
}
