using System.Text;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

/// <summary>Bad and hostile input is refused with a reason, never expanded, fetched or half-read.</summary>
public class HostileInputTests
{
    /// <summary>The issue's bound: a hostile file answers, with its reason, within a second (of processor time: see <see cref="ProcessorClock"/>).</summary>
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(1);

    private static FilingParseException Refuse(string content, FilingParserOptions? options = null) =>
        Assert.Throws<FilingParseException>(() => OwnershipFilingParser.Parse(Encoding.UTF8.GetBytes(content), options))!;

    /// <summary>Parses, expecting a refusal, and times the parse alone (not building the input).</summary>
    private static (FilingParseException Error, TimeSpan Elapsed) RefuseTimed(byte[] content, FilingParserOptions? options = null)
    {
        FilingParseException? error = null;
        var elapsed = ProcessorClock.Time(() => error = Assert.Throws<FilingParseException>(() => OwnershipFilingParser.Parse(content, options)));
        return (error!, elapsed);
    }

    private static byte[] Nested(int depth) =>
        Encoding.UTF8.GetBytes("<ownershipDocument><documentType>4</documentType><remarks>"
            + new StringBuilder(depth * 3).Insert(0, "<a>", depth) + new StringBuilder(depth * 4).Insert(0, "</a>", depth)
            + "</remarks></ownershipDocument>");

    private static string SeedText() => File.ReadAllText(FilingFixtures.Seed("form4-alto-benton-2024-04-01.txt"));

    [OneTimeSetUp]
    public void CompileTheParsersFirst()
    {
        // Timed tests measure parsing, not the first call's compilation.
        OwnershipFilingParser.ParseFile(FilingFixtures.Form4("AIR_0001127602-25-001055.xml"));
        OwnershipFilingParser.ParseFile(FilingFixtures.Seed("form4-alto-benton-2024-04-01.txt"));
    }

    [TestCase(40_000)]
    [TestCase(200_000)]
    public void Deeply_nested_xml_is_refused_within_a_second(int depth)
    {
        var (error, elapsed) = RefuseTimed(Nested(depth));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Too deeply nested: more than 64 levels of XML elements."));
            Assert.That(elapsed, Is.LessThan(Answer));
        });
    }

    [Test]
    public void Nesting_up_to_the_limit_is_read()
    {
        var xml = File.ReadAllText(FilingFixtures.Form4("AIR_0001127602-25-001055.xml"));
        const string Remarks = "<remarks>";
        var deep = xml.Insert(xml.IndexOf("</ownershipDocument>", StringComparison.Ordinal),
            Remarks + string.Concat(Enumerable.Repeat("<a>", 62)) + "deep" + string.Concat(Enumerable.Repeat("</a>", 62)) + "</remarks>");
        var tooDeep = deep.Replace("deep", "<a>deeper</a>", StringComparison.Ordinal);

        var filing = OwnershipFilingParser.Parse(Encoding.UTF8.GetBytes(deep));

        Assert.Multiple(() =>
        {
            Assert.That(filing.Transactions, Has.Count.EqualTo(1));
            Assert.That(Refuse(tooDeep).Message, Does.StartWith("Too deeply nested: more than 64 levels"));
        });
    }

    [Test]
    public void Node_count_bomb_is_refused_within_a_second()
    {
        var siblings = Encoding.UTF8.GetBytes("<ownershipDocument>" + new StringBuilder().Insert(0, "<a/>", 1_250_000) + "</ownershipDocument>");

        var (error, elapsed) = RefuseTimed(siblings);

        Assert.Multiple(() =>
        {
            Assert.That(siblings, Has.Length.GreaterThan(5_000_000));
            Assert.That(error.Message, Is.EqualTo("Too many XML nodes: more than 200000 elements, attributes and texts."));
            Assert.That(elapsed, Is.LessThan(Answer));
        });
    }

    [Test]
    public void Attribute_bomb_is_refused_before_the_reader_takes_the_tag()
    {
        var attributes = new StringBuilder("<ownershipDocument");
        for (var i = 0; i < 400_000; i++) attributes.Append(System.Globalization.CultureInfo.InvariantCulture, $" a{i}=\"\"");
        var bomb = Encoding.UTF8.GetBytes(attributes.Append("/>").ToString());

        var (error, elapsed) = RefuseTimed(bomb);

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Too many XML attributes: more than 10000 ('=' appears 400000 times)."));
            Assert.That(elapsed, Is.LessThan(Answer));
        });
    }

    [Test]
    public void Five_MB_single_line_of_form_text_is_refused_within_a_second()
    {
        var line = new StringBuilder(5_000_000);
        while (line.Length < 5_000_000) line.Append("Trading Symbol x /s/ y   Officer (give title below) z ^{ ");
        var text = Encoding.UTF8.GetBytes("FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n1. Name and Address of Reporting Person* Doe Jane\n" + line + "\n");

        var (error, elapsed) = RefuseTimed(text);

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo($"Form text: line 4 is {line.Length} characters long, more than the 32768-character limit for a line."));
            Assert.That(elapsed, Is.LessThan(Answer));
        });
    }

    [Test]
    public void Two_MB_street_line_is_merged_within_a_second_when_long_lines_are_allowed()
    {
        // Two 1 MB address fragments that overlap by "300 SOUTH SEC": trying every suffix of the first copied and
        // compared about 5 x 10^11 characters.
        var first = new string('A', 1_000_000) + " 1300 SOUTH SEC";
        var second = "300 SOUTH SECOND STREET " + new string('B', 1_000_000);
        var text = SeedText().Replace("(Last) 1300 SOUTH SE\t", $"(Last) {first}\t{second}\t", StringComparison.Ordinal);
        var options = new FilingParserOptions { MaxFormTextLineLength = int.MaxValue };

        OwnershipFiling? filing = null;
        var elapsed = ProcessorClock.Time(() => filing = OwnershipFilingParser.Parse(Encoding.UTF8.GetBytes(text), options));

        Assert.Multiple(() =>
        {
            Assert.That(filing!.ReportingOwners.Single().Address!.Street1, Is.EqualTo(new string('A', 1_000_000) + " 1300 SOUTH SECOND STREET " + new string('B', 1_000_000)));
            Assert.That(filing.Transactions.Single().Shares, Is.EqualTo(7402m));
            Assert.That(elapsed, Is.LessThan(Answer));
        });
    }

    [Test]
    public void Too_many_lines_of_form_text_are_refused()
    {
        var text = SeedText() + new StringBuilder().Insert(0, "\n", 20_000);

        Assert.That(Refuse(text).Message, Is.EqualTo("Form text: more than 20000 lines."));
    }

    [Test]
    public void Cancelled_request_stops_parsing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var xml = FilingFixtures.Bytes("AIR_0001127602-25-001055.xml");

        Assert.Multiple(() =>
        {
            Assert.Throws<OperationCanceledException>(() => OwnershipFilingParser.Parse(xml, null, cancelled.Token));
            Assert.Throws<OperationCanceledException>(() => Form4Checker.Check(xml, "AIR.xml", null, null, new FilingParseBudget(cancelled.Token)));
        });
    }

    [Test]
    public void Cancellation_stops_a_parse_under_way()
    {
        // Caps lifted so that the parse runs long enough (seconds) to be interrupted inside the XML reader's loop.
        var options = new FilingParserOptions { MaxBytes = 64_000_000, MaxXmlNodes = int.MaxValue, MaxCharactersInDocument = long.MaxValue };
        var siblings = Encoding.UTF8.GetBytes("<ownershipDocument>" + new StringBuilder().Insert(0, "<a>x</a>", 4_000_000) + "</ownershipDocument>");
        using var leaves = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        var elapsed = ProcessorClock.Time(() => Assert.Throws<OperationCanceledException>(() => OwnershipFilingParser.Parse(siblings, options, leaves.Token)));

        Assert.That(elapsed, Is.LessThan(Answer));
    }

    [Test]
    public void Request_budget_refuses_files_past_its_caps()
    {
        var xml = FilingFixtures.Bytes("AIR_0001127602-25-001055.xml");
        var small = "<ownershipDocument><documentType>4</documentType><issuer/><reportingOwner><reportingOwnerId><rptOwnerName>A</rptOwnerName></reportingOwnerId></reportingOwner></ownershipDocument>"u8.ToArray();
        var twoFiles = new FilingParseBudget(new FilingParserOptions { MaxFilesPerRequest = 2 });
        var bytes = new FilingParseBudget(new FilingParserOptions { MaxBytesPerRequest = xml.Length + small.Length });

        Form4Checker.Check(xml, "1.xml", null, null, twoFiles);
        Form4Checker.Check(xml, "2.xml", null, null, twoFiles);
        var thirdFile = Assert.Throws<FilingParseException>(() => Form4Checker.Check(xml, "3.xml", null, null, twoFiles))!;
        Form4Checker.Check(xml, "1.xml", null, null, bytes);
        var pastTheBytes = Assert.Throws<FilingParseException>(() => Form4Checker.Check(xml, "2.xml", null, null, bytes))!;
        var stillFits = Form4Checker.Check(small, "3.xml", null, null, bytes);

        Assert.Multiple(() =>
        {
            Assert.That(thirdFile.Message, Is.EqualTo("Request limit: not read, more than 2 files in one request."));
            Assert.That(twoFiles.Files, Is.EqualTo(2));
            Assert.That(pastTheBytes.Message, Is.EqualTo($"Request limit: not read, this file would take the request past {xml.Length + small.Length} bytes in total."));
            Assert.That(stillFits.ReportingOwners.Single().Name, Is.EqualTo("A"));
            Assert.That(bytes.Bytes, Is.EqualTo(xml.Length + small.Length));
        });
    }

    [Test]
    public void External_entity_is_refused_as_a_DTD()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var xxe = $"""
                <?xml version="1.0"?>
                <!DOCTYPE ownershipDocument [<!ENTITY xxe SYSTEM "file://{secret}">]>
                <ownershipDocument><documentType>4</documentType><issuer><issuerName>&xxe;</issuerName></issuer></ownershipDocument>
                """;

            var ex = Refuse(xxe);

            Assert.Multiple(() =>
            {
                Assert.That(ex.Message, Does.StartWith("DTD present"));
                Assert.That(ex.ToString(), Does.Not.Contain("TOP-SECRET"));
            });
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Test]
    public void Billion_laughs_is_refused_as_a_DTD()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        var bomb = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]><ownershipDocument><remarks>&lol9;</remarks></ownershipDocument>";

        var ex = Refuse(bomb);

        Assert.That(ex.Message, Does.StartWith("DTD present"));
    }

    [Test]
    public void Oversize_input_is_refused_before_parsing()
    {
        var options = new FilingParserOptions { MaxBytes = 1024 };
        var path = FilingFixtures.Form4("GOOG_0001209191-22-024550.xml");

        var fromFile = Assert.Throws<FilingParseException>(() => OwnershipFilingParser.ParseFile(path, options))!;
        var fromBytes = Assert.Throws<FilingParseException>(() => OwnershipFilingParser.Parse(File.ReadAllBytes(path), options))!;
        using var stream = File.OpenRead(path);
        var fromStream = Assert.Throws<FilingParseException>(() => OwnershipFilingParser.Parse(stream, options))!;

        Assert.Multiple(() =>
        {
            Assert.That(fromFile.Message, Does.StartWith("Too large"));
            Assert.That(fromBytes.Message, Does.StartWith("Too large"));
            Assert.That(fromStream.Message, Does.StartWith("Too large"));
        });
    }

    [Test]
    public void Default_size_cap_is_5_MB()
    {
        var padding = new string(' ', (5 * 1024 * 1024) + 1);

        var ex = Refuse("<ownershipDocument>" + padding + "</ownershipDocument>");

        Assert.That(ex.Message, Does.StartWith("Too large"));
    }

    [Test]
    public void Character_cap_applies_to_the_xml_document()
    {
        var options = new FilingParserOptions { MaxCharactersInDocument = 500 };

        var ex = Assert.Throws<FilingParseException>(() => OwnershipFilingParser.ParseFile(FilingFixtures.Form4("AIR_0001127602-25-001055.xml"), options))!;

        Assert.That(ex.Message, Does.StartWith("Too large"));
    }

    [TestCase("", "Empty input")]
    [TestCase("hello world, this is not a filing", "Not a recognised ownership filing")]
    [TestCase("%PDF-1.7 binary", "A PDF file")]
    [TestCase("<ownershipDocument><documentType>4", "Not well-formed XML")]
    [TestCase("<html><body>hi</body></html>", "Not an ownership document")]
    [TestCase("<ownershipDocument><issuer/></ownershipDocument>", "Missing required element <documentType>")]
    [TestCase("<ownershipDocument><documentType>4</documentType><issuer/></ownershipDocument>", "Missing required element <reportingOwner>")]
    public void Garbage_is_refused_with_the_reason(string content, string reason)
    {
        Assert.That(Refuse(content).Message, Does.StartWith(reason));
    }

    [Test]
    public void Binary_garbage_is_refused()
    {
        var bytes = new byte[256];
        new Random(42).NextBytes(bytes);
        bytes[10] = 0;

        var ex = Assert.Throws<FilingParseException>(() => OwnershipFilingParser.Parse(bytes))!;

        Assert.That(ex.Message, Does.StartWith("Binary content"));
    }

    [Test]
    public void Transaction_without_a_date_names_the_missing_element()
    {
        var xml = File.ReadAllText(FilingFixtures.Form4("AIR_0001127602-25-001055.xml"));
        var broken = System.Text.RegularExpressions.Regex.Replace(xml, @"<transactionDate>\s*<value>[^<]*</value>\s*</transactionDate>", string.Empty);

        var ex = Refuse(broken);

        Assert.That(ex.Message, Is.EqualTo("Missing required element <transactionDate> in nonDerivativeTransaction #1."));
    }

    [Test]
    public void Unknown_elements_and_zoned_dates_are_tolerated()
    {
        var xml = File.ReadAllText(FilingFixtures.Form4("AIR_0001127602-25-001055.xml"))
            .Replace("<value>2025-01-10</value>", "<value>2025-01-10-05:00</value>", StringComparison.Ordinal)
            .Replace("<documentType>4</documentType>", "<documentType>4</documentType><futureElement a=\"1\"><x/></futureElement>", StringComparison.Ordinal);

        var filing = OwnershipFilingParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.That(filing.Transactions.Single().Date, Is.EqualTo(new DateOnly(2025, 1, 10)));
    }
}
