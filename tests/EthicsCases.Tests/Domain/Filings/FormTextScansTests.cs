using System.Text;
using System.Text.RegularExpressions;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Tests.Domain.Filings;

/// <summary>
/// Each single-pass scan of <see cref="FormTextScans"/> gives exactly what the backtracking pattern it replaced gave:
/// both run on many random texts built from the pieces that steer the patterns (labels, whitespace of every kind,
/// brackets, dates, markup), short enough for the patterns to answer quickly.
/// </summary>
public partial class FormTextScansTests
{
    private const int Cases = 20_000;

    private static readonly string[] Pieces =
    [
        "Trading Symbol", "Trading Symbol ", "Foo Inc", "x", "A", "[", "]", "[FOO]", "[A.B-1]", "[]", ".", "-",
        " ", " ", "  ", "\t", "\n", "\r", "\u00A0", "\u2028",
        "/s/", "/s/ ", "<", "<u>", "</u>", "$", "^{", "}", "^{a}", "\\ ",
        "1", "12", "123", "1.", "1. ", "12. ", " 2.\t", "a1", "1/2/2024", "12/31/2024", "01/02/24",
        "Officer (give title below)", "Officer (give title below) ", "Other (specify", "Other (specify below)", "CEO",
    ];

    private static IEnumerable<string> RandomTexts(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var text = new StringBuilder();
            var count = random.Next(0, 24);
            for (var p = 0; p < count; p++) text.Append(Pieces[random.Next(Pieces.Length)]);
            yield return text.ToString();
        }
    }

    [Test]
    public void Issuer_scan_finds_what_the_pattern_found()
    {
        foreach (var text in RandomTexts(1))
        {
            var m = IssuerPattern().Match(text);
            var expected = m.Success ? (m.Groups["name"].Value, m.Groups["ticker"].Value) : ((string, string)?)null;
            Assert.That(FormTextScans.Issuer(text), Is.EqualTo(expected), Escape(text));
        }
    }

    [Test]
    public void Signature_scan_finds_the_name_and_end_the_pattern_found()
    {
        foreach (var text in RandomTexts(2))
        {
            var m = SignaturePattern().Match(text);
            var expected = m.Success ? (m.Groups["name"].Value, m.Index + m.Length) : ((string, int)?)null;
            Assert.That(FormTextScans.Signature(text), Is.EqualTo(expected), Escape(text));
        }
    }

    [Test]
    public void Officer_title_scan_finds_what_the_pattern_found()
    {
        foreach (var text in RandomTexts(3))
        {
            var m = OfficerTitlePattern().Match(text);
            Assert.That(FormTextScans.OfficerTitle(text), Is.EqualTo(m.Success ? m.Groups[1].Value : null), Escape(text));
        }
    }

    [Test]
    public void Footnote_scan_finds_every_note_the_pattern_found()
    {
        foreach (var text in RandomTexts(4))
        {
            var expected = FootnotePattern().Matches(text).Select(m => (m.Groups["id"].Value, m.Groups["text"].Value)).ToList();
            Assert.That(FormTextScans.Footnotes(text), Is.EqualTo(expected), Escape(text));
        }
    }

    [Test]
    public void Markup_scan_removes_what_the_pattern_removed()
    {
        foreach (var text in RandomTexts(5))
            Assert.That(FormTextScans.RemoveMarkup(text), Is.EqualTo(MarkupPattern().Replace(text, string.Empty)), Escape(text));
    }

    [Test]
    public void Merging_address_fragments_gives_what_trying_every_suffix_gave()
    {
        var random = new Random(6);
        for (var i = 0; i < Cases; i++)
        {
            var first = RandomWord(random, "ab c", random.Next(1, 14));
            var second = random.Next(3) == 0 ? first[random.Next(first.Length)..] + RandomWord(random, "ab c", random.Next(0, 8)) : RandomWord(random, "ab c", random.Next(1, 14));
            Assert.That(FormTextScans.MergeOverlapping(first, second), Is.EqualTo(MergeOverlappingAsBefore(first, second)), $"'{first}' + '{second}'");
        }
    }

    [Test]
    public void Containment_agrees_with_the_ordinal_search_for_long_values()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases / 4; i++)
        {
            var text = RandomWord(random, "ab", random.Next(0, 400));
            var value = random.Next(2) == 0 && text.Length > 70
                ? text.Substring(random.Next(text.Length - 70), 65 + random.Next(5))
                : RandomWord(random, "ab", random.Next(60, 140));
            Assert.That(FormTextScans.Contains(text, value), Is.EqualTo(text.Contains(value, StringComparison.Ordinal)), $"'{text}' / '{value}'");
        }
    }

    private static string RandomWord(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    private static string Escape(string text) =>
        text.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    /// <summary>The parser's merge before this change: quadratic, kept here as the reference.</summary>
    private static string MergeOverlappingAsBefore(string first, string second)
    {
        if (second.Contains(first, StringComparison.Ordinal)) return second;
        if (first.Contains(second, StringComparison.Ordinal)) return first;
        for (var k = 0; k < first.Length; k++)
        {
            var tail = first[k..];
            if (tail.Length >= 4 && second.StartsWith(tail, StringComparison.Ordinal)) return first[..k] + second;
        }

        return first.Length >= second.Length ? first : second;
    }

    // The parser's patterns before this change, kept here as the reference.
    [GeneratedRegex(@"Trading Symbol\s+(?<name>[^\t\[\n]+?)\s*\[(?<ticker>[A-Za-z0-9.\-]+)\]")]
    private static partial Regex IssuerPattern();

    [GeneratedRegex(@"/s/\s*(?<name>[^<\n\t]+?)\s*(?=<|\t|\n|\b\d{1,2}/\d{1,2}/\d{4}|$)")]
    private static partial Regex SignaturePattern();

    [GeneratedRegex(@"Officer \(give title below\)[ ]*([^\t\n]*?)[ ]*(?:\t|\n|Other \(specify|$)")]
    private static partial Regex OfficerTitlePattern();

    [GeneratedRegex(@"(?ms)^\s*(?<id>\d{1,2})\.\s+(?<text>.+?)(?=^\s*\d{1,2}\.\s|\z)")]
    private static partial Regex FootnotePattern();

    [GeneratedRegex(@"\$|</?u>|\^\{[^}]*\}")]
    private static partial Regex MarkupPattern();
}
