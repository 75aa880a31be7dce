using System.Text.Json;
using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Oversight;

/// <summary>
/// NAVEX's published benchmark medians, shown beside the program's own figures and always labelled as NAVEX's.
/// Data, versioned: <c>Domain/Oversight/navex-benchmarks.*.json</c>, embedded and validated when loaded. Shares are
/// fractions (0.56 = 56%).
/// </summary>
/// <param name="Version">The data version.</param>
/// <param name="Label">How the figures are labelled wherever they are shown.</param>
/// <param name="Source">The publication.</param>
/// <param name="Year">The latest edition consulted.</param>
/// <param name="ReportsPer100Employees">Reports per 100 employees per year.</param>
/// <param name="AnonymousShare">Share of reports made anonymously.</param>
/// <param name="SubstantiationRate">Share of closed reports with a finding that were substantiated.</param>
/// <param name="MedianDaysToClose">Median calendar days from report to closing.</param>
/// <param name="BestPracticeDaysToClose">NAVEX's best practice for days to close.</param>
/// <param name="AnonymousFollowUpRate">Share of anonymous reporters who come back.</param>
/// <param name="Notes">Where each figure comes from, by field name.</param>
public sealed record NavexBenchmarks(
    string Version,
    string Label,
    string Source,
    int Year,
    double ReportsPer100Employees,
    double AnonymousShare,
    double SubstantiationRate,
    double MedianDaysToClose,
    double BestPracticeDaysToClose,
    double AnonymousFollowUpRate,
    IReadOnlyDictionary<string, string> Notes)
{
    private const string ResourcePrefix = "EthicsCases.Domain.Oversight.navex-benchmarks.";

    private static readonly Lazy<IReadOnlyList<NavexBenchmarks>> Embedded = new(LoadEmbedded);

    /// <summary>The embedded figures with the latest version.</summary>
    public static NavexBenchmarks Current => Embedded.Value[^1];

    /// <summary>Reads and validates a benchmarks file.</summary>
    /// <exception cref="InvalidDataException">Malformed, or a figure is missing or out of range.</exception>
    public static NavexBenchmarks Parse(string json, string source = "NAVEX benchmarks")
    {
        BenchmarksFile? f;
        try
        {
            f = JsonSerializer.Deserialize<BenchmarksFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid benchmarks JSON: {e.Message}", e);
        }

        var problems = new List<string>();
        if (f is null)
        {
            throw new InvalidDataException($"{source} is empty.");
        }

        Require(problems, "version", f.Version);
        Require(problems, "label", f.Label);
        Require(problems, "source", f.Source);
        if (f.Year is not (>= 2000 and <= 2100))
        {
            problems.Add("year must be the edition's year");
        }

        var share = new[] { ("anonymousShare", f.AnonymousShare), ("substantiationRate", f.SubstantiationRate), ("anonymousFollowUpRate", f.AnonymousFollowUpRate) };
        foreach (var (name, figure) in share)
        {
            if (figure?.Median is not (> 0 and < 1))
            {
                problems.Add($"{name}.median must be a fraction between 0 and 1 (0.56 for 56%)");
            }
        }

        var positive = new[] { ("reportsPer100Employees", f.ReportsPer100Employees), ("medianDaysToClose", f.MedianDaysToClose), ("bestPracticeDaysToClose", f.BestPracticeDaysToClose) };
        foreach (var (name, figure) in positive)
        {
            if (figure?.Median is not > 0)
            {
                problems.Add($"{name}.median must be positive");
            }
        }

        var all = share.Concat(positive).ToList();
        foreach (var (name, figure) in all.Where(x => x.Item2 is not null && string.IsNullOrWhiteSpace(x.Item2.Note)))
        {
            problems.Add($"{name}.note must say where the figure comes from");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{source} is invalid: {string.Join("; ", problems)}.");
        }

        return new NavexBenchmarks(f.Version!, f.Label!, f.Source!, f.Year!.Value,
            f.ReportsPer100Employees!.Median!.Value, f.AnonymousShare!.Median!.Value, f.SubstantiationRate!.Median!.Value,
            f.MedianDaysToClose!.Median!.Value, f.BestPracticeDaysToClose!.Median!.Value, f.AnonymousFollowUpRate!.Median!.Value,
            all.ToDictionary(x => x.Item1, x => x.Item2!.Note!));
    }

    private static void Require(List<string> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{field} is required");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static List<NavexBenchmarks> LoadEmbedded()
    {
        var assembly = typeof(NavexBenchmarks).Assembly;
        var list = new List<NavexBenchmarks>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(Parse(reader.ReadToEnd(), name));
        }

        return list.Count > 0
            ? [.. list.OrderBy(b => b.Version, StringComparer.Ordinal)]
            : throw new InvalidDataException($"No NAVEX benchmarks are embedded (expected resources named {ResourcePrefix}*.json).");
    }

    private sealed class BenchmarksFile
    {
        public string? Version { get; set; }
        public string? Label { get; set; }
        public string? Source { get; set; }
        public int? Year { get; set; }
        public string? Description { get; set; }
        public FigureFile? ReportsPer100Employees { get; set; }
        public FigureFile? AnonymousShare { get; set; }
        public FigureFile? SubstantiationRate { get; set; }
        public FigureFile? MedianDaysToClose { get; set; }
        public FigureFile? BestPracticeDaysToClose { get; set; }
        public FigureFile? AnonymousFollowUpRate { get; set; }
    }

    private sealed class FigureFile
    {
        public double? Median { get; set; }
        public string? Note { get; set; }
    }
}
