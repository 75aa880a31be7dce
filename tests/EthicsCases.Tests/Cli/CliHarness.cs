using System.Text.Json;
using EthicsCases.Cli;

namespace EthicsCases.Tests.Cli;

/// <summary>What one run of <c>ethics</c> produced.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as the single JSON document it must be.</summary>
    public JsonElement Json
    {
        get
        {
            Assert.That(ExitCode, Is.EqualTo(0), $"ethics failed: {Stderr}");
            using var document = JsonDocument.Parse(Stdout);
            return document.RootElement.Clone();
        }
    }
}

/// <summary>Runs the real <c>ethics</c> command line in process against one database.</summary>
public sealed class CliHarness(string connection, IReadOnlyDictionary<string, string?>? settings = null)
{
    /// <summary>The command line against a test database, with its data folder (and so its keys).</summary>
    public CliHarness(Infrastructure.TestDatabase db, IReadOnlyDictionary<string, string?>? settings = null)
        : this(db.Connection, WithDataDirectory(db, settings))
    {
    }

    // The test database's data folder (its keys), unless the test names another.
    private static Dictionary<string, string?> WithDataDirectory(Infrastructure.TestDatabase db, IReadOnlyDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        all.TryAdd("Data:Directory", db.DataDirectory);
        return all;
    }

    /// <summary>Runs <c>ethics ARGS --db CONNECTION</c>.</summary>
    public async Task<CliRun> Run(params string[] args)
    {
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var code = await EthicsCli.RunAsync([.. args, "--db", connection], stdout, stderr, settings);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
