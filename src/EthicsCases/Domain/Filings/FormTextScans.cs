using System.Text;
using System.Text.RegularExpressions;

namespace EthicsCases.Domain.Filings;

/// <summary>
/// Single-pass replacements for the patterns of <see cref="PdfFormTextParser"/> that a backtracking engine runs in
/// quadratic time on hostile text (a lazy loop that rescans to the end of the line from every candidate start, or a
/// greedy <c>\s*</c> that gives back a long run one character at a time). Each gives exactly what its pattern gave
/// (the tests compare them with the patterns on random text) in time linear in the text: no position is scanned
/// more than a fixed number of times, and no substring is taken per position.
/// </summary>
internal static partial class FormTextScans
{
    /// <summary>The issuer name and ticker: <c>Trading Symbol\s+(?&lt;name&gt;[^\t\[\n]+?)\s*\[(?&lt;ticker&gt;[A-Za-z0-9.\-]+)\]</c>.</summary>
    public static (string Name, string Ticker)? Issuer(string text)
    {
        const string Label = "Trading Symbol";
        var runs = new WhitespaceRuns(text);

        // Where a name starting at s must stop (the first tab, '[' or newline from s), and whether a "[TICKER]"
        // follows it: both depend on s only through that stop, which every label before it shares.
        var stop = -1;
        var bracket = -1;
        var tickerEnd = -1;
        for (var label = text.IndexOf(Label, StringComparison.Ordinal); label >= 0; label = text.IndexOf(Label, label + 1, StringComparison.Ordinal))
        {
            var afterLabel = label + Label.Length;
            var nameStart = runs.End(afterLabel);
            if (nameStart == afterLabel) continue; // \s+ needs one whitespace character

            if (nameStart < text.Length && text[nameStart] != '[')
            {
                if (nameStart > stop)
                {
                    stop = text.AsSpan(nameStart).IndexOfAny('\t', '[', '\n') is var at and >= 0 ? nameStart + at : text.Length;
                    bracket = stop < text.Length ? runs.End(stop) : -1;
                    tickerEnd = bracket >= 0 ? TickerEnd(text, bracket) : -1;
                }

                if (tickerEnd < 0) continue; // a shorter \s+ meets the same stop and fails alike
                var nameEnd = stop;
                while (nameEnd > nameStart && char.IsWhiteSpace(text[nameEnd - 1])) nameEnd--;
                return (text[nameStart..nameEnd], text[(bracket + 1)..tickerEnd]);
            }

            // No name character where \s+ stops ('[' or the end): \s+ gives back its last space-like character
            // (tab and newline cannot start a name), which becomes the name, before a "[TICKER]" at nameStart.
            if (nameStart == text.Length || TickerEnd(text, nameStart) is not (>= 0 and var end)) continue;
            for (var s = nameStart - 1; s > afterLabel; s--)
                if (text[s] is not ('\t' or '\n')) return (text[s..(s + 1)], text[(nameStart + 1)..end]);
        }

        return null;
    }

    /// <summary>
    /// The signature: <c>/s/\s*(?&lt;name&gt;[^&lt;\n\t]+?)\s*(?=&lt;|\t|\n|\b\d{1,2}/\d{1,2}/\d{4}|$)</c>; the name and where the
    /// match ends.
    /// </summary>
    public static (string Name, int End)? Signature(string text)
    {
        var runs = new WhitespaceRuns(text);
        for (var mark = text.IndexOf("/s/", StringComparison.Ordinal); mark >= 0; mark = text.IndexOf("/s/", mark + 1, StringComparison.Ordinal))
        {
            var afterMark = mark + 3;
            var s = runs.End(afterMark);
            if (s < text.Length && text[s] != '<') return SignatureFrom(text, s, runs);

            // As in Issuer: \s* gives back characters until one can start a name; it is then the whole name.
            for (s--; s >= afterMark; s--)
                if (text[s] is not ('\t' or '\n')) return SignatureFrom(text, s, runs);
        }

        return null;
    }

    private static (string Name, int End) SignatureFrom(string text, int start, WhitespaceRuns runs)
    {
        var stop = text.AsSpan(start).IndexOfAny('<', '\n', '\t') is var at and >= 0 ? start + at : text.Length;
        for (var end = start + 1; ; end++)
        {
            if (end == text.Length) return (text[start..end], end);
            var after = runs.End(end);
            if (SignatureStopsAt(text, after)) return (text[start..end], after);
            if (stop < after) return (text[start..end], text.AsSpan(end, after - end).LastIndexOfAny('\t', '\n') + end);
        }
    }

    private static bool SignatureStopsAt(string text, int at) =>
        at == text.Length || text[at] == '<' || (char.IsDigit(text[at]) && DateAt().IsMatch(text, at));

    /// <summary>The officer title: group 1 of <c>Officer \(give title below\)[ ]*([^\t\n]*?)[ ]*(?:\t|\n|Other \(specify|$)</c>.</summary>
    public static string? OfficerTitle(string text)
    {
        const string Label = "Officer (give title below)";
        var label = text.IndexOf(Label, StringComparison.Ordinal);
        if (label < 0) return null;
        var start = label + Label.Length;
        while (start < text.Length && text[start] == ' ') start++;

        // The title always ends by the first tab or newline, so the first label is the match.
        var end = text.AsSpan(start).IndexOfAny('\t', '\n') is var at and >= 0 ? start + at : text.Length;
        var other = text.IndexOf("Other (specify", start, end - start, StringComparison.Ordinal);
        if (other >= 0) end = other;
        while (end > start && text[end - 1] == ' ') end--;
        return text[start..end];
    }

    /// <summary>
    /// The numbered notes of a section: every match of
    /// <c>(?ms)^\s*(?&lt;id&gt;\d{1,2})\.\s+(?&lt;text&gt;.+?)(?=^\s*\d{1,2}\.\s|\z)</c>, as (id, text).
    /// </summary>
    public static List<(string Id, string Text)> Footnotes(string section)
    {
        var notes = new List<(string, string)>();
        var runs = new WhitespaceRuns(section);
        for (var line = 0; line >= 0; line = NextLine(section, line))
        {
            // A note runs to the next line that starts one, where the next match begins.
            while (NoteNumberAt(section, runs, line) is var (id, dot))
            {
                var textStart = runs.End(dot + 1);
                if (textStart == section.Length)
                {
                    // Only whitespace is left: \s+ gives one character back to .+? when it has two, and the note
                    // ends the text; with one, no note starts on this line.
                    if (textStart - (dot + 1) < 2) break;
                    notes.Add((section[id..dot], section[(textStart - 1)..]));
                    return notes;
                }

                var end = NextNoteOrEnd(section, runs, textStart + 1);
                notes.Add((section[id..dot], section[textStart..end]));
                if (end == section.Length) return notes;
                line = end;
            }
        }

        return notes;
    }

    /// <summary>At a line start: <c>\s*(\d{1,2})\.</c> followed by whitespace; the number's start and the dot.</summary>
    private static (int Id, int Dot)? NoteNumberAt(string text, WhitespaceRuns runs, int line)
    {
        var digit = runs.End(line);
        if (digit >= text.Length || !char.IsDigit(text[digit])) return null;
        var dot = digit + 1 < text.Length && char.IsDigit(text[digit + 1]) ? digit + 2 : digit + 1;
        return dot + 1 < text.Length && text[dot] == '.' && char.IsWhiteSpace(text[dot + 1]) ? (digit, dot) : null;
    }

    /// <summary>The first line start at or after <paramref name="from"/> where a numbered note begins, or the end.</summary>
    private static int NextNoteOrEnd(string text, WhitespaceRuns runs, int from)
    {
        var line = from > 0 && text[from - 1] == '\n' ? from : NextLine(text, from);
        while (line >= 0 && line < text.Length)
        {
            if (NoteNumberAt(text, runs, line) is not null) return line;
            line = NextLine(text, line);
        }

        return text.Length;
    }

    private static int NextLine(string text, int from)
    {
        var newline = text.IndexOf('\n', from);
        return newline < 0 ? -1 : newline + 1;
    }

    /// <summary>Removes what <c>\$|&lt;/?u&gt;|\^\{[^}]*\}</c> matches.</summary>
    public static string RemoveMarkup(string text)
    {
        if (text.AsSpan().IndexOfAny('$', '<', '^') < 0) return text;
        var result = new StringBuilder(text.Length);
        var close = -1; // the first '}' at or after the current "^{", or text.Length when there is none
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '$')
            {
                i++;
            }
            else if (c == '<' && text.AsSpan(i).StartsWith("<u>", StringComparison.Ordinal))
            {
                i += 3;
            }
            else if (c == '<' && text.AsSpan(i).StartsWith("</u>", StringComparison.Ordinal))
            {
                i += 4;
            }
            else if (c == '^' && i + 1 < text.Length && text[i + 1] == '{' && ClosingBrace(text, i + 2, ref close) < text.Length)
            {
                i = close + 1;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }

    private static int ClosingBrace(string text, int from, ref int close)
    {
        if (close < from && close != text.Length)
            close = text.IndexOf('}', from) is var at and >= 0 ? at : text.Length;
        return close;
    }

    /// <summary>
    /// "1300 SOUTH SEC" + "300 SOUTH SECOND STREET" = "1300 SOUTH SECOND STREET": the longer text when one holds the
    /// other, else the first joined to the second over their longest overlap of at least 4 characters, else the
    /// longer. The overlap comes from one Knuth-Morris-Pratt pass over the end of the first, where trying every
    /// suffix of the first copied and compared a substring per position.
    /// </summary>
    public static string MergeOverlapping(string first, string second)
    {
        if (Contains(second, first)) return second;
        if (Contains(first, second)) return first;
        var overlap = SuffixPrefixOverlap(first.AsSpan(first.Length - Math.Min(first.Length, second.Length)), second);
        if (overlap >= 4) return string.Concat(first.AsSpan(0, first.Length - overlap), second);
        return first.Length >= second.Length ? first : second;
    }

    /// <summary>
    /// Ordinal containment that stays linear on repetitive text: the vectorised search compares the whole value at
    /// every position whose first and last characters fit, which costs text times value when both are long.
    /// </summary>
    public static bool Contains(string text, string value)
    {
        if (value.Length > text.Length) return false;
        if (value.Length <= 64) return text.Contains(value, StringComparison.Ordinal);
        var failure = Failure(value);
        var matched = 0;
        foreach (var c in text)
        {
            while (matched > 0 && c != value[matched]) matched = failure[matched - 1];
            if (c == value[matched] && ++matched == value.Length) return true;
        }

        return false;
    }

    /// <summary>The length of the longest suffix of <paramref name="text"/> that begins <paramref name="pattern"/> (shorter than it, or all of it).</summary>
    private static int SuffixPrefixOverlap(ReadOnlySpan<char> text, string pattern)
    {
        if (pattern.Length == 0) return 0;
        var failure = Failure(pattern);
        var matched = 0;
        foreach (var c in text)
        {
            while (matched > 0 && (matched == pattern.Length || c != pattern[matched])) matched = failure[matched - 1];
            if (matched < pattern.Length && c == pattern[matched]) matched++;
        }

        return matched;
    }

    /// <summary>Knuth-Morris-Pratt: for each prefix of the pattern, the longest proper prefix that is also its suffix.</summary>
    private static int[] Failure(string pattern)
    {
        var failure = new int[pattern.Length];
        for (int i = 1, k = 0; i < pattern.Length; i++)
        {
            while (k > 0 && pattern[i] != pattern[k]) k = failure[k - 1];
            if (pattern[i] == pattern[k]) k++;
            failure[i] = k;
        }

        return failure;
    }

    private static int TickerEnd(string text, int bracket)
    {
        if (bracket >= text.Length || text[bracket] != '[') return -1;
        var end = bracket + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-')) end++;
        return end > bracket + 1 && end < text.Length && text[end] == ']' ? end : -1;
    }

    [GeneratedRegex(@"\G\b\d{1,2}/\d{1,2}/\d{4}")]
    private static partial Regex DateAt();

    /// <summary>Ends of whitespace runs, remembering the last run so that scanning forward reads each run once.</summary>
    private sealed class WhitespaceRuns(string text)
    {
        private int _start = -1;
        private int _end = -1;

        /// <summary>The first position at or after <paramref name="at"/> that is not whitespace (<c>\s</c>), or the end.</summary>
        public int End(int at)
        {
            if (at >= _start && at <= _end) return _end;
            var end = at;
            while (end < text.Length && char.IsWhiteSpace(text[end])) end++;
            (_start, _end) = (at, end);
            return end;
        }
    }
}
