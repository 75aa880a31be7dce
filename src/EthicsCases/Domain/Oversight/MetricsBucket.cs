using System.Text.Json;
using System.Text.Json.Serialization;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Domain.Oversight;

/// <summary>Which bucket: a calendar quarter and a category.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Category">The category.</param>
public readonly record struct MetricsBucketKey(Quarter Quarter, ConcernCategory Category)
{
    /// <inheritdoc />
    public override string ToString() => $"{Quarter} {Category}";
}

/// <summary>
/// Pre-aggregated program metrics for one (quarter, category): counts, and whole-day histograms so that medians and
/// percentiles of merged buckets are exact. A case counts in two places:
/// <list type="bullet">
/// <item>by <b>filing</b> quarter: the report itself (people's reports, anonymity, anonymous follow-up, days from incident
/// to report, Form 4 findings) and its settled deadlines, as a cohort: "of the reports filed that quarter";</item>
/// <item>by <b>closing</b> quarter: closure statistics (closed count, outcomes, sanctions, days to close), so a quarter
/// reports the work it finished.</item>
/// </list>
/// <see cref="Add"/> and <see cref="Subtract"/> apply whichever parts of a fact belong to this bucket; Subtract undoes
/// Add exactly, which is how cases a viewer may not see are taken out of a view. Store a bucket with
/// <see cref="ToJson"/> (one row per key) and read it back with <see cref="FromJson"/>.
/// </summary>
public sealed class MetricsBucket
{
    private MetricsCounts _counts = new();

    /// <summary>An empty bucket.</summary>
    public MetricsBucket(Quarter quarter, ConcernCategory category)
        : this(new MetricsBucketKey(quarter, category))
    {
    }

    /// <summary>An empty bucket.</summary>
    public MetricsBucket(MetricsBucketKey key)
    {
        if (key.Quarter == default)
        {
            throw new ArgumentException("A bucket needs a quarter.", nameof(key));
        }

        Key = key;
    }

    /// <summary>The bucket's key.</summary>
    public MetricsBucketKey Key { get; }

    /// <summary>The quarter.</summary>
    public Quarter Quarter => Key.Quarter;

    /// <summary>The category.</summary>
    public ConcernCategory Category => Key.Category;

    /// <summary>Reports from people filed in the quarter (Form 4 findings excluded).</summary>
    public int Reports => _counts.Reports;

    /// <summary>Of <see cref="Reports"/>, the anonymous ones.</summary>
    public int AnonymousReports => _counts.AnonymousReports;

    /// <summary>Of <see cref="AnonymousReports"/>, those whose reporter came back and wrote.</summary>
    public int AnonymousFollowedUp => _counts.AnonymousFollowedUp;

    /// <summary>Cases the Form 4 monitor filed in the quarter.</summary>
    public int Form4Findings => _counts.Form4Findings;

    /// <summary>Days from incident to report, for the quarter's reports that give an incident date.</summary>
    public DayHistogram DaysIncidentToReport => _counts.DaysIncidentToReport.Clone();

    /// <summary>Settled deadlines of the cases filed in the quarter, by kind and status.</summary>
    public int Deadlines(DeadlineKind kind, DeadlineStatus status) => _counts.Deadlines[(int)kind, (int)status];

    /// <summary>Cases closed in the quarter.</summary>
    public int Closed => _counts.Closed;

    /// <summary>Cases closed in the quarter with this outcome.</summary>
    public int Outcomes(CaseOutcome outcome) => _counts.Outcomes[(int)outcome];

    /// <summary>Cases closed in the quarter with this sanction among those determined.</summary>
    public int Sanctions(Sanction sanction) => _counts.Sanctions[(int)sanction];

    /// <summary>Days from filing to closing of the cases closed in the quarter.</summary>
    public DayHistogram DaysToClose => _counts.DaysToClose.Clone();

    /// <summary>Nothing counted (a bucket that can be deleted).</summary>
    public bool IsEmpty => _counts.IsEmpty;

    /// <summary>The buckets a fact counts in: its filing quarter, and its closing quarter when that differs.</summary>
    public static IReadOnlyList<MetricsBucketKey> KeysFor(CaseFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var filing = new MetricsBucketKey(fact.FilingQuarter, fact.Category);
        return fact.ClosingQuarter is { } closing && closing != filing.Quarter
            ? [filing, new MetricsBucketKey(closing, fact.Category)]
            : [filing];
    }

    /// <summary>Counts the parts of the fact that belong to this bucket.</summary>
    /// <exception cref="ArgumentException">The fact is inconsistent, or counts in another bucket only.</exception>
    public void Add(CaseFact fact) => Apply(fact, +1);

    /// <summary>Takes back exactly what <see cref="Add"/> counted for the same fact; nothing changes if it fails.</summary>
    /// <exception cref="InvalidOperationException">The fact was never added (a count would go below zero).</exception>
    public void Subtract(CaseFact fact) => Apply(fact, -1);

    /// <summary>Adds another bucket's counts (same key: partial buckets of one quarter and category).</summary>
    /// <exception cref="ArgumentException">The keys differ.</exception>
    public void Merge(MetricsBucket other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Key != Key)
        {
            throw new ArgumentException($"Cannot merge bucket {other.Key} into {Key}.", nameof(other));
        }

        _counts.Merge(other._counts);
    }

    internal MetricsCounts Counts => _counts;

    private void Apply(CaseFact fact, int sign)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact.Validate();
        var filing = fact.Category == Category && fact.FilingQuarter == Quarter;
        var closing = fact.Category == Category && fact.ClosingQuarter == Quarter;
        if (!filing && !closing)
        {
            throw new ArgumentException(
                $"The case fact (filed {fact.FilingQuarter}, closed {fact.ClosingQuarter?.ToString() ?? "-"}, {fact.Category}) does not count in bucket {Key}.",
                nameof(fact));
        }

        if (sign > 0)
        {
            _counts.Apply(fact, +1, filing, closing);
            return;
        }

        // On a copy, so a subtraction that cannot be undone leaves the bucket as it was.
        var copy = _counts.Clone();
        copy.Apply(fact, -1, filing, closing);
        copy.ThrowIfNegative();
        _counts = copy;
    }

    /// <summary>The bucket as JSON, deterministic: equal counts give equal text.</summary>
    public string ToJson() => JsonSerializer.Serialize(BucketJson.From(this), JsonOptions);

    /// <summary>Reads a bucket written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">Not a valid bucket.</exception>
    public static MetricsBucket FromJson(string json)
    {
        try
        {
            var file = JsonSerializer.Deserialize<BucketJson>(json, JsonOptions) ?? throw new InvalidDataException("The bucket JSON is empty.");
            return file.ToBucket();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"Not a valid metrics bucket: {e.Message}", e);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter<ConcernCategory>(allowIntegerValues: false) },
    };

    private sealed class BucketJson
    {
        public Quarter Quarter { get; set; }
        public ConcernCategory Category { get; set; }
        public int Reports { get; set; }
        public int AnonymousReports { get; set; }
        public int AnonymousFollowedUp { get; set; }
        public int Form4Findings { get; set; }
        // Histograms are stored dense, count by day from day 0: compact, and quick to read back.
        public int[] DaysIncidentToReport { get; set; } = [];
        public Dictionary<DeadlineKind, Dictionary<DeadlineStatus, int>> Deadlines { get; set; } = [];
        public int Closed { get; set; }
        public Dictionary<CaseOutcome, int> Outcomes { get; set; } = [];
        public Dictionary<Sanction, int> Sanctions { get; set; } = [];
        public int[] DaysToClose { get; set; } = [];

        public static BucketJson From(MetricsBucket bucket)
        {
            var c = bucket._counts;
            return new BucketJson
            {
                Quarter = bucket.Quarter,
                Category = bucket.Category,
                Reports = c.Reports,
                AnonymousReports = c.AnonymousReports,
                AnonymousFollowedUp = c.AnonymousFollowedUp,
                Form4Findings = c.Form4Findings,
                DaysIncidentToReport = c.DaysIncidentToReport.ToDense(),
                Deadlines = Enum.GetValues<DeadlineKind>().ToDictionary(k => k,
                    k => Enum.GetValues<DeadlineStatus>().ToDictionary(s => s, s => c.Deadlines[(int)k, (int)s])),
                Closed = c.Closed,
                Outcomes = Enum.GetValues<CaseOutcome>().ToDictionary(o => o, o => c.Outcomes[(int)o]),
                Sanctions = Enum.GetValues<Sanction>().ToDictionary(s => s, s => c.Sanctions[(int)s]),
                DaysToClose = c.DaysToClose.ToDense(),
            };
        }

        public MetricsBucket ToBucket()
        {
            if (!Enum.IsDefined(Category))
            {
                throw new InvalidDataException($"Unknown category {Category}.");
            }

            var bucket = new MetricsBucket(Quarter, Category);
            var c = bucket._counts;
            c.Reports = Reports;
            c.AnonymousReports = AnonymousReports;
            c.AnonymousFollowedUp = AnonymousFollowedUp;
            c.Form4Findings = Form4Findings;
            c.DaysIncidentToReport = DayHistogram.FromDense(DaysIncidentToReport ?? []);
            foreach (var (kind, statuses) in Deadlines)
            {
                foreach (var (status, count) in statuses)
                {
                    c.Deadlines[(int)kind, (int)status] = count;
                }
            }

            c.Closed = Closed;
            foreach (var (outcome, count) in Outcomes)
            {
                c.Outcomes[(int)outcome] = count;
            }

            foreach (var (sanction, count) in Sanctions)
            {
                c.Sanctions[(int)sanction] = count;
            }

            c.DaysToClose = DayHistogram.FromDense(DaysToClose ?? []);
            c.ThrowIfNegative();
            return bucket;
        }
    }
}

/// <summary>The counters behind a bucket, and behind the totals of many buckets.</summary>
internal sealed class MetricsCounts
{
    private static readonly int Kinds = Enum.GetValues<DeadlineKind>().Length;
    private static readonly int Statuses = Enum.GetValues<DeadlineStatus>().Length;

    public int Reports { get; set; }

    public int AnonymousReports { get; set; }

    public int AnonymousFollowedUp { get; set; }

    public int Form4Findings { get; set; }

    public DayHistogram DaysIncidentToReport { get; set; } = new();

    public int[,] Deadlines { get; private set; } = new int[Kinds, Statuses];

    public int Closed { get; set; }

    public int[] Outcomes { get; private set; } = new int[Enum.GetValues<CaseOutcome>().Length];

    public int[] Sanctions { get; private set; } = new int[Enum.GetValues<Sanction>().Length];

    public DayHistogram DaysToClose { get; set; } = new();

    public bool IsEmpty =>
        Reports == 0 && AnonymousReports == 0 && AnonymousFollowedUp == 0 && Form4Findings == 0 && DaysIncidentToReport.Count == 0
        && Deadlines.Cast<int>().All(n => n == 0) && Closed == 0 && Outcomes.All(n => n == 0) && Sanctions.All(n => n == 0)
        && DaysToClose.Count == 0;

    public void Apply(CaseFact fact, int sign, bool filing, bool closing)
    {
        if (filing)
        {
            if (fact.IsPersonReport)
            {
                Reports += sign;
                if (fact.Anonymous)
                {
                    AnonymousReports += sign;
                    if (fact.AnonymousFollowedUp)
                    {
                        AnonymousFollowedUp += sign;
                    }
                }

                if (fact.DaysIncidentToReport is { } days)
                {
                    Histogram(DaysIncidentToReport, days, sign);
                }
            }
            else
            {
                Form4Findings += sign;
            }

            foreach (var deadline in fact.Deadlines)
            {
                Deadlines[(int)deadline.Kind, (int)deadline.Status] += sign;
            }
        }

        if (closing)
        {
            Closed += sign;
            Outcomes[(int)fact.Outcome!.Value] += sign;
            foreach (var sanction in fact.Sanctions.Distinct())
            {
                Sanctions[(int)sanction] += sign;
            }

            Histogram(DaysToClose, fact.DaysToClose!.Value, sign);
        }
    }

    public void Merge(MetricsCounts other)
    {
        Reports += other.Reports;
        AnonymousReports += other.AnonymousReports;
        AnonymousFollowedUp += other.AnonymousFollowedUp;
        Form4Findings += other.Form4Findings;
        DaysIncidentToReport.Merge(other.DaysIncidentToReport);
        for (var k = 0; k < Kinds; k++)
        {
            for (var s = 0; s < Statuses; s++)
            {
                Deadlines[k, s] += other.Deadlines[k, s];
            }
        }

        Closed += other.Closed;
        for (var i = 0; i < Outcomes.Length; i++)
        {
            Outcomes[i] += other.Outcomes[i];
        }

        for (var i = 0; i < Sanctions.Length; i++)
        {
            Sanctions[i] += other.Sanctions[i];
        }

        DaysToClose.Merge(other.DaysToClose);
    }

    public MetricsCounts Clone()
    {
        var copy = new MetricsCounts();
        copy.Merge(this);
        return copy;
    }

    public void ThrowIfNegative()
    {
        if (Reports < 0 || AnonymousReports < 0 || AnonymousFollowedUp < 0 || Form4Findings < 0 || Closed < 0
            || Deadlines.Cast<int>().Any(n => n < 0) || Outcomes.Any(n => n < 0) || Sanctions.Any(n => n < 0))
        {
            throw new InvalidOperationException("A count would go below zero: a fact is subtracted that was never added.");
        }
    }

    private static void Histogram(DayHistogram histogram, int days, int sign)
    {
        if (sign > 0)
        {
            histogram.Add(days);
        }
        else
        {
            histogram.Remove(days);
        }
    }
}

/// <summary>
/// Buckets by key, for building them from facts in memory (a test, a rebuild, the view of one viewer) and for handing
/// them to <see cref="ProgramMetrics.From(IEnumerable{MetricsBucket}, int?, Quarter, Quarter, NavexBenchmarks?)"/>.
/// </summary>
public sealed class MetricsBuckets
{
    private readonly Dictionary<MetricsBucketKey, MetricsBucket> _buckets = [];

    /// <summary>Every non-empty bucket, by quarter then category.</summary>
    public IReadOnlyList<MetricsBucket> All =>
        [.. _buckets.Values.Where(b => !b.IsEmpty).OrderBy(b => b.Quarter).ThenBy(b => b.Category)];

    /// <summary>The bucket for a key, created empty when missing.</summary>
    public MetricsBucket this[MetricsBucketKey key] =>
        _buckets.TryGetValue(key, out var bucket) ? bucket : _buckets[key] = new MetricsBucket(key);

    /// <summary>Buckets counting every fact.</summary>
    public static MetricsBuckets From(IEnumerable<CaseFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var buckets = new MetricsBuckets();
        foreach (var fact in facts)
        {
            buckets.Add(fact);
        }

        return buckets;
    }

    /// <summary>Counts a fact in every bucket it belongs to.</summary>
    public void Add(CaseFact fact)
    {
        foreach (var key in MetricsBucket.KeysFor(fact))
        {
            this[key].Add(fact);
        }
    }

    /// <summary>Takes a fact back out of every bucket it was counted in.</summary>
    public void Subtract(CaseFact fact)
    {
        foreach (var key in MetricsBucket.KeysFor(fact))
        {
            this[key].Subtract(fact);
        }
    }

    /// <summary>Adds a stored bucket's counts.</summary>
    public void Merge(MetricsBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        this[bucket.Key].Merge(bucket);
    }
}
