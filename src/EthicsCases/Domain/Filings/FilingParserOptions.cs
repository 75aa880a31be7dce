namespace EthicsCases.Domain.Filings;

/// <summary>
/// Limits and look-ups for <see cref="OwnershipFilingParser"/>. Every limit keeps a hostile file's cost linear in its
/// size and small: a file over one is refused with a <see cref="FilingParseException"/> naming the limit.
/// </summary>
public sealed record FilingParserOptions
{
    /// <summary>Default limits: 5 MB per file; 64 levels, 200,000 nodes and 10,000 attributes of XML; 20,000 lines of form text, of at most 32,768 characters.</summary>
    public static FilingParserOptions Default { get; } = new();

    /// <summary>Files larger than this are refused before parsing.</summary>
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Cap on characters in the XML document (guards entity expansion even if a DTD slipped through).</summary>
    public long MaxCharactersInDocument { get; init; } = 10_000_000;

    /// <summary>Deepest element nesting read from XML. Ownership documents nest about 6 deep.</summary>
    public int MaxXmlDepth { get; init; } = 64;

    /// <summary>Most XML nodes (elements, attributes, text) read from one document; a real Form 4 has a few hundred to a few thousand.</summary>
    public int MaxXmlNodes { get; init; } = 200_000;

    /// <summary>
    /// Most attributes in one XML document; a real Form 4 has fewer than a hundred. The XML reader takes in all the
    /// attributes of a start tag at once, more slowly the more there are, so they are counted on the raw text before
    /// reading: each attribute is written with one <c>=</c>, and every <c>=</c> counts (the few in text too).
    /// </summary>
    public int MaxXmlAttributes { get; init; } = 10_000;

    /// <summary>Longest line of PDF form text. Extracted lines are a few hundred characters; a whole paragraph is a few thousand.</summary>
    public int MaxFormTextLineLength { get; init; } = 32_768;

    /// <summary>Most lines of PDF form text. A form with a hundred transactions and their footnotes has well under a thousand.</summary>
    public int MaxFormTextLines { get; init; } = 20_000;

    /// <summary>Most files one request may have parsed (see <see cref="FilingParseBudget"/>).</summary>
    public int MaxFilesPerRequest { get; init; } = 50;

    /// <summary>Most bytes, over all its files, one request may have parsed (see <see cref="FilingParseBudget"/>).</summary>
    public long MaxBytesPerRequest { get; init; } = 50L * 1024 * 1024;

    /// <summary>
    /// Issuer CIKs the caller knows, by ticker. PDF text usually shows no CIK; the parser fills it from here
    /// and otherwise leaves it null rather than guess.
    /// </summary>
    public IReadOnlyDictionary<string, string> IssuerCikByTicker { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
