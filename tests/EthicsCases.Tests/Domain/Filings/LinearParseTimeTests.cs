using System.Text;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

/// <summary>
/// Parsing time grows in proportion to the input, caps aside: with every cap lifted, so the parsers do all the
/// work, making a hostile input four times longer must not come near multiplying the time by sixteen (as it did:
/// 20,000 levels of XML took 0.5 s and 40,000 took 4 s; a 50,000-space signature 7.6 s). Ratios are of processor times
/// measured in the same run, each the best of several after a warm-up; the factor of four keeps linear (4) and
/// quadratic (16) a factor of two either side of the bar, so a busy machine does not decide the result.
/// </summary>
[NonParallelizable]
public class LinearParseTimeTests
{
    private const int Growth = 4;

    /// <summary>Linear is 4; quadratic is 16.</summary>
    private const double MaxRatio = 8.0;

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

    /// <summary>
    /// Depths where the reader's own state stays in the processor's caches: deeper, even a bare XmlReader slows down
    /// per level, for the memory, not the algorithm. Each measure parses the file a hundred times. (Before this change:
    /// 1.6 s for 4,000 levels, 6.5 s for 8,000.)
    /// </summary>
    [Test]
    public void Deeply_nested_xml_takes_time_linear_in_its_depth() => AssertLinear(DeepXml, 2_000, repeat: 100);

    [Test]
    public void Hostile_form_text_takes_time_linear_in_its_length() => AssertLinear(HostileText, 1_000_000, repeat: 1);

    private static byte[] DeepXml(int depth) =>
        Encoding.UTF8.GetBytes("<ownershipDocument><documentType>4</documentType><remarks>"
            + new StringBuilder(depth * 3).Insert(0, "<a>", depth) + "text" + new StringBuilder(depth * 4).Insert(0, "</a>", depth)
            + "</remarks></ownershipDocument>");

    /// <summary>Form text whose every section feeds one of the scans that used to backtrack, each about size/6 long.</summary>
    private static byte[] HostileText(int size)
    {
        var part = size / 6;
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

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();

    private static void AssertLinear(Func<int, byte[]> input, int size, int repeat)
    {
        var small = input(size);
        var large = input(Growth * size);
        Parse(small, repeat); // warm-up: the measures run fully compiled code
        Parse(large, repeat);

        var smallTime = ProcessorClock.Best(() => Parse(small, repeat));
        var largeTime = ProcessorClock.Best(() => Parse(large, repeat));

        var measured = $"{small.Length} bytes: {smallTime.TotalMilliseconds:F0} ms; {large.Length} bytes: {largeTime.TotalMilliseconds:F0} ms (x{repeat})";
        TestContext.Out.WriteLine(measured);
        Assert.That(largeTime / smallTime, Is.LessThan(MaxRatio), measured);
    }

    private static void Parse(byte[] content, int times)
    {
        for (var i = 0; i < times; i++)
        {
            try
            {
                OwnershipFilingParser.Parse(content, NoCaps);
            }
            catch (FilingParseException)
            {
                // A refusal after reading everything is as good a measure as a parse.
            }
        }
    }
}
