using System.Text.Json;
using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Oversight;

/// <summary>The clocks every case runs (issue 11), in the order they are shown. Public names in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    /// <summary>Acknowledge receipt to the reporter (EU Directive 2019/1937 art. 9(1)(b)).</summary>
    Acknowledge,

    /// <summary>Give the reporter feedback (art. 9(1)(f)).</summary>
    Feedback,

    /// <summary>Accept or dismiss: leave Intake (business days).</summary>
    Triage,

    /// <summary>Close an accepted case (per-category target).</summary>
    Investigation,

    /// <summary>Record the Board's determination once requested.</summary>
    BoardDetermination,
}

/// <summary>
/// How long each clock runs. Policy is data: each version is a JSON file (<c>Domain/Oversight/deadline-policy.*.json</c>)
/// embedded in the assembly and validated when loaded, like <see cref="Sanctions.SanctionPolicy"/>.
/// </summary>
public sealed class DeadlinePolicy
{
    private const string ResourcePrefix = "EthicsCases.Domain.Oversight.deadline-policy.";

    private static readonly Lazy<IReadOnlyList<DeadlinePolicy>> Embedded = new(LoadEmbedded);

    private readonly Dictionary<ConcernCategory, int> _investigationDays;

    private DeadlinePolicy(PolicyFile file)
    {
        Version = file.Version!;
        EffectiveFrom = file.EffectiveFrom!.Value;
        Description = file.Description ?? string.Empty;
        DueSoonDays = file.DueSoonDays!.Value;
        AcknowledgeCalendarDays = file.Acknowledge!.CalendarDays!.Value;
        FeedbackMonths = file.Feedback!.Months!.Value;
        TriageBusinessDays = file.Triage!.BusinessDays!.Value;
        BoardDeterminationCalendarDays = file.BoardDetermination!.CalendarDays!.Value;
        _investigationDays = file.Investigation!.Targets!.ToDictionary(kv => Enum.Parse<ConcernCategory>(kv.Key), kv => kv.Value.CalendarDays!.Value);
        InvestigationReasons = file.Investigation.Targets!.ToDictionary(kv => Enum.Parse<ConcernCategory>(kv.Key), kv => kv.Value.Why ?? string.Empty);
    }

    /// <summary>The version, e.g. <c>2026-12-v1</c>.</summary>
    public string Version { get; }

    /// <summary>The date from which this version applies.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>Why this version exists.</summary>
    public string Description { get; }

    /// <summary>An open deadline is "due soon" when its due date is at most this many days away (0 = due today).</summary>
    public int DueSoonDays { get; }

    /// <summary>Calendar days from filing to acknowledge.</summary>
    public int AcknowledgeCalendarDays { get; }

    /// <summary>Calendar months from filing to feedback.</summary>
    public int FeedbackMonths { get; }

    /// <summary>SEC business days from filing to leave Intake; a host may override it (<see cref="DeadlineCalculator"/>).</summary>
    public int TriageBusinessDays { get; }

    /// <summary>Calendar days from the request for a Board determination to its recording.</summary>
    public int BoardDeterminationCalendarDays { get; }

    /// <summary>Why each category's investigation target is what it is.</summary>
    public IReadOnlyDictionary<ConcernCategory, string> InvestigationReasons { get; }

    /// <summary>The policy in force: the embedded version with the latest effective date.</summary>
    public static DeadlinePolicy Current => Embedded.Value[^1];

    /// <summary>Every embedded version, oldest first.</summary>
    public static IReadOnlyList<DeadlinePolicy> All => Embedded.Value;

    /// <summary>Calendar days from acceptance to closing for a category.</summary>
    public int InvestigationCalendarDays(ConcernCategory category) => _investigationDays[category];

    /// <summary>The embedded policy with this version.</summary>
    /// <exception cref="ValidationFailedException">No embedded policy has that version.</exception>
    public static DeadlinePolicy ByVersion(string version) =>
        Embedded.Value.FirstOrDefault(p => p.Version == version)
        ?? throw ValidationFailedException.For("deadlinePolicyVersion",
            $"'{version}' is not a known deadline policy version; known: {string.Join(", ", Embedded.Value.Select(p => p.Version))}.");

    /// <summary>Reads and validates a policy file's JSON.</summary>
    /// <exception cref="InvalidDataException">The policy is malformed or breaks a rule (the message says which).</exception>
    public static DeadlinePolicy Parse(string json, string source = "deadline policy")
    {
        PolicyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PolicyFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid deadline policy JSON: {e.Message}", e);
        }

        var problems = file is null ? ["the file is empty"] : Check(file);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source} is invalid: {string.Join("; ", problems)}.");
        }

        return new DeadlinePolicy(file!);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static List<DeadlinePolicy> LoadEmbedded() =>
        EmbeddedPolicies.Load(ResourcePrefix, "deadline policy", (json, name) => Parse(json, name), p => p.Version, p => p.EffectiveFrom);

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

        if (f.DueSoonDays is not (>= 0 and <= 30))
        {
            problems.Add("dueSoonDays must be 0 to 30");
        }

        Positive(problems, "acknowledge.calendarDays", f.Acknowledge?.CalendarDays);
        Positive(problems, "feedback.months", f.Feedback?.Months);
        Positive(problems, "triage.businessDays", f.Triage?.BusinessDays);
        Positive(problems, "boardDetermination.calendarDays", f.BoardDetermination?.CalendarDays);

        var targets = f.Investigation?.Targets;
        var names = Enum.GetNames<ConcernCategory>();
        if (targets is null || targets.Count != names.Length || names.Any(n => !targets.ContainsKey(n)))
        {
            problems.Add($"investigation.targets must give a target for exactly {string.Join(", ", names)}");
        }
        else
        {
            foreach (var (category, target) in targets)
            {
                Positive(problems, $"investigation.targets.{category}.calendarDays", target.CalendarDays);
                if (string.IsNullOrWhiteSpace(target.Why))
                {
                    problems.Add($"investigation.targets.{category}.why must say why the target is what it is");
                }
            }
        }

        return problems;
    }

    private static void Positive(List<string> problems, string field, int? value)
    {
        if (value is not > 0)
        {
            problems.Add($"{field} must be a positive whole number");
        }
    }

    private sealed class PolicyFile
    {
        public string? Version { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public string? Description { get; set; }
        public int? DueSoonDays { get; set; }
        public ClockFile? Acknowledge { get; set; }
        public ClockFile? Feedback { get; set; }
        public ClockFile? Triage { get; set; }
        public InvestigationFile? Investigation { get; set; }
        public ClockFile? BoardDetermination { get; set; }
    }

    private sealed class ClockFile
    {
        public int? CalendarDays { get; set; }
        public int? Months { get; set; }
        public int? BusinessDays { get; set; }
        public string? Basis { get; set; }
    }

    private sealed class InvestigationFile
    {
        public string? Basis { get; set; }
        public Dictionary<string, TargetFile>? Targets { get; set; }
    }

    private sealed class TargetFile
    {
        public int? CalendarDays { get; set; }
        public string? Why { get; set; }
    }
}
