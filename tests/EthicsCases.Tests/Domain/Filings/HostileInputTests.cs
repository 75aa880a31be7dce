using System.Text;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

/// <summary>Bad and hostile input is refused with a reason, never expanded, fetched or half-read.</summary>
public class HostileInputTests
{
    private static FilingParseException Refuse(string content, FilingParserOptions? options = null) =>
        Assert.Throws<FilingParseException>(() => OwnershipFilingParser.Parse(Encoding.UTF8.GetBytes(content), options))!;

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
