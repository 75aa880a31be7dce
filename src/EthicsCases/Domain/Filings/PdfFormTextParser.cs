using System.Globalization;
using System.Text.RegularExpressions;

namespace EthicsCases.Domain.Filings;

/// <summary>
/// Reads the text a PDF extractor gives for a paper-style Form 3/4/5: garbled layout, tab-separated table rows,
/// headings split across cells. Only what the text shows is taken; anything it lacks stays null. Every pass is linear
/// in the text: the patterns that could backtrack over a long line are <see cref="FormTextScans"/>.
/// </summary>
internal static partial class PdfFormTextParser
{
    /// <summary>True when the text looks like a Form 3, 4 or 5.</summary>
    public static bool LooksLikeForm(string text) =>
        text.Contains("BENEFICIAL OWNERSHIP", StringComparison.OrdinalIgnoreCase)
        && (text.Contains("Name and Address", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Table I", StringComparison.OrdinalIgnoreCase));

    public static OwnershipFiling Parse(string text, FilingParserOptions options, CancellationToken cancellationToken)
    {
        CheckLines(text, options);
        cancellationToken.ThrowIfCancellationRequested();
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = text.Split('\n');

        var (documentType, originalDate) = DocumentType(text);
        var issuer = FormTextScans.Issuer(text);
        var ticker = issuer?.Ticker;
        var issuerName = issuer?.Name.Trim();
        var cikMatch = CikPattern().Match(text);
        string? cik = cikMatch.Success
            ? cikMatch.Groups[1].Value.PadLeft(10, '0')
            : ticker is not null && options.IssuerCikByTicker.TryGetValue(ticker, out var known) ? known : null;

        var signature = FormTextScans.Signature(text);
        var signatureName = signature is { } signed ? CleanMarkup(signed.Name).Trim() : null;
        DateOnly? signatureDate = null;
        if (signature is { End: var signatureEnd })
        {
            var after = DatePattern().Match(text, signatureEnd);
            if (after.Success) signatureDate = UsDate(after.Value);
        }

        var earliest = EarliestPattern().Match(text);
        var owner = ParseOwner(lines, text, signatureName);
        cancellationToken.ThrowIfCancellationRequested();
        var (transactions, holdings) = ParseTables(lines, cancellationToken);
        var footnotes = ParseFootnotes(text);

        return new OwnershipFiling
        {
            SourceFormat = FilingSourceFormat.PdfText,
            DocumentType = documentType,
            Issuer = new FilingIssuer(cik, issuerName, ticker),
            ReportingOwners = [owner],
            Transactions = transactions,
            Holdings = holdings,
            Footnotes = footnotes,
            Remarks = Section(text, "Remarks:", ["/s/", "** Signature", "Reminder:"]) is { Length: > 0 } r ? r : null,
            SignatureName = signatureName,
            SignatureDate = signatureDate,
            Aff10b5One = null, // an extracted checkbox's state is not in the text
            DateOfOriginalSubmission = originalDate,
            PeriodOfReport = earliest.Success ? UsDate(earliest.Groups[1].Value) : null,
        };
    }

    /// <summary>
    /// A form's text is a few hundred short lines. Refusing more, or a very long line, bounds the work of the
    /// line-by-line readers whatever the file holds; it is checked before the text is copied or split.
    /// </summary>
    private static void CheckLines(string text, FilingParserOptions options)
    {
        var rest = text.AsSpan();
        for (var line = 1; ; line++)
        {
            if (line > options.MaxFormTextLines)
                throw new FilingParseException($"Form text: more than {options.MaxFormTextLines} lines.");
            var end = rest.IndexOfAny('\r', '\n');
            var length = end < 0 ? rest.Length : end;
            if (length > options.MaxFormTextLineLength)
                throw new FilingParseException(
                    $"Form text: line {line} is {length} characters long, more than the {options.MaxFormTextLineLength}-character limit for a line.");
            if (end < 0) return;
            rest = rest[(end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1))..];
        }
    }

    private static (string Type, DateOnly? Original) DocumentType(string text)
    {
        var form = FormPattern().Match(text);
        var number = form.Success ? form.Groups[1].Value
            : text.Contains("INITIAL STATEMENT OF BENEFICIAL OWNERSHIP", StringComparison.OrdinalIgnoreCase) ? "3"
            : text.Contains("ANNUAL STATEMENT OF CHANGES", StringComparison.OrdinalIgnoreCase) ? "5"
            : text.Contains("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", StringComparison.OrdinalIgnoreCase) ? "4"
            : throw new FilingParseException("Form text: cannot tell whether this is Form 3, 4 or 5.");
        var amendment = AmendmentPattern().Match(text);
        return amendment.Success ? (number + "/A", UsDate(amendment.Groups[1].Value)) : (number, null);
    }

    private static ReportingOwner ParseOwner(string[] lines, string text, string? signatureName)
    {
        var nameLine = lines.FirstOrDefault(l => l.Contains("Name and Address", StringComparison.OrdinalIgnoreCase))
            ?? throw new FilingParseException("Form text: missing required field \"1. Name and Address of Reporting Person\".");
        var cells = nameLine.Split('\t').TakeWhile(c => !c.Contains("2. Issuer", StringComparison.OrdinalIgnoreCase));
        var filedName = Collapse(NameLabelPattern().Replace(string.Join(' ', cells), " "));
        if (filedName.Length == 0 && signatureName is null)
            throw new FilingParseException("Form text: the reporting person's name is missing.");

        // The name box reads "Last First Middle" and extraction garbles letters; the signature spells the name out.
        // Use it when it is the same person (shares the surname), not an attorney-in-fact.
        var surname = filedName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var name = signatureName is not null && surname is not null
            && signatureName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => string.Equals(w.Trim('.', ','), surname, StringComparison.OrdinalIgnoreCase))
            ? signatureName
            : filedName.Length > 0 ? filedName : signatureName!;

        string? officerTitle = null;
        if (FormTextScans.OfficerTitle(text)?.Trim() is { Length: > 0 } t) officerTitle = t;

        return new ReportingOwner
        {
            Name = name,
            IsDirector = Box(text, DirectorLabel(), TickedDirector()),
            IsOfficer = Box(text, OfficerLabel(), TickedOfficer()),
            IsTenPercentOwner = Box(text, TenPercentOwnerLabel(), TickedTenPercentOwner()),
            IsOther = Box(text, OtherLabel(), TickedOther()),
            OfficerTitle = officerTitle,
            Address = ParseAddress(lines),
        };
    }

    /// <summary>True when an "X" precedes the label, false when the label stands unticked, null when the label is not in the text.</summary>
    private static bool? Box(string text, Regex label, Regex ticked) => label.IsMatch(text) ? ticked.IsMatch(text) : null;

    private static OwnerAddress? ParseAddress(string[] lines)
    {
        string? street = null;
        var streetLine = lines.FirstOrDefault(l => l.TrimStart().StartsWith("(Last)", StringComparison.Ordinal));
        if (streetLine is not null)
        {
            var fragments = streetLine.Split('\t')
                .TakeWhile(c => !c.Contains("3. Date", StringComparison.Ordinal))
                .Select(c => Collapse(AddressLabelPattern().Replace(c, " ")))
                .Where(c => c.Length > 0)
                .ToList();
            // The extractor cuts the street into overlapping fragments. Each merge is linear in its two strings, and
            // the line's length cap bounds how many there are.
            foreach (var fragment in fragments) street = street is null ? fragment : FormTextScans.MergeOverlapping(street, fragment);
        }

        string? city = null, state = null, zip = null;
        var cityLine = lines.FirstOrDefault(l => l.Contains("(Street)", StringComparison.Ordinal));
        if (cityLine is not null)
        {
            var cells = cityLine.Split('\t').TakeWhile(c => !c.Contains("4. If Amendment", StringComparison.Ordinal));
            var rest = Collapse(AddressLabelPattern().Replace(string.Join(' ', cells), " "));
            var m = CityStateZipPattern().Match(rest);
            if (m.Success)
            {
                city = m.Groups["city"].Value;
                state = m.Groups["state"].Value;
                zip = m.Groups["zip"].Value;
            }
            else if (rest.Length > 0)
            {
                city = rest;
            }
        }

        return street is null && city is null ? null : new OwnerAddress(street, null, city, state, zip);
    }

    private static (List<OwnershipTransaction>, List<OwnershipHolding>) ParseTables(string[] lines, CancellationToken cancellationToken)
    {
        var transactions = new List<OwnershipTransaction>();
        var holdings = new List<OwnershipHolding>();
        TransactionTable? table = null;
        for (var n = 0; n < lines.Length; n++)
        {
            if (n % 1024 == 1023) cancellationToken.ThrowIfCancellationRequested();
            var line = lines[n];
            if (line.StartsWith("Table I -", StringComparison.OrdinalIgnoreCase)) { table = TransactionTable.NonDerivative; continue; }
            if (line.StartsWith("Table II", StringComparison.OrdinalIgnoreCase)) { table = TransactionTable.Derivative; continue; }
            if (line.StartsWith("Explanation of Responses", StringComparison.OrdinalIgnoreCase)) break;
            if (table is null || !line.Contains('\t', StringComparison.Ordinal)) continue;

            // Extractors escape dollar signs LaTeX-style, with a backslash.
            var cells = line.Split('\t').Select(c => c.Replace("\\", string.Empty, StringComparison.Ordinal).Trim()).ToArray();
            if (cells[0].Length == 0 || char.IsDigit(cells[0][0]) || cells[0].StartsWith('-')) continue;
            if (table == TransactionTable.NonDerivative)
            {
                if (ParseNonDerivativeRow(cells) is { } t) transactions.Add(t);
                else if (ParseHoldingRow(cells) is { } h) holdings.Add(h);
            }
            else if (ParseDerivativeRow(cells) is { } d)
            {
                transactions.Add(d);
            }
        }

        return (transactions, holdings);
    }

    private static OwnershipTransaction? ParseNonDerivativeRow(string[] cells)
    {
        if (cells.Length < 3 || !IsDate(cells[1])) return null;
        var tokens = cells.Skip(2).Where(c => c.Length > 0).ToList();
        var footnotes = new List<string>();
        var i = 0;
        string Next() => i < tokens.Count ? tokens[i] : string.Empty;

        DateOnly? deemed = null;
        if (IsDate(Next())) deemed = UsDate(tokens[i++]);
        var codeMatch = CodePattern().Match(Next());
        if (!codeMatch.Success) return null;
        var code = codeMatch.Groups[1].Value;
        var codeFootnotes = Markers(tokens[i++]);
        footnotes.AddRange(codeFootnotes);
        bool? voluntary = null;
        if (Next() == "V") { voluntary = true; i++; }
        var shares = Amount(Next(), footnotes);
        if (shares is not null) i++;
        string? acquiredDisposed = null;
        if (FlagPattern().Match(Next()) is { Success: true } ad && ad.Groups[1].Value is "A" or "D")
        {
            acquiredDisposed = ad.Groups[1].Value;
            footnotes.AddRange(Markers(tokens[i++]));
        }

        decimal? price = null;
        if (Next().StartsWith('$') || (i + 1 < tokens.Count && Amount(tokens[i + 1], []) is not null && Amount(Next(), []) is not null))
        {
            price = Amount(tokens[i++], footnotes);
        }
        else if (MarkerOnlyPattern().IsMatch(Next()))
        {
            footnotes.AddRange(Markers(tokens[i++])); // price given only as a footnote
        }

        var owned = Amount(Next(), footnotes);
        if (owned is not null) i++;
        string? ownership = null;
        if (FlagPattern().Match(Next()) is { Success: true } di && di.Groups[1].Value is "D" or "I")
        {
            ownership = di.Groups[1].Value;
            footnotes.AddRange(Markers(tokens[i++]));
        }

        var nature = i < tokens.Count ? Collapse(string.Join(' ', tokens.Skip(i))) : null;
        return new OwnershipTransaction
        {
            Table = TransactionTable.NonDerivative,
            Security = StripMarkers(cells[0], footnotes),
            Date = UsDate(cells[1]),
            DeemedExecutionDate = deemed,
            Code = code,
            Voluntary = voluntary,
            Shares = shares,
            Price = price,
            AcquiredDisposed = acquiredDisposed,
            SharesOwnedFollowing = owned,
            Ownership = ownership,
            NatureOfOwnership = string.IsNullOrEmpty(nature) ? null : nature,
            FootnoteIds = footnotes.Distinct().ToList(),
            CodeFootnoteIds = codeFootnotes,
        };
    }

    private static OwnershipHolding? ParseHoldingRow(string[] cells)
    {
        var tokens = cells.Skip(1).Where(c => c.Length > 0).ToList();
        if (tokens.Count == 0) return null;
        var footnotes = new List<string>();
        var owned = Amount(tokens[0], footnotes);
        if (owned is null) return null;
        var ownership = tokens.Count > 1 && FlagPattern().Match(tokens[1]) is { Success: true } m ? m.Groups[1].Value : null;
        return new OwnershipHolding
        {
            Table = TransactionTable.NonDerivative,
            Security = StripMarkers(cells[0], footnotes),
            SharesOwnedFollowing = owned,
            Ownership = ownership,
            NatureOfOwnership = tokens.Count > 2 ? Collapse(string.Join(' ', tokens.Skip(2))) : null,
            FootnoteIds = footnotes,
        };
    }

    /// <summary>Table II rows are positional: the layout has too many optional columns to read by token shape.</summary>
    private static OwnershipTransaction? ParseDerivativeRow(string[] cells)
    {
        string Cell(int index) => index < cells.Length ? cells[index] : string.Empty;
        if (!IsDate(Cell(2))) return null;
        var codeMatch = CodePattern().Match(Cell(4));
        if (!codeMatch.Success) return null;
        var footnotes = new List<string>();
        var codeFootnotes = Markers(Cell(4));
        footnotes.AddRange(codeFootnotes);
        var acquired = Amount(Cell(6), footnotes);
        var disposed = Amount(Cell(7), footnotes);
        var ownership = FlagPattern().Match(Cell(14));
        return new OwnershipTransaction
        {
            Table = TransactionTable.Derivative,
            Security = StripMarkers(cells[0], footnotes),
            ConversionOrExercisePrice = Amount(Cell(1), footnotes),
            Date = UsDate(Cell(2)),
            DeemedExecutionDate = IsDate(Cell(3)) ? UsDate(Cell(3)) : null,
            Code = codeMatch.Groups[1].Value,
            Voluntary = Cell(5) == "V" ? true : null,
            Shares = acquired ?? disposed,
            AcquiredDisposed = acquired is not null ? "A" : disposed is not null ? "D" : null,
            UnderlyingSecurity = Cell(10).Length > 0 ? StripMarkers(Cell(10), footnotes) : null,
            UnderlyingShares = Amount(Cell(11), footnotes),
            Price = Amount(Cell(12), footnotes),
            SharesOwnedFollowing = Amount(Cell(13), footnotes),
            Ownership = ownership.Success ? ownership.Groups[1].Value : null,
            NatureOfOwnership = Cell(15).Length > 0 ? Cell(15) : null,
            FootnoteIds = footnotes.Distinct().ToList(),
            CodeFootnoteIds = codeFootnotes,
        };
    }

    private static Dictionary<string, string> ParseFootnotes(string text)
    {
        var footnotes = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = Section(text, "Explanation of Responses:", ["Remarks:", "/s/", "** Signature", "Reminder:"]);
        if (section.Length == 0) return footnotes;
        foreach (var (id, note) in FormTextScans.Footnotes(section))
            footnotes["F" + id] = Collapse(note);
        return footnotes;
    }

    /// <summary>The cleaned text from a heading to the first of the end markers.</summary>
    private static string Section(string text, string heading, string[] ends)
    {
        var start = text.IndexOf(heading, StringComparison.OrdinalIgnoreCase);
        if (start < 0) return string.Empty;
        start += heading.Length;
        var end = text.Length;
        foreach (var marker in ends)
        {
            var at = text.IndexOf(marker, start, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at < end) end = at;
        }

        return CleanMarkup(text[start..end]).Trim();
    }

    /// <summary>Extractors leave LaTeX-ish math ("$1.\ Amount\ represents$") and HTML underline tags.</summary>
    private static string CleanMarkup(string text) =>
        FormTextScans.RemoveMarkup(text.Replace("\\ ", " ", StringComparison.Ordinal));

    private static List<string> Markers(string cell) =>
        MarkerPattern().Matches(cell).Select(m => "F" + m.Groups[1].Value).ToList();

    private static string StripMarkers(string cell, List<string> footnotes)
    {
        footnotes.AddRange(Markers(cell));
        return Collapse(MarkerPattern().Replace(cell, string.Empty));
    }

    private static decimal? Amount(string cell, List<string> footnotes)
    {
        var bare = MarkerPattern().Replace(cell, string.Empty).Replace("$", string.Empty, StringComparison.Ordinal).Trim();
        if (bare.Length == 0 || !decimal.TryParse(bare, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return null;
        footnotes.AddRange(Markers(cell));
        return value;
    }

    private static bool IsDate(string cell) => UsDatePattern().IsMatch(cell);

    private static DateOnly UsDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["M/d/yyyy", "MM/dd/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FilingParseException($"Form text: invalid date '{text}'.");

    private static string Collapse(string text) => WhitespacePattern().Replace(text, " ").Trim();

    [GeneratedRegex(@"^\s*FORM\s+([345])\b", RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"If Amendment, Date of Original Filed\s*\(Month/Day/Year\)\s*(\d{1,2}/\d{1,2}/\d{4})")]
    private static partial Regex AmendmentPattern();

    [GeneratedRegex(@"\bCIK\b[:#\s]*(\d{1,10})\b")]
    private static partial Regex CikPattern();

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{4}\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{1,2}/\d{1,2}/\d{4}$")]
    private static partial Regex UsDatePattern();

    [GeneratedRegex(@"Date of Earliest Transaction\s*\(Month/Day/Year\)\s*(\d{1,2}/\d{1,2}/\d{4})")]
    private static partial Regex EarliestPattern();

    [GeneratedRegex(@"1\.\s*Name and Address|of Reporting Person\*?", RegexOptions.IgnoreCase)]
    private static partial Regex NameLabelPattern();

    [GeneratedRegex(@"\(?\.?(?:Last|ast|First|Middle|Street|City|State|Zip)\)")]
    private static partial Regex AddressLabelPattern();

    [GeneratedRegex(@"^(?<city>.+?)\s+(?<state>[A-Z]{2})\s+(?<zip>\d{5}(?:-\d{4})?)$")]
    private static partial Regex CityStateZipPattern();

    [GeneratedRegex(@"^([A-Z])(?:\(\d+\))*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\(?([ADI])\)?(?:\(\d+\))*$")]
    private static partial Regex FlagPattern();

    [GeneratedRegex(@"\((\d{1,2})\)")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^(?:\(\d{1,2}\))+$")]
    private static partial Regex MarkerOnlyPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"Director\b")]
    private static partial Regex DirectorLabel();

    [GeneratedRegex(@"(?<![A-Za-z])X[ \t]+Director\b")]
    private static partial Regex TickedDirector();

    [GeneratedRegex(@"Officer \(give title below\)")]
    private static partial Regex OfficerLabel();

    [GeneratedRegex(@"(?<![A-Za-z])X[ \t]+Officer \(give title below\)")]
    private static partial Regex TickedOfficer();

    [GeneratedRegex(@"10% Owner")]
    private static partial Regex TenPercentOwnerLabel();

    [GeneratedRegex(@"(?<![A-Za-z])X[ \t]+10% Owner")]
    private static partial Regex TickedTenPercentOwner();

    [GeneratedRegex(@"Other \(specify below\)")]
    private static partial Regex OtherLabel();

    [GeneratedRegex(@"(?<![A-Za-z])X[ \t]+Other \(specify below\)")]
    private static partial Regex TickedOther();
}
