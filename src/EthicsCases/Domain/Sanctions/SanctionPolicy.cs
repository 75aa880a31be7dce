using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Sanctions;

/// <summary>
/// The weights and thresholds behind a sanction recommendation. Policy is data: each version is a JSON file
/// (<c>Domain/Sanctions/sanction-policy.*.json</c>) embedded in the assembly, validated when loaded, and named in
/// every recommendation so a past decision can always be traced to the rules it was made under.
/// Every table must be non-decreasing toward the more culpable answer, which is what makes the calculator monotone.
/// </summary>
public sealed class SanctionPolicy
{
    private const string ResourcePrefix = "EthicsCases.Domain.Sanctions.sanction-policy.";

    private static readonly Lazy<IReadOnlyList<SanctionPolicy>> Embedded = new(LoadEmbedded);

    private readonly Dictionary<int, decimal> _severity;
    private readonly IReadOnlyList<Band> _occurrences;
    private readonly Dictionary<Intent, decimal> _intent;
    private readonly decimal _advisedYes;
    private readonly decimal _advisedNo;
    private readonly IReadOnlyList<Band> _priorViolations;
    private readonly Dictionary<ConcernCategory, decimal> _category;

    private SanctionPolicy(PolicyFile file)
    {
        Version = file.Version!;
        EffectiveFrom = file.EffectiveFrom!.Value;
        Description = file.Description ?? string.Empty;
        _severity = file.Severity!.ToDictionary(kv => int.Parse(kv.Key, CultureInfo.InvariantCulture), kv => kv.Value);
        _occurrences = [.. file.Occurrences!.Select(b => new Band(b.AtLeast!.Value, b.Points!.Value))];
        _intent = file.Intent!.ToDictionary(kv => IntentScale.TryParse(kv.Key)!.Value, kv => kv.Value);
        _advisedYes = file.Advised!["yes"];
        _advisedNo = file.Advised!["no"];
        _priorViolations = [.. file.PriorViolations!.Select(b => new Band(b.AtLeast!.Value, b.Points!.Value))];
        _category = file.Category!.ToDictionary(kv => Enum.Parse<ConcernCategory>(kv.Key), kv => kv.Value);
        Thresholds = [.. file.Thresholds!.Select(t => new SanctionThreshold(t.Sanction!.Value, t.MinimumScore!.Value))];
    }

    /// <summary>The version recorded with every recommendation, e.g. <c>2026-11-v1</c>.</summary>
    public string Version { get; }

    /// <summary>The date from which this version applies.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>Why this version exists, in a sentence or two.</summary>
    public string Description { get; }

    /// <summary>The lowest score for each sanction, least to most severe.</summary>
    public IReadOnlyList<SanctionThreshold> Thresholds { get; }

    /// <summary>The policy in force: the embedded version with the latest effective date.</summary>
    public static SanctionPolicy Current => Embedded.Value[^1];

    /// <summary>The embedded policy with this version (as recorded with a past recommendation).</summary>
    /// <exception cref="ValidationFailedException">No embedded policy has that version.</exception>
    public static SanctionPolicy ForVersion(string version) =>
        Embedded.Value.FirstOrDefault(p => p.Version == version)
        ?? throw ValidationFailedException.For("policyVersion",
            $"'{version}' is not a known sanction policy version; known: {string.Join(", ", Embedded.Value.Select(p => p.Version))}.");

    /// <summary>Reads and validates a policy file's JSON.</summary>
    /// <exception cref="InvalidDataException">The policy is malformed or breaks a rule (the message says which).</exception>
    public static SanctionPolicy Parse(string json, string source = "sanction policy")
    {
        PolicyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PolicyFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid policy JSON: {e.Message}", e);
        }

        var problems = file is null ? ["the file is empty"] : Check(file);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source} is invalid: {string.Join("; ", problems)}.");
        }

        return new SanctionPolicy(file!);
    }

    /// <summary>Points for the nature and severity (1 to 5).</summary>
    public decimal SeverityPoints(int severity) => _severity[severity];

    /// <summary>Points for the number of occurrences (1 or more).</summary>
    public decimal OccurrencePoints(int occurrences) => BandPoints(_occurrences, occurrences);

    /// <summary>Points for the intent grade.</summary>
    public decimal IntentPoints(Intent intent) => _intent[intent];

    /// <summary>Points for having (or not having) been advised beforehand of the proper course.</summary>
    public decimal AdvisedPoints(bool advised) => advised ? _advisedYes : _advisedNo;

    /// <summary>Points for the number of earlier violations (0 or more).</summary>
    public decimal PriorViolationPoints(int priorViolations) => BandPoints(_priorViolations, priorViolations);

    /// <summary>Points for the case's category; none when there is no category.</summary>
    public decimal CategoryPoints(ConcernCategory? category) => category is { } c ? _category[c] : 0m;

    /// <summary>The most severe sanction whose minimum score the score reaches.</summary>
    public Sanction SanctionFor(decimal score) =>
        Thresholds.Last(t => score >= t.MinimumScore).Sanction;

    /// <summary>The lowest score that recommends the sanction.</summary>
    public decimal MinimumScore(Sanction sanction) => Thresholds.Single(t => t.Sanction == sanction).MinimumScore;

    private static decimal BandPoints(IReadOnlyList<Band> bands, int value) => bands.Last(b => value >= b.AtLeast).Points;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter<Sanction>(allowIntegerValues: false) },
    };

    private static List<SanctionPolicy> LoadEmbedded() =>
        EmbeddedPolicies.Load(ResourcePrefix, "sanction policy", (json, name) => Parse(json, name), p => p.Version, p => p.EffectiveFrom);

    private static List<string> Check(PolicyFile f)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(f.Version))
        {
            problems.Add("version is required");
        }

        if (f.EffectiveFrom is null)
        {
            problems.Add("effectiveFrom is required");
        }

        if (f.Severity is null)
        {
            problems.Add("severity is required");
        }
        else
        {
            var expected = Enumerable.Range(SanctionFactors.MinSeverity, SanctionFactors.MaxSeverity - SanctionFactors.MinSeverity + 1)
                .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
            if (!f.Severity.Keys.Order(StringComparer.Ordinal).SequenceEqual(expected))
            {
                problems.Add($"severity must give points for exactly {string.Join(", ", expected)}");
            }
            else
            {
                CheckOrdered(problems, "severity", expected.Select(k => (k, f.Severity[k])));
            }
        }

        CheckBands(problems, "occurrences", f.Occurrences, firstAtLeast: 1);
        CheckBands(problems, "priorViolations", f.PriorViolations, firstAtLeast: 0);

        if (f.Intent is null)
        {
            problems.Add("intent is required");
        }
        else
        {
            var unknown = f.Intent.Keys.Where(k => IntentScale.TryParse(k) is null || k.Any(char.IsUpper)).ToList();
            var missing = IntentScale.Grades.Select(IntentScale.Name).Where(n => !f.Intent.ContainsKey(n)).ToList();
            if (unknown.Count > 0 || missing.Count > 0)
            {
                problems.Add($"intent must give points for exactly {IntentScale.AllowedValues}");
            }
            else
            {
                CheckOrdered(problems, "intent", IntentScale.Grades.Select(g => (IntentScale.Name(g), f.Intent[IntentScale.Name(g)])));
            }
        }

        if (f.Advised is { Count: 2 } advised && advised.TryGetValue("no", out var no) && advised.TryGetValue("yes", out var yes))
        {
            CheckOrdered(problems, "advised", [("no", no), ("yes", yes)]);
        }
        else
        {
            problems.Add("advised must give points for exactly no, yes");
        }

        if (f.Category is null)
        {
            problems.Add("category is required");
        }
        else
        {
            var names = Enum.GetNames<ConcernCategory>();
            if (f.Category.Count != names.Length || names.Any(n => !f.Category.ContainsKey(n)))
            {
                problems.Add($"category must give points for exactly {string.Join(", ", names)}");
            }
            else if (f.Category.Values.Any(v => v < 0))
            {
                // No category adds nothing, so a category must never subtract.
                problems.Add("category points must not be negative");
            }
        }

        CheckThresholds(problems, f.Thresholds);
        return problems;
    }

    private static void CheckOrdered(List<string> problems, string table, IEnumerable<(string Key, decimal Points)> inCulpabilityOrder)
    {
        (string Key, decimal Points)? previous = null;
        foreach (var entry in inCulpabilityOrder)
        {
            if (entry.Points < 0)
            {
                problems.Add($"{table} '{entry.Key}' has negative points");
            }

            if (previous is { } p && entry.Points < p.Points)
            {
                problems.Add($"{table} '{entry.Key}' gives fewer points than the less culpable '{p.Key}' (the recommendation must never lighten as culpability grows)");
            }

            previous = entry;
        }
    }

    private static void CheckBands(List<string> problems, string table, List<BandFile>? bands, int firstAtLeast)
    {
        if (bands is null || bands.Count == 0)
        {
            problems.Add($"{table} needs at least one band");
            return;
        }

        if (bands.Any(b => b.AtLeast is null || b.Points is null))
        {
            problems.Add($"every {table} band needs atLeast and points");
            return;
        }

        if (bands[0].AtLeast != firstAtLeast)
        {
            problems.Add($"the first {table} band must start at {firstAtLeast}");
        }

        for (var i = 1; i < bands.Count; i++)
        {
            if (bands[i].AtLeast <= bands[i - 1].AtLeast)
            {
                problems.Add($"{table} bands must be in strictly ascending atLeast order");
            }
        }

        CheckOrdered(problems, table, bands.Select(b => (b.AtLeast!.Value.ToString(CultureInfo.InvariantCulture), b.Points!.Value)));
    }

    private static void CheckThresholds(List<string> problems, List<ThresholdFile>? thresholds)
    {
        var all = Enum.GetValues<Sanction>();
        if (thresholds is null || thresholds.Any(t => t.Sanction is null || t.MinimumScore is null))
        {
            problems.Add("thresholds must give a sanction and a minimumScore for every sanction");
            return;
        }

        if (!thresholds.Select(t => t.Sanction!.Value).SequenceEqual(all))
        {
            problems.Add($"thresholds must cover every sanction exactly once, least to most severe: {string.Join(", ", all)}");
            return;
        }

        if (thresholds[0].MinimumScore != 0)
        {
            problems.Add($"the {all[0]} threshold must be 0 so that every violation gets a recommendation");
        }

        for (var i = 1; i < thresholds.Count; i++)
        {
            if (thresholds[i].MinimumScore <= thresholds[i - 1].MinimumScore)
            {
                problems.Add($"thresholds must ascend strictly: {thresholds[i].Sanction} ({thresholds[i].MinimumScore}) is not above {thresholds[i - 1].Sanction} ({thresholds[i - 1].MinimumScore})");
            }
        }
    }

    private sealed record Band(int AtLeast, decimal Points);

    private sealed class PolicyFile
    {
        public string? Version { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public string? Description { get; set; }
        public Dictionary<string, decimal>? Severity { get; set; }
        public List<BandFile>? Occurrences { get; set; }
        public Dictionary<string, decimal>? Intent { get; set; }
        public Dictionary<string, decimal>? Advised { get; set; }
        public List<BandFile>? PriorViolations { get; set; }
        public Dictionary<string, decimal>? Category { get; set; }
        public List<ThresholdFile>? Thresholds { get; set; }
    }

    private sealed class BandFile
    {
        public int? AtLeast { get; set; }
        public decimal? Points { get; set; }
    }

    private sealed class ThresholdFile
    {
        public Sanction? Sanction { get; set; }
        public decimal? MinimumScore { get; set; }
    }
}

/// <summary>The lowest score at which a sanction is recommended.</summary>
/// <param name="Sanction">The sanction.</param>
/// <param name="MinimumScore">The score from which it applies (up to the next threshold).</param>
public sealed record SanctionThreshold(Sanction Sanction, decimal MinimumScore);
