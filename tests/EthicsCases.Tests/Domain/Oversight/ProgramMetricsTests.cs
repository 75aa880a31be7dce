using System.Text.Json;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Tests.Domain.Oversight;

public class ProgramMetricsTests
{
    private static readonly Quarter Q1 = new(2026, 1);
    private static readonly Quarter Q2 = new(2026, 2);

    internal static DateTime At(int y, int m, int d, int h = 12) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    internal static DeadlineResult D(DeadlineKind kind, DeadlineStatus status) => new(kind, status);

    internal static CaseFact Fact(DateTime filed, DateOnly? incident, ConcernCategory category, bool anonymous = false, bool followedUp = false,
        DateTime? closed = null, CaseOutcome? outcome = null, Sanction[]? sanctions = null, DeadlineResult[]? deadlines = null, bool form4 = false) =>
        new(filed, incident, category, anonymous, followedUp, closed, outcome, sanctions ?? [], deadlines ?? [], form4);

    // Twelve cases over 2026Q1 and 2026Q2; the figures in the tests are worked out by hand from this table.
    //  #  filed        incident (days)    category                 anon follow  closed (days)      outcome   sanctions
    //  1  2026-01-05   2026-01-01 (4)     Fraud                    yes  yes     2026-02-14 (40)Q1  Violation Censure, WrittenNotice
    //  2  2026-01-10   2025-12-11 (30)    Fraud                    yes  no      2026-03-11 (60)Q1  NoViol.
    //  3  2026-01-20   -                  CodeOfEthicsViolation    no           2026-01-23 (3) Q1  Dismissed
    //  4  2026-02-01   2026-02-01 (0)     CodeOfEthicsViolation    no           2026-04-12 (70)Q2  Violation Termination
    //  5  2026-02-15   2026-01-16 (30)    BooksAndRecords          yes  yes     open
    //  6  2026-03-01   2025-12-01 (90)    BooksAndRecords          no           2026-03-21 (20)Q1  NoViol.
    //  7  2026-03-20   -                  SecuritiesLawViolation   Form 4 monitor 2026-05-04 (45)Q2 Violation WrittenNotice
    //  8  2026-03-31   2026-03-21 (10)    DisclosureMatter         yes  no      open
    //  9  2026-04-02   2026-03-28 (5)     Fraud                    yes  no      2026-05-02 (30)Q2  Violation SuspensionWithoutPay
    // 10  2026-04-15   -                  InternalControlDeficiency no          2026-06-14 (60)Q2  NoViol.
    // 11  2026-05-01   2026-04-01 (30)    CodeOfEthicsViolation    yes  yes     2026-05-11 (10)Q2  Dismissed
    // 12  2026-06-30   -                  SecuritiesLawViolation   Form 4 monitor open
    internal static readonly CaseFact[] Fixture =
    [
        Fact(At(2026, 1, 5), new(2026, 1, 1), ConcernCategory.Fraud, anonymous: true, followedUp: true, At(2026, 2, 14), CaseOutcome.ViolationFound,
            [Sanction.Censure, Sanction.WrittenNotice],
            [D(DeadlineKind.Acknowledge, DeadlineStatus.MetOnTime), D(DeadlineKind.Feedback, DeadlineStatus.MetOnTime),
             D(DeadlineKind.Triage, DeadlineStatus.MetOnTime), D(DeadlineKind.Investigation, DeadlineStatus.MetOnTime)]),
        Fact(At(2026, 1, 10), new(2025, 12, 11), ConcernCategory.Fraud, anonymous: true, followedUp: false, At(2026, 3, 11), CaseOutcome.NoViolationFound,
            deadlines: [D(DeadlineKind.Acknowledge, DeadlineStatus.MetLate), D(DeadlineKind.Triage, DeadlineStatus.MetOnTime)]),
        Fact(At(2026, 1, 20), null, ConcernCategory.CodeOfEthicsViolation, closed: At(2026, 1, 23), outcome: CaseOutcome.Dismissed,
            deadlines: [D(DeadlineKind.Acknowledge, DeadlineStatus.MetOnTime), D(DeadlineKind.Feedback, DeadlineStatus.MetOnTime), D(DeadlineKind.Triage, DeadlineStatus.MetOnTime)]),
        Fact(At(2026, 2, 1), new(2026, 2, 1), ConcernCategory.CodeOfEthicsViolation, closed: At(2026, 4, 12), outcome: CaseOutcome.ViolationFound,
            sanctions: [Sanction.Termination]),
        Fact(At(2026, 2, 15), new(2026, 1, 16), ConcernCategory.BooksAndRecords, anonymous: true, followedUp: true),
        Fact(At(2026, 3, 1), new(2025, 12, 1), ConcernCategory.BooksAndRecords, closed: At(2026, 3, 21), outcome: CaseOutcome.NoViolationFound),
        Fact(At(2026, 3, 20), null, ConcernCategory.SecuritiesLawViolation, closed: At(2026, 5, 4), outcome: CaseOutcome.ViolationFound,
            sanctions: [Sanction.WrittenNotice], deadlines: [D(DeadlineKind.Triage, DeadlineStatus.MetLate)], form4: true),
        Fact(At(2026, 3, 31, 23), new(2026, 3, 21), ConcernCategory.DisclosureMatter, anonymous: true,
            deadlines: [D(DeadlineKind.Acknowledge, DeadlineStatus.Overdue)]),
        Fact(At(2026, 4, 2), new(2026, 3, 28), ConcernCategory.Fraud, anonymous: true, closed: At(2026, 5, 2), outcome: CaseOutcome.ViolationFound,
            sanctions: [Sanction.SuspensionWithoutPay]),
        Fact(At(2026, 4, 15), null, ConcernCategory.InternalControlDeficiency, closed: At(2026, 6, 14), outcome: CaseOutcome.NoViolationFound),
        Fact(At(2026, 5, 1), new(2026, 4, 1), ConcernCategory.CodeOfEthicsViolation, anonymous: true, followedUp: true, At(2026, 5, 11), CaseOutcome.Dismissed),
        Fact(At(2026, 6, 30), null, ConcernCategory.SecuritiesLawViolation, form4: true),
    ];

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static ProgramMetrics Metrics(int? headcount = 1000) =>
        ProgramMetrics.From(MetricsBuckets.From(Fixture).All, headcount, Q1, Q2);

    [Test]
    public void Program_metrics_over_the_half_year_match_the_hand_computed_figures()
    {
        var m = Metrics();

        Assert.Multiple(() =>
        {
            Assert.That(m.FirstQuarter, Is.EqualTo(Q1));
            Assert.That(m.LastQuarter, Is.EqualTo(Q2));
            // People's reports: all but the two Form 4 findings (7, 12).
            Assert.That(m.Reports, Is.EqualTo(10));
            Assert.That(m.Form4Findings, Is.EqualTo(2));
            // 10 reports / 1000 employees * 100 = 1.0 in two quarters, annualised * 4 / 2 = 2.0.
            Assert.That(m.ReportsPer100Employees, Is.EqualTo(2.0).Within(1e-12));
            // Anonymous: 1, 2, 5, 8, 9, 11 = 6 of 10; came back: 1, 5, 11 = 3 of 6.
            Assert.That(m.AnonymousReports, Is.EqualTo(6));
            Assert.That(m.AnonymousShare, Is.EqualTo(0.6).Within(1e-12));
            Assert.That(m.AnonymousFollowUpRate, Is.EqualTo(0.5).Within(1e-12));
            // Closed in Q1 or Q2: 1, 2, 3, 4, 6, 7, 9, 10, 11.
            Assert.That(m.Closed, Is.EqualTo(9));
            Assert.That(m.Outcomes, Is.EqualTo(new Dictionary<CaseOutcome, int>
            {
                [CaseOutcome.ViolationFound] = 4, [CaseOutcome.NoViolationFound] = 3, [CaseOutcome.Dismissed] = 2,
            }));
            // 4 violations / (4 + 3 no violation); the two dismissals are left out.
            Assert.That(m.SubstantiationRate, Is.EqualTo(4.0 / 7).Within(1e-12));
            // Days to close sorted: 3 10 20 30 [40] 45 60 60 70; p90 rank ceil(8.1) = 9th = 70.
            Assert.That(m.MedianDaysToClose, Is.EqualTo(40));
            Assert.That(m.P90DaysToClose, Is.EqualTo(70));
            // Incident to report, people's reports with a date: 0 4 5 [10 30] 30 30 90 -> (10 + 30) / 2.
            Assert.That(m.ReportsWithIncidentDate, Is.EqualTo(8));
            Assert.That(m.MedianDaysIncidentToReport, Is.EqualTo(20));
            Assert.That(m.Sanctions, Is.EqualTo(new Dictionary<Sanction, int>
            {
                [Sanction.WrittenNotice] = 2, [Sanction.Censure] = 1, [Sanction.DemotionOrReassignment] = 0,
                [Sanction.SuspensionWithPay] = 0, [Sanction.SuspensionWithoutPay] = 1, [Sanction.Termination] = 1,
            }));
            // Acknowledge: on time 1, 3; late 2; overdue 8 -> 2 of 4.
            Assert.That(m.DeadlinesMetOnTime[DeadlineKind.Acknowledge], Is.EqualTo(new DeadlineStats(2, 1, 1)));
            Assert.That(m.DeadlinesMetOnTime[DeadlineKind.Acknowledge].OnTimeRate, Is.EqualTo(0.5));
            Assert.That(m.DeadlinesMetOnTime[DeadlineKind.Feedback], Is.EqualTo(new DeadlineStats(2, 0, 0)));
            Assert.That(m.DeadlinesMetOnTime[DeadlineKind.Triage].OnTimeRate, Is.EqualTo(0.75));
            Assert.That(m.DeadlinesMetOnTime[DeadlineKind.Investigation], Is.EqualTo(new DeadlineStats(1, 0, 0)));
            Assert.That(m.DeadlinesMetOnTime[DeadlineKind.BoardDetermination].OnTimeRate, Is.Null);
        });
    }

    [Test]
    public void Reports_count_in_their_filing_quarter_and_closures_in_their_closing_quarter()
    {
        var m = Metrics();
        var q1 = m.ByQuarter.Single(q => q.Quarter == Q1);
        var q2 = m.ByQuarter.Single(q => q.Quarter == Q2);

        Assert.Multiple(() =>
        {
            Assert.That(m.ByQuarter.Select(q => q.Quarter), Is.EqualTo(new[] { Q1, Q2 }));
            // Q1 filings: 1-6 and 8 are people's (7 reports), 7 is Form 4; case 8 was filed at 23:00 UTC on 31 March.
            Assert.That(q1.Reports, Is.EqualTo(7));
            Assert.That(q1.Form4Findings, Is.EqualTo(1));
            Assert.That(q1.ReportsPer100Employees, Is.EqualTo(2.8).Within(1e-12), "7 / 1000 * 100 * 4");
            Assert.That(q1.AnonymousShare, Is.EqualTo(4.0 / 7).Within(1e-12));
            Assert.That(q1.AnonymousFollowUpRate, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(q1.MedianDaysIncidentToReport, Is.EqualTo(20), "0 4 [10 30] 30 90");
            // Q1 closings: 1 (40), 2 (60), 3 (3), 6 (20): 3 [20 40] 60; p90 rank ceil(3.6) = 4th.
            Assert.That(q1.Closed, Is.EqualTo(4));
            Assert.That(q1.MedianDaysToClose, Is.EqualTo(30));
            Assert.That(q1.P90DaysToClose, Is.EqualTo(60));
            Assert.That(q1.SubstantiationRate, Is.EqualTo(1.0 / 3).Within(1e-12));
            Assert.That(q1.DeadlinesMetOnTime[DeadlineKind.Triage], Is.EqualTo(new DeadlineStats(3, 1, 0)));
            // Q2 filings: 9, 10, 11 and the Form 4 finding 12.
            Assert.That(q2.Reports, Is.EqualTo(3));
            Assert.That(q2.Form4Findings, Is.EqualTo(1));
            Assert.That(q2.MedianDaysIncidentToReport, Is.EqualTo(17.5), "(5 + 30) / 2");
            // Q2 closings: 4 (70), 7 (45), 9 (30), 10 (60), 11 (10): 10 30 [45] 60 70.
            Assert.That(q2.Closed, Is.EqualTo(5));
            Assert.That(q2.MedianDaysToClose, Is.EqualTo(45));
            Assert.That(q2.P90DaysToClose, Is.EqualTo(70));
            Assert.That(q2.SubstantiationRate, Is.EqualTo(0.75).Within(1e-12), "4, 7, 9 found; 10 not; 11 dismissed");
            Assert.That(q2.DeadlinesMetOnTime.Values.Sum(d => d.MetOnTime + d.MetLate + d.Overdue), Is.Zero);
        });
    }

    [Test]
    public void Each_category_gets_the_same_measures()
    {
        var m = Metrics();
        CategoryMetrics Of(ConcernCategory c) => m.ByCategory.Single(x => x.Category == c);

        Assert.Multiple(() =>
        {
            Assert.That(m.ByCategory.Select(c => c.Category), Is.EqualTo(Enum.GetValues<ConcernCategory>()));
            var fraud = Of(ConcernCategory.Fraud);
            Assert.That(fraud.Reports, Is.EqualTo(3));
            Assert.That(fraud.AnonymousShare, Is.EqualTo(1.0));
            Assert.That(fraud.AnonymousFollowUpRate, Is.EqualTo(1.0 / 3).Within(1e-12));
            Assert.That(fraud.MedianDaysToClose, Is.EqualTo(40), "30 [40] 60");
            Assert.That(fraud.P90DaysToClose, Is.EqualTo(60));
            Assert.That(fraud.SubstantiationRate, Is.EqualTo(2.0 / 3).Within(1e-12));
            Assert.That(fraud.MedianDaysIncidentToReport, Is.EqualTo(5), "4 [5] 30");
            Assert.That(fraud.ReportsPer100Employees, Is.EqualTo(0.6).Within(1e-12), "3 / 1000 * 100 * 4 / 2");
            var ethics = Of(ConcernCategory.CodeOfEthicsViolation);
            Assert.That(ethics.MedianDaysToClose, Is.EqualTo(10), "3 [10] 70");
            Assert.That(ethics.SubstantiationRate, Is.EqualTo(1.0), "one violation, two dismissals left out");
            var securities = Of(ConcernCategory.SecuritiesLawViolation);
            Assert.That(securities.Reports, Is.Zero);
            Assert.That(securities.Form4Findings, Is.EqualTo(2));
            Assert.That(securities.AnonymousShare, Is.Null, "no people's reports to divide by");
            Assert.That(securities.MedianDaysToClose, Is.EqualTo(45), "closure measures include Form 4 findings");
            var disclosure = Of(ConcernCategory.DisclosureMatter);
            Assert.That(disclosure.Closed, Is.Zero);
            Assert.That(disclosure.MedianDaysToClose, Is.Null);
            Assert.That(disclosure.SubstantiationRate, Is.Null);
        });
    }

    [Test]
    public void A_range_of_one_quarter_gives_that_quarters_figures_and_ignores_other_buckets()
    {
        var q1Only = ProgramMetrics.From(MetricsBuckets.From(Fixture).All, 1000, new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 1));
        var q1 = Metrics().ByQuarter[0];

        Assert.Multiple(() =>
        {
            Assert.That(q1Only.FirstQuarter, Is.EqualTo(Q1));
            Assert.That(q1Only.LastQuarter, Is.EqualTo(Q1));
            Assert.That(q1Only.Reports, Is.EqualTo(q1.Reports));
            Assert.That(q1Only.ReportsPer100Employees, Is.EqualTo(q1.ReportsPer100Employees));
            Assert.That(q1Only.MedianDaysToClose, Is.EqualTo(q1.MedianDaysToClose));
            Assert.That(q1Only.Closed, Is.EqualTo(4));
        });
    }

    [Test]
    public void Without_a_headcount_reports_per_100_employees_is_null()
    {
        Assert.That(Metrics(headcount: null).ReportsPer100Employees, Is.Null);
    }

    [Test]
    public void Metrics_carry_the_navex_medians_labelled_with_their_source()
    {
        var b = Metrics().Benchmarks;

        Assert.Multiple(() =>
        {
            Assert.That(b.Label, Is.EqualTo("NAVEX published benchmark medians"));
            Assert.That(b.Source, Does.StartWith("NAVEX"));
            Assert.That(b.Year, Is.EqualTo(2024));
            Assert.That(b.ReportsPer100Employees, Is.EqualTo(1.4));
            Assert.That(b.AnonymousShare, Is.EqualTo(0.56));
            Assert.That(b.SubstantiationRate, Is.EqualTo(0.45));
            Assert.That(b.MedianDaysToClose, Is.EqualTo(43));
            Assert.That(b.BestPracticeDaysToClose, Is.EqualTo(31));
            Assert.That(b.AnonymousFollowUpRate, Is.EqualTo(0.33));
            Assert.That(b.Notes, Has.Count.EqualTo(6));
        });
    }

    [Test]
    public void Benchmarks_with_a_percentage_instead_of_a_fraction_are_rejected()
    {
        const string Json = """
            { "version": "x", "label": "NAVEX", "source": "NAVEX", "year": 2024,
              "reportsPer100Employees": { "median": 1.4, "note": "n" }, "anonymousShare": { "median": 56, "note": "n" },
              "substantiationRate": { "median": 0.45, "note": "n" }, "medianDaysToClose": { "median": 43, "note": "n" },
              "bestPracticeDaysToClose": { "median": 31, "note": "n" }, "anonymousFollowUpRate": { "median": 0.33, "note": "n" } }
            """;

        var e = Assert.Throws<InvalidDataException>(() => NavexBenchmarks.Parse(Json));

        Assert.That(e!.Message, Does.Contain("anonymousShare.median must be a fraction"));
    }

    [Test]
    public void Metrics_serialise_with_the_contract_field_names_quarters_and_enum_names()
    {
        var json = JsonSerializer.Serialize(Metrics(), WebJson);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("from").GetString(), Is.EqualTo("2026Q1"));
            Assert.That(root.GetProperty("to").GetString(), Is.EqualTo("2026Q2"));
            Assert.That(root.GetProperty("substantiationRate").GetDouble(), Is.EqualTo(4.0 / 7).Within(1e-12));
            Assert.That(root.GetProperty("medianDaysToClose").GetDouble(), Is.EqualTo(40));
            Assert.That(root.GetProperty("p90DaysToClose").GetInt32(), Is.EqualTo(70));
            Assert.That(root.GetProperty("anonymousShare").GetDouble(), Is.EqualTo(0.6).Within(1e-12));
            Assert.That(root.GetProperty("anonymousFollowUpRate").GetDouble(), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(root.GetProperty("reportsPer100Employees").GetDouble(), Is.EqualTo(2.0).Within(1e-12));
            Assert.That(root.GetProperty("medianDaysIncidentToReport").GetDouble(), Is.EqualTo(20));
            Assert.That(root.GetProperty("form4Findings").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("outcomes").GetProperty("ViolationFound").GetInt32(), Is.EqualTo(4));
            Assert.That(root.GetProperty("sanctions").GetProperty("Termination").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("deadlinesMetOnTime").GetProperty("Acknowledge").GetProperty("onTimeRate").GetDouble(), Is.EqualTo(0.5));
            Assert.That(root.GetProperty("byCategory")[3].GetProperty("category").GetString(), Is.EqualTo("Fraud"));
            Assert.That(root.GetProperty("byQuarter")[1].GetProperty("quarter").GetString(), Is.EqualTo("2026Q2"));
            Assert.That(root.GetProperty("benchmarks").GetProperty("medianDaysToClose").GetDouble(), Is.EqualTo(43));
            Assert.That(root.GetProperty("byCategory")[0].GetProperty("medianDaysToClose").ValueKind, Is.EqualTo(JsonValueKind.Null),
                "absent values are null, never omitted");
        });
    }

    [Test]
    public void Subtract_undoes_add_exactly()
    {
        var all = MetricsBuckets.From(Fixture);
        var before = Snapshot(MetricsBuckets.From(Fixture.Where((_, i) => i != 0 && i != 6)));

        all.Subtract(Fixture[0]); // counted in 2026Q1 Fraud only
        all.Subtract(Fixture[6]); // filed 2026Q1, closed 2026Q2: counted in two buckets

        Assert.That(Snapshot(all), Is.EqualTo(before));
    }

    [Test]
    public void Subtracting_every_fact_leaves_empty_buckets()
    {
        var buckets = MetricsBuckets.From(Fixture);

        foreach (var fact in Fixture.Reverse())
        {
            buckets.Subtract(fact);
        }

        Assert.That(buckets.All, Is.Empty);
    }

    [Test]
    public void Subtracting_a_fact_never_added_is_refused_and_changes_nothing()
    {
        var bucket = new MetricsBucket(Q1, ConcernCategory.Fraud);
        bucket.Add(Fixture[0]);
        var before = bucket.ToJson();
        var other = Fixture[0] with { ClosedAt = At(2026, 3, 30) }; // same filing side, different days to close

        Assert.Throws<InvalidOperationException>(() => bucket.Subtract(other));
        Assert.That(bucket.ToJson(), Is.EqualTo(before));
    }

    [Test]
    public void Merged_partial_buckets_equal_buckets_built_at_once()
    {
        var first = MetricsBuckets.From(Fixture.Take(5));
        var second = MetricsBuckets.From(Fixture.Skip(5));
        foreach (var bucket in second.All)
        {
            first.Merge(bucket);
        }

        Assert.That(Snapshot(first), Is.EqualTo(Snapshot(MetricsBuckets.From(Fixture))));
    }

    [Test]
    public void Bucket_round_trips_through_its_json()
    {
        var bucket = MetricsBuckets.From(Fixture)[new MetricsBucketKey(Q1, ConcernCategory.Fraud)];

        var read = MetricsBucket.FromJson(bucket.ToJson());

        Assert.Multiple(() =>
        {
            Assert.That(read.ToJson(), Is.EqualTo(bucket.ToJson()));
            Assert.That(read.Reports, Is.EqualTo(2));
            Assert.That(read.DaysToClose.Counts, Is.EqualTo(new Dictionary<int, int> { [40] = 1, [60] = 1 }));
            Assert.That(read.Deadlines(DeadlineKind.Acknowledge, DeadlineStatus.MetLate), Is.EqualTo(1));
        });
    }

    [Test]
    public void Bucket_json_with_a_negative_count_is_rejected()
    {
        var json = new MetricsBucket(Q1, ConcernCategory.Fraud).ToJson().Replace("\"reports\":0", "\"reports\":-1", StringComparison.Ordinal);

        Assert.Throws<InvalidDataException>(() => MetricsBucket.FromJson(json));
    }

    [Test]
    public void Fact_filed_and_closed_in_different_quarters_counts_its_report_in_one_bucket_and_its_closure_in_the_other()
    {
        var fact = Fixture[3]; // filed 2026Q1, closed 2026Q2
        var filing = new MetricsBucket(Q1, ConcernCategory.CodeOfEthicsViolation);
        var closing = new MetricsBucket(Q2, ConcernCategory.CodeOfEthicsViolation);

        filing.Add(fact);
        closing.Add(fact);

        Assert.Multiple(() =>
        {
            Assert.That(MetricsBucket.KeysFor(fact), Is.EqualTo(new[] { filing.Key, closing.Key }));
            Assert.That((filing.Reports, filing.Closed), Is.EqualTo((1, 0)));
            Assert.That((closing.Reports, closing.Closed), Is.EqualTo((0, 1)));
            Assert.That(closing.Outcomes(CaseOutcome.ViolationFound), Is.EqualTo(1));
            Assert.That(closing.Sanctions(Sanction.Termination), Is.EqualTo(1));
        });
    }

    [Test]
    public void Bucket_refuses_a_fact_of_another_category_or_quarter()
    {
        var bucket = new MetricsBucket(Q2, ConcernCategory.Fraud);

        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => bucket.Add(Fixture[0]), "filed and closed in Q1");
            Assert.Throws<ArgumentException>(() => bucket.Add(Fixture[9]), "another category");
            Assert.That(bucket.IsEmpty, Is.True);
        });
    }

    [Test]
    public void Fact_closed_without_an_outcome_is_refused()
    {
        var fact = Fixture[4] with { ClosedAt = At(2026, 3, 1) };

        Assert.Throws<ArgumentException>(() => new MetricsBucket(Q1, ConcernCategory.BooksAndRecords).Add(fact));
    }

    [Test]
    public void Incident_dated_after_the_utc_filing_date_counts_as_reported_the_same_day()
    {
        var fact = Fact(At(2026, 3, 2, 23), new DateOnly(2026, 3, 3), ConcernCategory.Fraud);

        Assert.That(fact.DaysIncidentToReport, Is.Zero);
    }

    [Test]
    public void Mistyped_ancient_incident_date_counts_as_the_longest_span_instead_of_failing()
    {
        var fact = Fact(At(2026, 3, 2), new DateOnly(1, 1, 1), ConcernCategory.Fraud);
        var bucket = new MetricsBucket(Q1, ConcernCategory.Fraud);

        bucket.Add(fact);

        Assert.That(bucket.DaysIncidentToReport.Counts, Is.EqualTo(new Dictionary<int, int> { [DayHistogram.MaxDays] = 1 }));
    }

    [Test]
    public void Settled_deadlines_are_taken_from_the_calculator_and_open_ones_left_out()
    {
        var facts = new CaseClockFacts(At(2026, 3, 2), ConcernCategory.Fraud, CaseState.GeneralCounselReview,
            AcceptedAt: At(2026, 3, 12), LeftIntakeAt: At(2026, 3, 12), AcknowledgedAt: At(2026, 3, 3));
        var deadlines = DeadlineCalculator.Default.Calculate(facts, new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero));

        var settled = DeadlineResult.From(deadlines);

        Assert.That(settled, Is.EqualTo(new[]
        {
            D(DeadlineKind.Acknowledge, DeadlineStatus.MetOnTime),
            D(DeadlineKind.Triage, DeadlineStatus.MetLate),
        }));
    }

    private static Dictionary<MetricsBucketKey, string> Snapshot(MetricsBuckets buckets) =>
        buckets.All.ToDictionary(b => b.Key, b => b.ToJson());
}
