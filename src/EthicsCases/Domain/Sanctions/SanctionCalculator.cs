using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Sanctions;

/// <summary>
/// Turns the SOP's factors into a recommended sanction under a policy version. Pure: the same factors and policy
/// always give the same recommendation. The Board decides; the recommendation explains what the policy suggests.
/// </summary>
/// <param name="policy">The weights and thresholds to apply.</param>
public sealed class SanctionCalculator(SanctionPolicy policy)
{
    /// <summary>A calculator on the policy in force.</summary>
    public SanctionCalculator()
        : this(SanctionPolicy.Current)
    {
    }

    /// <summary>The policy this calculator applies.</summary>
    public SanctionPolicy Policy { get; } = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>Scores the factors and recommends a sanction, with each factor's points and a plain explanation.</summary>
    /// <exception cref="ValidationFailedException">A factor is out of range; the message names it and its allowed values.</exception>
    public SanctionRecommendation Recommend(SanctionFactors factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        factors.Validate();

        var points = new List<FactorPoints>
        {
            new(SanctionFactors.Names.Severity, factors.Severity, Policy.SeverityPoints(factors.Severity)),
            new(SanctionFactors.Names.Occurrences, factors.Occurrences, Policy.OccurrencePoints(factors.Occurrences)),
            new(SanctionFactors.Names.Intent, IntentScale.Name(factors.Intent), Policy.IntentPoints(factors.Intent)),
            new(SanctionFactors.Names.Advised, SanctionFactors.YesNo(factors.Advised), Policy.AdvisedPoints(factors.Advised)),
            new(SanctionFactors.Names.PriorViolations, factors.PriorViolations, Policy.PriorViolationPoints(factors.PriorViolations)),
        };
        if (factors.Category is { } category)
        {
            points.Add(new(SanctionFactors.Names.Category, category.ToString(), Policy.CategoryPoints(category)));
        }

        var score = points.Sum(p => p.Points);
        var sanction = Policy.SanctionFor(score);
        return new SanctionRecommendation(sanction, score, points, Explain(factors, points, score, sanction), Policy.Version);
    }

    private string Explain(SanctionFactors f, List<FactorPoints> points, decimal score, Sanction sanction)
    {
        string Pts(string factor) => PointsText(points.Single(p => p.Factor == factor).Points);
        string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        var clauses = new List<string>
        {
            Inv($"the nature and severity of the violation, rated {f.Severity} of {SanctionFactors.MaxSeverity} ({SeverityWord(f.Severity)}, {Pts(SanctionFactors.Names.Severity)})"),
            (f.Occurrences == 1
                ? "that the violation was a single occurrence"
                : Inv($"that the violation was repeated, {f.Occurrences} occurrences"))
                + $" ({Pts(SanctionFactors.Names.Occurrences)})",
            $"that the violation appears to have been {IntentScale.Name(f.Intent)} ({Pts(SanctionFactors.Names.Intent)})",
            (f.Advised
                ? "that the individual had been advised prior to the violation as to the proper course of action"
                : "that the individual had not been advised prior to the violation as to the proper course of action")
                + $" ({Pts(SanctionFactors.Names.Advised)})",
            f.PriorViolations switch
            {
                0 => "that the individual had committed no other violations in the past",
                1 => "that the individual had committed one other violation in the past",
                var n => Inv($"that the individual had committed {n} other violations in the past"),
            } + $" ({Pts(SanctionFactors.Names.PriorViolations)})",
        };
        if (f.Category is { } category)
        {
            clauses.Add($"that the case concerns {CategoryWords(category)} ({Pts(SanctionFactors.Names.Category)})");
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"The recommended action is {SanctionWording.Describe(sanction)}. ");
        text.Append("As SOP II-031 requires, the recommendation takes into account ");
        text.AppendJoin("; ", clauses.Take(clauses.Count - 1));
        text.Append("; and ").Append(clauses[^1]).Append(". ");
        text.Append(CultureInfo.InvariantCulture, $"The total is {PointsText(score)}; ");
        text.Append(CultureInfo.InvariantCulture,
            $"{SanctionWording.Title(sanction).ToLowerInvariant()} is recommended from {PointsText(Policy.MinimumScore(sanction))}");
        var next = Policy.Thresholds.FirstOrDefault(t => t.MinimumScore > score);
        text.Append(next is null
            ? " upward"
            : Inv($" and {SanctionWording.Title(next.Sanction).ToLowerInvariant()} from {PointsText(next.MinimumScore)}"));
        text.Append(CultureInfo.InvariantCulture,
            $" (sanction policy {Policy.Version}). The Board of Directors determines the appropriate action, taking into account all relevant information.");
        return text.ToString();
    }

    internal static string SeverityWord(int severity) => severity switch
    {
        1 => "minor",
        2 => "moderate",
        3 => "serious",
        4 => "very serious",
        _ => "most serious",
    };

    internal static string CategoryWords(ConcernCategory category) => category switch
    {
        ConcernCategory.DisclosureMatter => "a disclosure matter",
        ConcernCategory.BooksAndRecords => "books and records",
        ConcernCategory.InternalControlDeficiency => "a deficiency in internal controls",
        ConcernCategory.Fraud => "fraud",
        ConcernCategory.CodeOfEthicsViolation => "a violation of the Code of Ethics",
        ConcernCategory.SecuritiesLawViolation => "a violation of securities or other laws",
        _ => category.ToString(),
    };

    private static string PointsText(decimal points) =>
        points == 1 ? "1 point" : string.Create(CultureInfo.InvariantCulture, $"{points:0.##} points");
}

/// <summary>
/// A recommended sanction. Serialises (System.Text.Json, any options) to the contract's
/// <c>{"recommendation","score","factors":[{"factor","input","points"}],"explanation","policyVersion"}</c>.
/// </summary>
/// <param name="Recommendation">The sanction the policy suggests.</param>
/// <param name="Score">The sum of the factors' points.</param>
/// <param name="Factors">Each factor as given and the points it added, in the contract's order.</param>
/// <param name="Explanation">Plain language, in the SOP's words, naming every factor; fit to be read aloud to the Board.</param>
/// <param name="PolicyVersion">The policy version applied; store it with the decision.</param>
public sealed record SanctionRecommendation(
    [property: JsonPropertyName("recommendation")] Sanction Recommendation,
    [property: JsonPropertyName("score")] decimal Score,
    [property: JsonPropertyName("factors")] IReadOnlyList<FactorPoints> Factors,
    [property: JsonPropertyName("explanation")] string Explanation,
    [property: JsonPropertyName("policyVersion")] string PolicyVersion);

/// <summary>One factor's contribution to a recommendation.</summary>
/// <param name="Factor">The factor's contract name: severity, occurrences, intent, advised, priorViolations, category.</param>
/// <param name="Input">The value as given: a number (severity, occurrences, priorViolations) or a string (intent, advised, category).</param>
/// <param name="Points">The points it added under the policy.</param>
public sealed record FactorPoints(
    [property: JsonPropertyName("factor")] string Factor,
    [property: JsonPropertyName("input")] object Input,
    [property: JsonPropertyName("points")] decimal Points);
