using System.Xml;
using BenchmarkDotNet.Attributes;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Benchmarks;

/// <summary>
/// Parse + check of every EDGAR fixture against a bare XmlReader pass over the same bytes, in one run, so the ratio
/// (not the absolute time, the machine is shared) is what to read. One operation = one filing:
/// filings/s = 1e9 / Mean(ns). Target: at least 5,000 filings/s on one core.
/// </summary>
[MemoryDiagnoser]
public class Form4ParseBenchmarks
{
    private static readonly FilingTime Filed = FilingTime.Parse("2025-03-18T20:14");
    private static readonly XmlReaderSettings BareSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private (string Name, byte[] Bytes)[] _files = [];

    /// <summary>The fixture bytes, after <see cref="LoadFixtures"/>.</summary>
    public IReadOnlyList<byte[]> Files => _files.Select(f => f.Bytes).ToList();

    /// <summary>How many fixture files one invocation processes.</summary>
    public const int FixtureCount = 14;

    [GlobalSetup]
    public void LoadFixtures()
    {
        var directory = FindFixtures();
        _files = Directory.GetFiles(directory, "*.xml").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToArray();
        if (_files.Length != FixtureCount)
            throw new InvalidOperationException($"Expected {FixtureCount} fixtures in {directory}, found {_files.Length}.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FixtureCount)]
    public int BareXmlReaderPass()
    {
        var nodes = 0;
        foreach (var (_, bytes) in _files)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, BareSettings);
            while (reader.Read()) nodes++;
        }

        return nodes;
    }

    [Benchmark(OperationsPerInvoke = FixtureCount)]
    public int ParseAndCheck()
    {
        var findings = 0;
        foreach (var (name, bytes) in _files)
            findings += Form4Checker.Check(bytes, name, Filed).Findings.Count;
        return findings;
    }

    private static string FindFixtures()
    {
        if (Environment.GetEnvironmentVariable("ETHICS_FORM4_FIXTURES") is { Length: > 0 } configured) return configured;
        // BenchmarkDotNet runs from a generated folder under bin/; the repo sits next to shared/.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "form4");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("shared/fixtures/form4 not found above the benchmark; set ETHICS_FORM4_FIXTURES.");
    }
}
