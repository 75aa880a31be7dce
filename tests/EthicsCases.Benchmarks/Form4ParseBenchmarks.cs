using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
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

/// <summary>
/// Hostile files (issue 9) against a raw pass over the same bytes in the same run: XmlReader.Read() to the end for
/// XML, decoding and an IndexOf scan for lines for text. With the default caps a hostile file is refused early, so its
/// parse costs less than the raw pass; with the caps lifted ("no caps") the parsers do all the work, and the ratio
/// says what parsing costs over merely reading. Run:
/// <c>dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*Hostile*'</c>. In process and short:
/// on the shared machine, building a separate benchmark process ran past BenchmarkDotNet's two-minute build limit.
/// </summary>
[InProcess]
[WarmupCount(3)]
[IterationCount(10)]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Form4HostileInputBenchmarks
{
    private static readonly XmlReaderSettings BareSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = long.MaxValue,
    };

    private static readonly FilingParserOptions NoCaps = new()
    {
        MaxBytes = long.MaxValue,
        MaxCharactersInDocument = long.MaxValue,
        MaxXmlDepth = int.MaxValue,
        MaxXmlNodes = int.MaxValue,
        MaxXmlAttributes = int.MaxValue,
        MaxFormTextLineLength = int.MaxValue,
        MaxFormTextLines = int.MaxValue,
    };

    private byte[] _deep40K = [];
    private byte[] _deep200K = [];
    private byte[] _siblings = [];
    private byte[] _line = [];
    private byte[] _hostileText = [];

    [GlobalSetup]
    public void BuildInputs()
    {
        _deep40K = Nested(40_000);
        _deep200K = Nested(200_000);
        _siblings = Encoding.UTF8.GetBytes("<ownershipDocument>" + new StringBuilder().Insert(0, "<a/>", 1_250_000) + "</ownershipDocument>");
        var line = new StringBuilder(5_000_000);
        while (line.Length < 5_000_000) line.Append("Trading Symbol x /s/ y   Officer (give title below) z ^{ ");
        _line = Encoding.UTF8.GetBytes("FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n1. Name and Address of Reporting Person* Doe Jane\n" + line + "\n");
        _hostileText = HostileText(2_000_000);
    }

    [BenchmarkCategory("XML 40,000 deep"), Benchmark(Baseline = true)]
    public int Deep40KXmlReader() => ReadAll(_deep40K);

    [BenchmarkCategory("XML 40,000 deep"), Benchmark]
    public string Deep40KParse() => Refusal(_deep40K, FilingParserOptions.Default);

    [BenchmarkCategory("XML 200,000 deep"), Benchmark(Baseline = true)]
    public int Deep200KXmlReader() => ReadAll(_deep200K);

    [BenchmarkCategory("XML 200,000 deep"), Benchmark]
    public string Deep200KParse() => Refusal(_deep200K, FilingParserOptions.Default);

    [BenchmarkCategory("XML 40,000 deep, no caps"), Benchmark(Baseline = true)]
    public int Deep40KNoCapsXmlReader() => ReadAll(_deep40K);

    [BenchmarkCategory("XML 40,000 deep, no caps"), Benchmark]
    public string Deep40KNoCapsParse() => Refusal(_deep40K, NoCaps);

    [BenchmarkCategory("XML 1,250,000 siblings (5 MB)"), Benchmark(Baseline = true)]
    public int SiblingsXmlReader() => ReadAll(_siblings);

    [BenchmarkCategory("XML 1,250,000 siblings (5 MB)"), Benchmark]
    public string SiblingsParse() => Refusal(_siblings, FilingParserOptions.Default);

    [BenchmarkCategory("text, one 5 MB line"), Benchmark(Baseline = true)]
    public int LineIndexOf() => ScanLines(_line);

    [BenchmarkCategory("text, one 5 MB line"), Benchmark]
    public string LineParse() => Refusal(_line, FilingParserOptions.Default);

    [BenchmarkCategory("text 2 MB hostile, no caps"), Benchmark(Baseline = true)]
    public int HostileTextIndexOf() => ScanLines(_hostileText);

    [BenchmarkCategory("text 2 MB hostile, no caps"), Benchmark]
    public string HostileTextParse() => Refusal(_hostileText, NoCaps);

    private static int ReadAll(byte[] xml)
    {
        var nodes = 0;
        using var stream = new MemoryStream(xml, writable: false);
        using var reader = XmlReader.Create(stream, BareSettings);
        try
        {
            while (reader.Read()) nodes++;
        }
        catch (XmlException)
        {
            // The hostile documents are well-formed; this only keeps the baseline honest if one is not.
        }

        return nodes;
    }

    /// <summary>The least a text parser does: decode, then find every line.</summary>
    private static int ScanLines(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        var lines = 0;
        for (var at = text.IndexOf('\n', StringComparison.Ordinal); at >= 0; at = text.IndexOf('\n', at + 1)) lines++;
        return lines;
    }

    private static string Refusal(byte[] content, FilingParserOptions options)
    {
        try
        {
            return OwnershipFilingParser.Parse(content, options).DocumentType;
        }
        catch (FilingParseException e)
        {
            return e.Message;
        }
    }

    private static byte[] Nested(int depth) =>
        Encoding.UTF8.GetBytes("<ownershipDocument><documentType>4</documentType><remarks>"
            + new StringBuilder(depth * 3).Insert(0, "<a>", depth) + new StringBuilder(depth * 4).Insert(0, "</a>", depth)
            + "</remarks></ownershipDocument>");

    /// <summary>As in LinearParseTimeTests: every section feeds one of the scans that used to backtrack.</summary>
    private static byte[] HostileText(int size)
    {
        var part = size / 6;
        static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();
        var text = new StringBuilder()
            .Append("FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n")
            .Append("1. Name and Address of Reporting Person* Doe Jane\t2. Issuer Name and Ticker or Trading Symbol ")
            .Append(Repeat("Trading Symbol x ", part / 17)).Append('\n')
            .Append("(Last) ").Append(Repeat("ab", part / 2)).Append('\t').Append('c', part / 2).Append('\n')
            .Append("X Officer (give title below) a").Append(' ', part).Append("b\n")
            .Append("Explanation of Responses:\n1. a").Append('\n', part).Append("b\n")
            .Append("Remarks: ").Append(Repeat("^{", part / 2)).Append('\n')
            .Append("/s/ Jane Doe").Append(' ', part).Append("x 05/02/2024\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
