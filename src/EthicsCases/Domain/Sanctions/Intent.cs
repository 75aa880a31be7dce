namespace EthicsCases.Domain.Sanctions;

/// <summary>
/// Whether the violation appears to have been intentional or inadvertent (SOP II-031, final paragraph).
/// An ordered scale: the numeric value is the grade's position, spaced by 100 so that a grade can be added
/// between two existing ones (e.g. <c>Reckless = 50</c>) without renumbering what has been stored.
/// Every policy file must then give the new grade its points.
/// </summary>
public enum Intent
{
    /// <summary>The violation appears to have been inadvertent.</summary>
    Inadvertent = 0,

    /// <summary>The violation appears to have been intentional.</summary>
    Intentional = 100,
}

/// <summary>The intent scale in order, with the names used on the command line, in JSON and in policy files.</summary>
public static class IntentScale
{
    /// <summary>The grades, least to most culpable.</summary>
    public static IReadOnlyList<Intent> Grades { get; } = [.. Enum.GetValues<Intent>().OrderBy(i => (int)i)];

    /// <summary>The grade's name as written in inputs and policy files: <c>inadvertent</c>, <c>intentional</c>.</summary>
    public static string Name(Intent intent) =>
        Enum.IsDefined(intent)
            ? intent.ToString().ToLowerInvariant()
            : throw new ArgumentOutOfRangeException(nameof(intent), intent, "Unknown intent grade.");

    /// <summary>All grade names, least to most culpable, for messages ("inadvertent, intentional").</summary>
    public static string AllowedValues => string.Join(", ", Grades.Select(Name));

    /// <summary>Reads a grade name (case-insensitive); null when it is not one.</summary>
    public static Intent? TryParse(string? value)
    {
        foreach (var grade in Grades)
        {
            if (string.Equals(Name(grade), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return grade;
            }
        }

        return null;
    }

    /// <summary>Distance between two grades in steps of the original scale (inadvertent to intentional = 1).</summary>
    public static decimal Steps(Intent a, Intent b) =>
        Math.Abs((int)a - (int)b) / 100m;
}
