using System.Text.Json;
using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Retention;

/// <summary>
/// How long a closed case's content is kept, by outcome. Policy is data: each version is a JSON file
/// (<c>Domain/Retention/retention-policy.*.json</c>) embedded in the assembly and validated when loaded, like
/// <see cref="Sanctions.SanctionPolicy"/>; every purge records the version it applied.
/// </summary>
public sealed class RetentionPolicy
{
    private const string ResourcePrefix = "EthicsCases.Domain.Retention.retention-policy.";

    private static readonly Lazy<IReadOnlyList<RetentionPolicy>> Embedded = new(LoadEmbedded);

    private readonly Dictionary<CaseOutcome, int> _years;

    private RetentionPolicy(PolicyFile file)
    {
        Version = file.Version!;
        EffectiveFrom = file.EffectiveFrom!.Value;
        Description = file.Description ?? string.Empty;
        _years = file.Outcomes!.ToDictionary(kv => Enum.Parse<CaseOutcome>(kv.Key), kv => kv.Value.Years!.Value);
        Reasons = file.Outcomes!.ToDictionary(kv => Enum.Parse<CaseOutcome>(kv.Key), kv => kv.Value.Why!);
    }

    /// <summary>The version recorded with every purge, e.g. <c>2026-11-v1</c>.</summary>
    public string Version { get; }

    /// <summary>The date from which this version applies.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>Why this version exists.</summary>
    public string Description { get; }

    /// <summary>Why each outcome is kept as long as it is.</summary>
    public IReadOnlyDictionary<CaseOutcome, string> Reasons { get; }

    /// <summary>The policy in force: the embedded version with the latest effective date.</summary>
    public static RetentionPolicy Current => Embedded.Value[^1];

    /// <summary>Every embedded version, oldest first.</summary>
    public static IReadOnlyList<RetentionPolicy> All => Embedded.Value;

    /// <summary>Whole years a case with this outcome is kept after it was closed.</summary>
    public int YearsAfterClosure(CaseOutcome outcome) => _years[outcome];

    /// <summary>
    /// The date until which a case closed on <paramref name="closedOn"/> is kept: the anniversary after the policy's
    /// years. It is purged on that date or later (29 February falls back to 28 February).
    /// </summary>
    public DateOnly RetainedUntil(CaseOutcome outcome, DateOnly closedOn) => closedOn.AddYears(_years[outcome]);

    /// <summary>Whether the content of a case closed on <paramref name="closedOn"/> is due for purging on <paramref name="asOf"/>.</summary>
    public bool IsDue(CaseOutcome outcome, DateOnly closedOn, DateOnly asOf) => asOf >= RetainedUntil(outcome, closedOn);

    /// <summary>The embedded policy with this version (as recorded with a past purge).</summary>
    /// <exception cref="ValidationFailedException">No embedded policy has that version.</exception>
    public static RetentionPolicy ByVersion(string version) =>
        Embedded.Value.FirstOrDefault(p => p.Version == version)
        ?? throw ValidationFailedException.For("policyVersion",
            $"'{version}' is not a known retention policy version; known: {string.Join(", ", Embedded.Value.Select(p => p.Version))}.");

    /// <summary>Reads and validates a policy file's JSON.</summary>
    /// <exception cref="InvalidDataException">The policy is malformed or breaks a rule (the message says which).</exception>
    public static RetentionPolicy Parse(string json, string source = "retention policy")
    {
        PolicyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PolicyFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid retention policy JSON: {e.Message}", e);
        }

        var problems = file is null ? ["the file is empty"] : Check(file);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source} is invalid: {string.Join("; ", problems)}.");
        }

        return new RetentionPolicy(file!);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static List<RetentionPolicy> LoadEmbedded() =>
        EmbeddedPolicies.Load(ResourcePrefix, "retention policy", (json, name) => Parse(json, name), p => p.Version, p => p.EffectiveFrom);

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

        if (string.IsNullOrWhiteSpace(f.Description))
        {
            problems.Add("description is required");
        }

        var outcomes = f.Outcomes;
        var names = Enum.GetNames<CaseOutcome>();
        if (outcomes is null || outcomes.Count != names.Length || names.Any(n => !outcomes.ContainsKey(n)))
        {
            problems.Add($"outcomes must give a period for exactly {string.Join(", ", names)}");
            return problems;
        }

        foreach (var (outcome, period) in outcomes)
        {
            // Less than a year would purge before the Audit Committee's annual review; more than 50 is keeping for good.
            if (period.Years is not (>= 1 and <= 50))
            {
                problems.Add($"outcomes.{outcome}.years must be a whole number from 1 to 50");
            }

            if (string.IsNullOrWhiteSpace(period.Why))
            {
                problems.Add($"outcomes.{outcome}.why must say why the period is what it is");
            }
        }

        return problems;
    }

    private sealed class PolicyFile
    {
        public string? Version { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public string? Description { get; set; }
        public Dictionary<string, PeriodFile>? Outcomes { get; set; }
    }

    private sealed class PeriodFile
    {
        public int? Years { get; set; }
        public string? Why { get; set; }
    }
}
