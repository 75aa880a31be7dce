namespace EthicsCases.Domain.Sanctions;

/// <summary>A past Board determination of a violation, as precedent for a case now before the Board.</summary>
/// <param name="Reference">The past case's reference.</param>
/// <param name="DeterminedOn">When the Board made the determination.</param>
/// <param name="Category">The past case's category.</param>
/// <param name="Factors">The factors recorded with the determination.</param>
/// <param name="Sanctions">The sanctions the Board chose.</param>
public sealed record PastDetermination(
    string Reference,
    DateOnly DeterminedOn,
    ConcernCategory Category,
    SanctionFactors Factors,
    IReadOnlyList<Sanction> Sanctions);

/// <summary>A past determination ranked against the current case.</summary>
/// <param name="Determination">The past determination, with its sanctions.</param>
/// <param name="SameCategory">Whether it is of the current case's category.</param>
/// <param name="Distance">How far its factors are from the current case's (0 = identical; see <see cref="Precedents.Distance"/>).</param>
public sealed record Precedent(PastDetermination Determination, bool SameCategory, decimal Distance);

/// <summary>
/// Finds the past determinations most comparable to a case, so the Board can treat like cases alike.
/// Pure: the caller loads the past determinations.
/// </summary>
public static class Precedents
{
    /// <summary>Occurrence counts above this are all "many" for comparison.</summary>
    public const int OccurrencesCap = 5;

    /// <summary>Prior-violation counts above this are all "many" for comparison.</summary>
    public const int PriorViolationsCap = 3;

    /// <summary>Distance added per step on the intent scale (inadvertent to intentional is one step).</summary>
    public const decimal IntentStepWeight = 2m;

    /// <summary>
    /// The <paramref name="count"/> most comparable past determinations: those of the same category first, then by
    /// ascending <see cref="Distance"/>, then the more recent, then by reference so the order is stable.
    /// </summary>
    /// <param name="past">Past determinations of a violation.</param>
    /// <param name="category">The current case's category; null ranks by distance alone.</param>
    /// <param name="factors">The current case's factors.</param>
    /// <param name="count">How many to return (1 or more).</param>
    /// <exception cref="ValidationFailedException">The current factors are out of range.</exception>
    public static IReadOnlyList<Precedent> MostComparable(
        IEnumerable<PastDetermination> past, ConcernCategory? category, SanctionFactors factors, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(past);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        factors.Validate();

        return
        [
            .. past
                .Select(p => new Precedent(p, category is { } c && p.Category == c, Distance(factors, p.Factors)))
                .OrderByDescending(p => p.SameCategory)
                .ThenBy(p => p.Distance)
                .ThenByDescending(p => p.Determination.DeterminedOn)
                .ThenBy(p => p.Determination.Reference, StringComparer.Ordinal)
                .Take(count),
        ];
    }

    /// <summary>
    /// A weighted city-block distance between two sets of factors, on the factors' own scales rather than a
    /// policy's points, so precedents stay comparable across policy versions:
    /// |severity difference| + |occurrences difference| (counts capped at <see cref="OccurrencesCap"/>)
    /// + <see cref="IntentStepWeight"/> per intent step + 1 when advised differs
    /// + |prior violations difference| (counts capped at <see cref="PriorViolationsCap"/>).
    /// The category is not part of the distance; it ranks first.
    /// </summary>
    public static decimal Distance(SanctionFactors a, SanctionFactors b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Math.Abs(a.Severity - b.Severity)
            + Math.Abs(Math.Min(a.Occurrences, OccurrencesCap) - Math.Min(b.Occurrences, OccurrencesCap))
            + (IntentStepWeight * IntentScale.Steps(a.Intent, b.Intent))
            + (a.Advised == b.Advised ? 0 : 1)
            + Math.Abs(Math.Min(a.PriorViolations, PriorViolationsCap) - Math.Min(b.PriorViolations, PriorViolationsCap));
    }
}
