using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Domain.Oversight;

/// <summary>
/// What the Audit Committee's quarterly report shows. Deliberately free of narrative: no summaries, details, reasons
/// or subjects' names can be put in it, only references, codes, dates and counts (and, for waivers, the person and
/// provision that must be disclosed anyway).
/// </summary>
/// <param name="Quarter">The quarter reported on.</param>
/// <param name="PreparedOn">The report's date.</param>
/// <param name="Metrics">Program metrics over a range that includes <paramref name="Quarter"/> (the charts draw every
/// quarter of the range; the table shows the quarter and, when longer, the whole range).</param>
/// <param name="OpenCases">Cases open at the end of the quarter (or on the report's date), by age.</param>
/// <param name="OverdueDeadlines">Deadlines overdue on the report's date.</param>
/// <param name="Determinations">Determinations recorded in the quarter.</param>
/// <param name="Form4Findings">Cases the Form 4 monitor filed in the quarter.</param>
/// <param name="Waivers">Waivers of the Code of Ethics; null leaves the section out (before waivers exist), an empty
/// list says "No waivers".</param>
public sealed record QuarterlyReportContent(
    Quarter Quarter,
    DateOnly PreparedOn,
    ProgramMetrics Metrics,
    OpenCaseAging OpenCases,
    IReadOnlyList<OverdueDeadlineRow> OverdueDeadlines,
    IReadOnlyList<DeterminationRow> Determinations,
    IReadOnlyList<Form4FindingRow> Form4Findings,
    IReadOnlyList<WaiverRow>? Waivers = null)
{
    /// <summary>The company.</summary>
    public string Company { get; init; } = "Alto Ingredients, Inc.";
}

/// <summary>Open cases by age in calendar days since filing.</summary>
/// <param name="AsOf">The day the ages are counted to.</param>
/// <param name="UpTo30Days">0 to 30 days.</param>
/// <param name="From31To90Days">31 to 90 days.</param>
/// <param name="From91To180Days">91 to 180 days.</param>
/// <param name="Over180Days">More than 180 days.</param>
public sealed record OpenCaseAging(DateOnly AsOf, int UpTo30Days, int From31To90Days, int From91To180Days, int Over180Days)
{
    /// <summary>All open cases.</summary>
    public int Total => UpTo30Days + From31To90Days + From91To180Days + Over180Days;

    /// <summary>Counts the open cases by age on <paramref name="asOf"/>, from their filing times (UTC).</summary>
    public static OpenCaseAging From(IEnumerable<DateTime> filedAt, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(filedAt);
        int young = 0, middle = 0, old = 0, oldest = 0;
        foreach (var at in filedAt)
        {
            var age = asOf.DayNumber - Clock.UtcDate(at).DayNumber;
            _ = age switch
            {
                <= 30 => young++,
                <= 90 => middle++,
                <= 180 => old++,
                _ => oldest++,
            };
        }

        return new OpenCaseAging(asOf, young, middle, old, oldest);
    }
}

/// <summary>An overdue deadline.</summary>
/// <param name="Reference">The case reference.</param>
/// <param name="Kind">Which clock.</param>
/// <param name="Due">Its due date.</param>
/// <param name="DaysOverdue">Days past the due date.</param>
public sealed record OverdueDeadlineRow(string Reference, DeadlineKind Kind, DateOnly Due, int DaysOverdue)
{
    /// <summary>The overdue ones among a case's deadlines.</summary>
    public static IEnumerable<OverdueDeadlineRow> From(string reference, IEnumerable<CaseDeadline> deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return deadlines.Where(d => d.Overdue).Select(d => new OverdueDeadlineRow(reference, d.Kind, d.Due, d.DaysPastDue));
    }
}

/// <summary>A determination recorded in the quarter.</summary>
/// <param name="Reference">The case reference.</param>
/// <param name="Date">The Board meeting's date.</param>
/// <param name="Outcome">ViolationFound or NoViolationFound.</param>
/// <param name="Sanctions">The actions determined.</param>
/// <param name="Recommendation">What the sanction policy recommended; null when no violation was found.</param>
/// <param name="DepartsFromRecommendation">Whether the actions depart from it.</param>
public sealed record DeterminationRow(string Reference, DateOnly Date, CaseOutcome Outcome, IReadOnlyList<Sanction> Sanctions,
    Sanction? Recommendation, bool DepartsFromRecommendation);

/// <summary>A case the Form 4 monitor filed.</summary>
/// <param name="Reference">The case reference.</param>
/// <param name="Code">The finding code (<see cref="Filings.FindingCodes"/>), never its message.</param>
/// <param name="FiledOn">When the case was filed.</param>
/// <param name="State">Where the case stands.</param>
/// <param name="Outcome">Its outcome once closed.</param>
public sealed record Form4FindingRow(string Reference, string Code, DateOnly FiledOn, CaseState State, CaseOutcome? Outcome);

/// <summary>A waiver of the Code of Ethics (disclosed under Form 8-K Item 5.05 when granted to a senior officer).</summary>
/// <param name="Person">Who it was granted to (or asked for).</param>
/// <param name="Provision">The provision waived, e.g. <c>II-030 4.2</c>.</param>
/// <param name="State">Where it stands (requested, granted, refused...).</param>
/// <param name="Decided">When it was decided.</param>
/// <param name="DisclosureDue">When its disclosure is due.</param>
/// <param name="Disclosed">When it was disclosed.</param>
/// <param name="Late">Disclosed after it was due, or not disclosed and past due.</param>
public sealed record WaiverRow(string Person, string Provision, string State, DateOnly? Decided, DateOnly? DisclosureDue, DateOnly? Disclosed, bool Late);
