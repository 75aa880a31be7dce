using System.Diagnostics;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Benchmarks;

/// <summary>A quick single-thread throughput driver per stage, to see where the time goes without a full BenchmarkDotNet run.</summary>
public static class Form4Throughput
{
    public static void Run(TimeSpan perStage)
    {
        var benchmarks = new Form4ParseBenchmarks();
        benchmarks.LoadFixtures();
        var files = benchmarks.Files;
        var filed = FilingTime.Parse("2025-03-18T20:14");
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };

        Measure("bare XmlReader pass", perStage, files, bytes =>
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            while (reader.Read())
            {
            }
        });
        Measure("XElement.Load", perStage, files, bytes =>
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            XElement.Load(reader);
        });
        Measure("parse", perStage, files, bytes => OwnershipFilingParser.Parse(bytes));
        Measure("parse + check", perStage, files, bytes => Form4Checker.Check(bytes, "x", filed));
    }

    private static void Measure(string stage, TimeSpan duration, IReadOnlyList<byte[]> files, Action<byte[]> work)
    {
        foreach (var f in files) work(f); // warm-up / JIT
        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            foreach (var f in files) work(f);
            count += files.Count;
        }

        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-22} {count / watch.Elapsed.TotalSeconds,10:N0} filings/s"));
    }
}
