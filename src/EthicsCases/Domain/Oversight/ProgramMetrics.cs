using System.Text.Json.Serialization;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Domain.Oversight;

/// <summary>
/// The measures the Audit Committee reads, over some buckets. Shares and rates are fractions (0.45 = 45%) and null
/// when there is nothing to divide by. What counts:
/// <list type="bullet">
/// <item><b>Reports</b> are people's reports filed in the period (by filing quarter); the Form 4 monitor's findings are
/// counted apart (<see cref="Form4Findings"/>) and left out of the reporting measures NAVEX benchmarks.</item>
/// <item><b>Closure</b> measures (outcomes, sanctions, substantiation, days to close) cover every case closed in the
/// period (by closing quarter), Form 4 findings included: all of it is work the program must finish.</item>
/// <item><b>Substantiation</b> is ViolationFound / (ViolationFound + NoViolationFound): of the closed cases that reached a
/// finding, the share where a violation was found. Dismissals are left out, as NAVEX leaves out reports closed without
/// a finding.</item>
/// <item><b>Medians</b> of whole days are the middle value or the mean of the two middle values; <b>p90</b> is the
/// nearest-rank 90th percentile (⌈0.9·n⌉-th smallest).</item>
/// </list>
/// </summary>
public record MetricsMeasures
{
    /// <summary>People's reports filed in the period.</summary>
    public int Reports { get; init; }

    /// <summary>Of <see cref="Reports"/>, the anonymous ones.</summary>
    public int AnonymousReports { get; init; }

    /// <summary>Cases filed by the Form 4 monitor in the period.</summary>
    public int Form4Findings { get; init; }

    /// <summary>Reports per 100 employees, annualised (× 4 / quarters in the period) to compare with NAVEX's yearly
    /// figure; null without a headcount.</summary>
    public double? ReportsPer100Employees { get; init; }

    /// <summary>Anonymous reports / reports.</summary>
    public double? AnonymousShare { get; init; }

    /// <summary>Anonymous reports whose reporter came back and wrote / anonymous reports.</summary>
    public double? AnonymousFollowUpRate { get; init; }

    /// <summary>Cases closed in the period.</summary>
    public int Closed { get; init; }

    /// <summary>ViolationFound / (ViolationFound + NoViolationFound) among the cases closed in the period.</summary>
    public double? SubstantiationRate { get; init; }

    /// <summary>Median calendar days from filing to closing, of the cases closed in the period.</summary>
    public double? MedianDaysToClose { get; init; }

    /// <summary>90th percentile (nearest rank) of days to close.</summary>
    public int? P90DaysToClose { get; init; }

    /// <summary>Median calendar days from the incident to the report, of the period's reports that give an incident date.</summary>
    public double? MedianDaysIncidentToReport { get; init; }

    /// <summary>How many of the period's reports give an incident date (the median's base).</summary>
    public int ReportsWithIncidentDate { get; init; }

    /// <summary>Cases closed in the period, by outcome (every outcome present, 0 when none).</summary>
    public IReadOnlyDictionary<CaseOutcome, int> Outcomes { get; init; } = new Dictionary<CaseOutcome, int>();

    /// <summary>Cases closed in the period with each sanction among those determined (every sanction present).</summary>
    public IReadOnlyDictionary<Sanction, int> Sanctions { get; init; } = new Dictionary<Sanction, int>();

    /// <summary>Settled deadlines of the cases filed in the period, by kind (every kind present).</summary>
    public IReadOnlyDictionary<DeadlineKind, DeadlineStats> DeadlinesMetOnTime { get; init; } = new Dictionary<DeadlineKind, DeadlineStats>();
}

/// <summary>How the settled clocks of one kind ended.</summary>
/// <param name="MetOnTime">Met on or before the due date.</param>
/// <param name="MetLate">Met after it.</param>
/// <param name="Overdue">Not met and past due.</param>
public sealed record DeadlineStats(int MetOnTime, int MetLate, int Overdue)
{
    /// <summary>Met on time / settled; null when none is settled.</summary>
    public double? OnTimeRate => MetOnTime + MetLate + Overdue is var n and > 0 ? MetOnTime / (double)n : null;
}

/// <summary>The measures for one category.</summary>
public sealed record CategoryMetrics : MetricsMeasures
{
    /// <summary>The category.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<ConcernCategory>))]
    public required ConcernCategory Category { get; init; }
}

/// <summary>The measures for one quarter.</summary>
public sealed record QuarterMetrics : MetricsMeasures
{
    /// <summary>The quarter.</summary>
    public required Quarter Quarter { get; init; }
}

/// <summary>
/// Program metrics over a range of quarters (the JSON of <c>ethics report metrics</c> and <c>GET /api/reports/metrics</c>),
/// with the same measures per category and per quarter and NAVEX's medians beside them. Built from pre-aggregated
/// <see cref="MetricsBucket"/>s, so its cost depends on the number of buckets (quarters × 6), not of cases.
/// </summary>
public sealed record ProgramMetrics : MetricsMeasures
{
    /// <summary>The first quarter covered (JSON <c>from</c>).</summary>
    [JsonPropertyName("from")]
    public required Quarter FirstQuarter { get; init; }

    /// <summary>The last quarter covered (JSON <c>to</c>).</summary>
    [JsonPropertyName("to")]
    public required Quarter LastQuarter { get; init; }

    /// <summary>The configured headcount the per-100-employees figure uses; null when not configured.</summary>
    public required int? Headcount { get; init; }

    /// <summary>Every category, in the SOP's order.</summary>
    public required IReadOnlyList<CategoryMetrics> ByCategory { get; init; }

    /// <summary>Every quarter of the range, oldest first (quarters with nothing in them included).</summary>
    public required IReadOnlyList<QuarterMetrics> ByQuarter { get; init; }

    /// <summary>NAVEX's published benchmark medians, for comparison (labelled as such).</summary>
    public required NavexBenchmarks Benchmarks { get; init; }

    /// <summary>
    /// The metrics of the quarters from <paramref name="from"/> to <paramref name="to"/>; buckets outside that range
    /// are ignored.
    /// </summary>
    /// <param name="buckets">The viewer's buckets (after subtracting the cases the viewer may not see).</param>
    /// <param name="headcount">Employees, for reports per 100 employees; null or 0 when not configured.</param>
    /// <param name="from">First quarter.</param>
    /// <param name="to">Last quarter.</param>
    /// <param name="benchmarks">The NAVEX medians; the current ones by default.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static ProgramMetrics From(IEnumerable<MetricsBucket> buckets, int? headcount, Quarter from, Quarter to, NavexBenchmarks? benchmarks = null)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentOutOfRangeException.ThrowIfNegative(headcount ?? 0, nameof(headcount));
        var quarters = Quarter.Range(from, to);
        var inRange = buckets.Where(b => b.Quarter >= from && b.Quarter <= to).ToList();
        var employees = headcount is > 0 ? headcount : null;

        var total = Sum(inRange);
        var byCategory = Enum.GetValues<ConcernCategory>()
            .Select(c => Fill(new CategoryMetrics { Category = c }, Sum(inRange.Where(b => b.Category == c)), employees, quarters.Count))
            .ToList();
        var byQuarter = quarters
            .Select(q => Fill(new QuarterMetrics { Quarter = q }, Sum(inRange.Where(b => b.Quarter == q)), employees, 1))
            .ToList();

        return Fill(new ProgramMetrics
        {
            FirstQuarter = from,
            LastQuarter = to,
            Headcount = employees,
            ByCategory = byCategory,
            ByQuarter = byQuarter,
            Benchmarks = benchmarks ?? NavexBenchmarks.Current,
        }, total, employees, quarters.Count);
    }

    /// <summary>The metrics of every quarter that the dates touch (a quarter is the smallest unit).</summary>
    public static ProgramMetrics From(IEnumerable<MetricsBucket> buckets, int? headcount, DateOnly from, DateOnly to, NavexBenchmarks? benchmarks = null) =>
        From(buckets, headcount, Quarter.Of(from), Quarter.Of(to), benchmarks);

    private static MetricsCounts Sum(IEnumerable<MetricsBucket> buckets)
    {
        var sum = new MetricsCounts();
        foreach (var bucket in buckets)
        {
            sum.Merge(bucket.Counts);
        }

        return sum;
    }

    private static T Fill<T>(T target, MetricsCounts c, int? headcount, int quarters)
        where T : MetricsMeasures
    {
        var found = c.Outcomes[(int)CaseOutcome.ViolationFound];
        var withFinding = found + c.Outcomes[(int)CaseOutcome.NoViolationFound];
        return target with
        {
            Reports = c.Reports,
            AnonymousReports = c.AnonymousReports,
            Form4Findings = c.Form4Findings,
            ReportsPer100Employees = headcount is { } h ? c.Reports * 100.0 / h * 4 / quarters : null,
            AnonymousShare = Ratio(c.AnonymousReports, c.Reports),
            AnonymousFollowUpRate = Ratio(c.AnonymousFollowedUp, c.AnonymousReports),
            Closed = c.Closed,
            SubstantiationRate = Ratio(found, withFinding),
            MedianDaysToClose = c.DaysToClose.Median(),
            P90DaysToClose = c.DaysToClose.Percentile(90),
            MedianDaysIncidentToReport = c.DaysIncidentToReport.Median(),
            ReportsWithIncidentDate = c.DaysIncidentToReport.Count,
            Outcomes = Enum.GetValues<CaseOutcome>().ToDictionary(o => o, o => c.Outcomes[(int)o]),
            Sanctions = Enum.GetValues<Sanction>().ToDictionary(s => s, s => c.Sanctions[(int)s]),
            DeadlinesMetOnTime = Enum.GetValues<DeadlineKind>().ToDictionary(k => k, k => new DeadlineStats(
                c.Deadlines[(int)k, (int)DeadlineStatus.MetOnTime],
                c.Deadlines[(int)k, (int)DeadlineStatus.MetLate],
                c.Deadlines[(int)k, (int)DeadlineStatus.Overdue])),
        };
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : part / (double)whole;
}
