namespace EthicsCases.Domain;

/// <summary>
/// Loads every version of a policy embedded as <c>PREFIX*.json</c> (sanctions, deadlines, retention), each parsed and
/// checked by the policy itself, and refuses a set in which the one in force on a day would be ambiguous.
/// </summary>
internal static class EmbeddedPolicies
{
    /// <summary>The policies, oldest first by the day they take effect.</summary>
    /// <param name="resourcePrefix">Manifest resource names start with this.</param>
    /// <param name="kind">What the policy is called in messages ("sanction policy").</param>
    /// <param name="parse">Parses and validates one file's JSON, named by its resource.</param>
    /// <param name="version">A policy's version.</param>
    /// <param name="effectiveFrom">The day a policy takes effect.</param>
    public static List<T> Load<T>(string resourcePrefix, string kind, Func<string, string, T> parse, Func<T, string> version, Func<T, DateOnly> effectiveFrom)
    {
        var assembly = typeof(EmbeddedPolicies).Assembly;
        var policies = new List<T>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            policies.Add(parse(reader.ReadToEnd(), name));
        }

        if (policies.Count == 0)
        {
            throw new InvalidDataException($"No {kind} is embedded in {assembly.GetName().Name} (expected resources named {resourcePrefix}*.json).");
        }

        if (policies.GroupBy(version).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidDataException($"Two embedded {kind} files share version '{duplicate.Key}'.");
        }

        if (policies.GroupBy(effectiveFrom).FirstOrDefault(g => g.Count() > 1) is { } sameDay)
        {
            throw new InvalidDataException($"Two embedded {kind} files take effect on {sameDay.Key:yyyy-MM-dd}; the one in force would be ambiguous.");
        }

        return [.. policies.OrderBy(effectiveFrom)];
    }
}
