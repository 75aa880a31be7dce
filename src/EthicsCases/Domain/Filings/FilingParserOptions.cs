namespace EthicsCases.Domain.Filings;

/// <summary>Limits and look-ups for <see cref="OwnershipFilingParser"/>.</summary>
public sealed record FilingParserOptions
{
    /// <summary>Default limits: 5 MB per file.</summary>
    public static FilingParserOptions Default { get; } = new();

    /// <summary>Files larger than this are refused before parsing.</summary>
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Cap on characters in the XML document (guards entity expansion even if a DTD slipped through).</summary>
    public long MaxCharactersInDocument { get; init; } = 10_000_000;

    /// <summary>
    /// Issuer CIKs the caller knows, by ticker. PDF text usually shows no CIK; the parser fills it from here
    /// and otherwise leaves it null rather than guess.
    /// </summary>
    public IReadOnlyDictionary<string, string> IssuerCikByTicker { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
