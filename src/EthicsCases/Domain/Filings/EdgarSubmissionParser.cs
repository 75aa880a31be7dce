using System.Globalization;

namespace EthicsCases.Domain.Filings;

/// <summary>
/// Reads a full EDGAR submission text file: the SGML header (ACCESSION NUMBER, FILED AS OF DATE,
/// ACCEPTANCE-DATETIME in Eastern time) and the ownership XML between &lt;XML&gt; and &lt;/XML&gt;.
/// </summary>
internal static class EdgarSubmissionParser
{
    public static OwnershipFiling Parse(string text, FilingParserOptions options, CancellationToken cancellationToken)
    {
        var headerEnd = text.IndexOf("</SEC-HEADER>", StringComparison.OrdinalIgnoreCase);
        var header = headerEnd >= 0 ? text[..headerEnd] : text[..Math.Min(text.Length, 20_000)];

        string? accession = null;
        DateOnly? filedAsOf = null;
        DateTimeOffset? accepted = null;
        foreach (var rawLine in header.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("<ACCEPTANCE-DATETIME>", StringComparison.OrdinalIgnoreCase))
            {
                var value = line["<ACCEPTANCE-DATETIME>".Length..].Trim();
                if (DateTime.TryParseExact(value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
                    accepted = EasternTime.FromWallClock(wall);
                else
                    throw new FilingParseException($"Invalid ACCEPTANCE-DATETIME '{value}': expected yyyyMMddHHmmss.");
            }
            else if (TryField(line, "ACCESSION NUMBER:", out var a))
            {
                accession = a;
            }
            else if (TryField(line, "FILED AS OF DATE:", out var f))
            {
                filedAsOf = DateOnly.TryParseExact(f, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new FilingParseException($"Invalid FILED AS OF DATE '{f}': expected yyyyMMdd.");
            }
        }

        var xmlStart = text.IndexOf("<XML>", StringComparison.OrdinalIgnoreCase);
        if (xmlStart < 0)
            throw new FilingParseException("EDGAR submission without an <XML> document: not an XML ownership filing (paper or pre-2003 filings are not supported).");
        xmlStart += "<XML>".Length;
        var xmlEnd = text.IndexOf("</XML>", xmlStart, StringComparison.OrdinalIgnoreCase);
        if (xmlEnd < 0) throw new FilingParseException("EDGAR submission: <XML> document is not closed by </XML>.");

        var xml = text[xmlStart..xmlEnd].Trim();
        var filing = EdgarOwnershipXmlParser.Parse(xml, options, FilingSourceFormat.EdgarSubmission, cancellationToken);
        return filing with { AccessionNumber = accession, FiledAsOfDate = filedAsOf, Filed = accepted };
    }

    private static bool TryField(string line, string label, out string value)
    {
        if (line.StartsWith(label, StringComparison.OrdinalIgnoreCase))
        {
            value = line[label.Length..].Trim();
            return value.Length > 0;
        }

        value = string.Empty;
        return false;
    }
}
