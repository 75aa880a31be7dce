namespace EthicsCases.Domain.Sanctions;

/// <summary>
/// What SOP II-031 tells the Board to take into account when choosing an action: the nature and severity of the
/// violation, whether it was a single occurrence or repeated, whether it appears intentional or inadvertent, whether
/// the individual had been advised beforehand of the proper course, and other violations in the past; plus the
/// case's category, since fraud is graver by nature than a late disclosure.
/// </summary>
/// <param name="Severity">Nature and severity, 1 (least) to 5 (most).</param>
/// <param name="Occurrences">How many times it occurred; 1 is a single occurrence.</param>
/// <param name="Intent">Whether it appears intentional or inadvertent.</param>
/// <param name="Advised">Whether the individual had been advised prior to the violation as to the proper course of action.</param>
/// <param name="PriorViolations">How many other violations the individual committed in the past (0 or more).</param>
/// <param name="Category">The case's category; null when there is none (the command line's recommend), which adds no points.</param>
public sealed record SanctionFactors(
    int Severity,
    int Occurrences,
    Intent Intent,
    bool Advised,
    int PriorViolations,
    ConcernCategory? Category = null)
{
    /// <summary>Lowest severity.</summary>
    public const int MinSeverity = 1;

    /// <summary>Highest severity.</summary>
    public const int MaxSeverity = 5;

    /// <summary>Factor names, as in the JSON contract.</summary>
    public static class Names
    {
        /// <summary><c>severity</c></summary>
        public const string Severity = "severity";

        /// <summary><c>occurrences</c></summary>
        public const string Occurrences = "occurrences";

        /// <summary><c>intent</c></summary>
        public const string Intent = "intent";

        /// <summary><c>advised</c></summary>
        public const string Advised = "advised";

        /// <summary><c>priorViolations</c></summary>
        public const string PriorViolations = "priorViolations";

        /// <summary><c>category</c></summary>
        public const string Category = "category";
    }

    /// <summary>
    /// Builds factors from raw inputs (command line, form, API), rejecting every missing or out-of-range one in a
    /// single <see cref="ValidationFailedException"/> whose messages name the factor and its allowed values.
    /// </summary>
    public static SanctionFactors From(
        int? severity, int? occurrences, string? intent, string? advised, int? priorViolations,
        ConcernCategory? category = null)
    {
        var errors = new Dictionary<string, string[]>();
        var parsedIntent = IntentScale.TryParse(intent);
        var parsedAdvised = ParseYesNo(advised);

        if (severity is not (>= MinSeverity and <= MaxSeverity))
        {
            errors[Names.Severity] = [Describe(Names.Severity, severity?.ToString(System.Globalization.CultureInfo.InvariantCulture), SeverityAllowed)];
        }

        if (occurrences is not >= 1)
        {
            errors[Names.Occurrences] = [Describe(Names.Occurrences, occurrences?.ToString(System.Globalization.CultureInfo.InvariantCulture), OccurrencesAllowed)];
        }

        if (parsedIntent is null)
        {
            errors[Names.Intent] = [Describe(Names.Intent, intent, $"one of {IntentScale.AllowedValues}")];
        }

        if (parsedAdvised is null)
        {
            errors[Names.Advised] = [Describe(Names.Advised, advised, AdvisedAllowed)];
        }

        if (priorViolations is not >= 0)
        {
            errors[Names.PriorViolations] = [Describe(Names.PriorViolations, priorViolations?.ToString(System.Globalization.CultureInfo.InvariantCulture), PriorViolationsAllowed)];
        }

        if (category is { } c && !Enum.IsDefined(c))
        {
            errors[Names.Category] = [$"'{c}' is not a concern category; allowed: {string.Join(", ", Enum.GetNames<ConcernCategory>())}."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return new SanctionFactors(severity!.Value, occurrences!.Value, parsedIntent!.Value, parsedAdvised!.Value, priorViolations!.Value, category);
    }

    /// <summary>Rejects a value built in code that is out of range, naming the factor and its allowed values.</summary>
    /// <exception cref="ValidationFailedException">The first factor out of range.</exception>
    public SanctionFactors Validate()
    {
        // Route through From so code-built and typed-in factors meet the same rules and the same messages.
        _ = From(Severity, Occurrences, Enum.IsDefined(Intent) ? IntentScale.Name(Intent) : Intent.ToString(),
            Advised ? "yes" : "no", PriorViolations, Category);
        return this;
    }

    /// <summary>The advised answer as written in inputs: <c>yes</c> or <c>no</c>.</summary>
    public static string YesNo(bool value) => value ? "yes" : "no";

    private const string SeverityAllowed = "a whole number from 1 (least severe) to 5 (most severe)";
    private const string OccurrencesAllowed = "a whole number of 1 or more (1 = a single occurrence)";
    private const string AdvisedAllowed = "yes or no";
    private const string PriorViolationsAllowed = "a whole number of 0 or more";

    private static string Describe(string factor, string? given, string allowed) =>
        string.IsNullOrWhiteSpace(given)
            ? $"{factor} is required: {allowed}."
            : $"{factor} '{given}' is not allowed: {allowed}.";

    private static bool? ParseYesNo(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
