using System.Linq.Expressions;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>The deadline that falls due first among a case's unmet clocks: what a queue row shows.</summary>
public sealed record NextDeadline(DeadlineKind Kind, DateOnly Due, bool Overdue, bool DueSoon);

/// <summary>What a case's clocks are read from: the case's stored columns, never its events.</summary>
public sealed record CaseClockRow(Guid CaseId, DateTime FiledAt, ConcernCategory Category, CaseState State, DateTime? ClosedAt,
    DateTime? AcknowledgedAt, DateTime? FeedbackGivenAt, DateTime? AcceptedAt, DateTime? LeftIntakeAt,
    DateTime? DeterminationRequestedAt, DateTime? DeterminedAt, bool HasReporterToInform)
{
    /// <summary>The facts the calculator needs.</summary>
    public CaseClockFacts Facts() => new(FiledAt, Category, State, AcceptedAt, FirstSharedReviewerMessageAt: null, AcknowledgedAt,
        FeedbackGivenAt, LeftIntakeAt, DeterminationRequestedAt, DeterminedAt, ClosedAt)
    {
        HasReporterToInform = HasReporterToInform,
    };
}

/// <summary>
/// A case's deadlines from the clock columns the case keeps (<see cref="DeadlineMarks"/>), so that a page, a queue and
/// the deadline scan read one row per case and replay nothing. The reporter is reachable when they are a directory
/// person or hold an anonymous credential; a finding of the Form 4 monitor has nobody to acknowledge.
/// </summary>
public static class CaseDeadlines
{
    /// <summary>The clocks a reporter sees of their own report.</summary>
    public static IReadOnlySet<DeadlineKind> ReporterKinds { get; } = new HashSet<DeadlineKind> { DeadlineKind.Acknowledge, DeadlineKind.Feedback };

    /// <summary>The calculator for the configured triage service level (<c>Triage:OverdueAfterBusinessDays</c>).</summary>
    public static DeadlineCalculator Calculator(TriageOptions? triage) =>
        triage is null || triage.OverdueAfterBusinessDays == DeadlineCalculator.Default.TriageBusinessDays
            ? DeadlineCalculator.Default
            : new DeadlineCalculator(triageBusinessDays: triage.OverdueAfterBusinessDays);

    /// <summary>The clock columns of <paramref name="cases"/> as rows (a projection EF Core translates).</summary>
    public static IQueryable<CaseClockRow> Rows(EthicsDbContext db, IQueryable<EthicsCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Select(Row(db));
    }

    /// <summary>
    /// A case's clock columns as an expression, for a query that reads them beside other columns of the same rows
    /// (<c>ExpressionParts.Including</c>) instead of reading the rows again.
    /// </summary>
    public static Expression<Func<EthicsCase, CaseClockRow>> Row(EthicsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return c => new CaseClockRow(c.Id, c.FiledAt, c.Category, c.State, c.ClosedAt, c.AcknowledgedAt, c.FeedbackGivenAt,
            c.AcceptedAt, c.LeftIntakeAt, c.DeterminationRequestedAt, c.DeterminedAt,
            c.ReporterId != null || db.AnonymousCredentials.Any(a => a.CaseId == c.Id));
    }

    /// <summary>The deadlines of one case that is loaded (or of its row), as they stand at <paramref name="now"/>.</summary>
    public static async Task<IReadOnlyList<CaseDeadline>> ForCaseAsync(EthicsDbContext db, Guid caseId, DeadlineCalculator calculator,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var row = await Rows(db, db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == caseId)).SingleAsync(ct);
        return calculator.Calculate(row.Facts(), now);
    }

    /// <summary>The deadlines of each case among <paramref name="caseIds"/>, in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<CaseDeadline>>> ForCasesAsync(EthicsDbContext db,
        IReadOnlyCollection<Guid> caseIds, DeadlineCalculator calculator, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(caseIds);
        if (caseIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<CaseDeadline>>();
        }

        var ids = caseIds.Distinct().ToList();
        var rows = await Rows(db, db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id))).ToListAsync(ct);
        return rows.ToDictionary(r => r.CaseId, r => calculator.Calculate(r.Facts(), now));
    }

    /// <summary>The unmet deadline due first; null when every clock is met.</summary>
    public static NextDeadline? Next(IEnumerable<CaseDeadline> deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return deadlines.Where(d => d.MetAt is null).OrderBy(d => d.Due).ThenBy(d => d.Kind)
            .Select(d => new NextDeadline(d.Kind, d.Due, d.Overdue, d.DueSoon)).FirstOrDefault();
    }

    /// <summary>What the reporter sees: their Acknowledge and Feedback clocks.</summary>
    public static IReadOnlyList<CaseDeadline> ForReporter(IEnumerable<CaseDeadline> deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return deadlines.Where(d => ReporterKinds.Contains(d.Kind)).ToList();
    }
}
