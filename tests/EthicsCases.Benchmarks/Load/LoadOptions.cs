using System.Globalization;

namespace EthicsCases.Benchmarks.Load;

/// <summary>The <c>load</c> verb's options.</summary>
public sealed record LoadOptions
{
    public int Cases { get; init; } = 100_000;

    public int Connections { get; init; } = 32;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Cold starts of each app; the median is reported.</summary>
    public int Starts { get; init; } = 5;

    /// <summary>Sequential queue requests per person, measured twice: right after intake (after 20 warm-up requests) and
    /// again after <see cref="QueueWarmUp"/>.</summary>
    public int QueueRequests { get; init; } = 200;

    /// <summary>
    /// Queue requests per person, alternating, between the two measurements: enough for tiered compilation to finish
    /// with the queue's code (about 600 requests with the runtime's defaults, docs/performance.md), so that the second
    /// measures the page as a server that has been up for a while serves it.
    /// </summary>
    public int QueueWarmUp { get; init; } = 800;

    /// <summary>
    /// Filings per second offered in the open-loop intake run (app and raw alike); 0: half the app's closed-loop
    /// throughput in the same run, a server at half its capacity.
    /// </summary>
    public double Rate { get; init; }

    public bool Json { get; init; }

    /// <summary>Seed again even if a seeded folder for this size is kept from an earlier run.</summary>
    public bool Reseed { get; init; }

    /// <summary>Skip <c>dotnet publish</c> when the published apps are there already.</summary>
    public bool NoPublish { get; init; }

    /// <summary>Print the statements one filing makes (captured from EF) and stop.</summary>
    public bool ShowStatements { get; init; }

    /// <summary>Extra environment for the web app (<c>--env NAME=VALUE</c>, repeatable), e.g. GC settings.</summary>
    public IReadOnlyDictionary<string, string> WebEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the results go; default <c>tests/EthicsCases.Benchmarks/results/load-DATE.json</c>.</summary>
    public string? Output { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--cases" => options with { Cases = int.Parse(Next(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture) },
                "--connections" => options with { Connections = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = Seconds(Next()) },
                "--warmup" => options with { WarmUp = Seconds(Next()) },
                "--starts" => options with { Starts = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--queue-requests" => options with { QueueRequests = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--queue-warmup" => options with { QueueWarmUp = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture) },
                "--json" => options with { Json = true },
                "--reseed" => options with { Reseed = true },
                "--no-publish" => options with { NoPublish = true },
                "--show-statements" => options with { ShowStatements = true },
                "--output" => options with { Output = Next() },
                "--env" => AddEnvironment(options, environment, Next()),
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --cases N --connections N --duration 20s --warmup 3s --starts N " +
                    "--queue-requests N --queue-warmup N --rate N --json --reseed --no-publish --show-statements --output FILE --env NAME=VALUE"),
            };
        }

        return options;
    }

    private static LoadOptions AddEnvironment(LoadOptions options, Dictionary<string, string> environment, string pair)
    {
        var parts = pair.Split('=', 2);
        environment[parts[0]] = parts.Length == 2 ? parts[1] : throw new ArgumentException($"--env {pair}: expected NAME=VALUE.");
        return options with { WebEnvironment = environment };
    }

    private static TimeSpan Seconds(string text) =>
        TimeSpan.FromSeconds(double.Parse(text.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture));
}
