namespace EthicsCases.Domain.Filings;

/// <summary>Where a parsed filing came from; the parser picks one by looking at the bytes.</summary>
public enum FilingSourceFormat
{
    /// <summary>An EDGAR <c>ownershipDocument</c> XML file.</summary>
    EdgarXml,

    /// <summary>A full EDGAR submission text file (SGML header, then the XML document).</summary>
    EdgarSubmission,

    /// <summary>Text extracted from a PDF (paper-style) Form 3, 4 or 5.</summary>
    PdfText,
}

/// <summary>Table I (non-derivative) or Table II (derivative) of the form.</summary>
public enum TransactionTable
{
    /// <summary>Table I.</summary>
    NonDerivative,

    /// <summary>Table II.</summary>
    Derivative,
}

/// <summary>
/// One Section 16 ownership report (Form 3, 4 or 5, or an amendment), whatever format it arrived in.
/// Absent values are null rather than guessed.
/// </summary>
public sealed record OwnershipFiling
{
    /// <summary>Format the filing was parsed from.</summary>
    public required FilingSourceFormat SourceFormat { get; init; }

    /// <summary>EDGAR schema version (X0306...X0609) when known.</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>Form type as filed: "3", "4", "4/A", "5", "5/A"...</summary>
    public required string DocumentType { get; init; }

    /// <summary>The form number without the amendment suffix: 3, 4 or 5 (0 when unknown).</summary>
    public int FormNumber => DocumentType.Length > 0 && char.IsAsciiDigit(DocumentType[0]) ? DocumentType[0] - '0' : 0;

    /// <summary>True for "/A" forms.</summary>
    public bool IsAmendment => DocumentType.EndsWith("/A", StringComparison.OrdinalIgnoreCase);

    /// <summary>The company whose securities are reported.</summary>
    public required FilingIssuer Issuer { get; init; }

    /// <summary>The insiders reporting (one or more).</summary>
    public required IReadOnlyList<ReportingOwner> ReportingOwners { get; init; }

    /// <summary>Table I and Table II transactions, in document order.</summary>
    public IReadOnlyList<OwnershipTransaction> Transactions { get; init; } = [];

    /// <summary>Table I and Table II holdings (rows without a transaction).</summary>
    public IReadOnlyList<OwnershipHolding> Holdings { get; init; } = [];

    /// <summary>Footnote id ("F1") to text.</summary>
    public IReadOnlyDictionary<string, string> Footnotes { get; init; } = new Dictionary<string, string>();

    /// <summary>Free-text remarks.</summary>
    public string? Remarks { get; init; }

    /// <summary>Date of the (first) signature.</summary>
    public DateOnly? SignatureDate { get; init; }

    /// <summary>Name on the (first) signature line.</summary>
    public string? SignatureName { get; init; }

    /// <summary>The Rule 10b5-1(c) checkbox (schema X0508 on); null when the document does not say.</summary>
    public bool? Aff10b5One { get; init; }

    /// <summary>For amendments: the date of the original filing.</summary>
    public DateOnly? DateOfOriginalSubmission { get; init; }

    /// <summary>Period of report (date of the earliest transaction, the event for Form 3, the fiscal year end for Form 5).</summary>
    public DateOnly? PeriodOfReport { get; init; }

    /// <summary>When EDGAR accepted the submission (from the submission header's ACCEPTANCE-DATETIME, Eastern time).</summary>
    public DateTimeOffset? Filed { get; init; }

    /// <summary>EDGAR's "FILED AS OF DATE" from the submission header.</summary>
    public DateOnly? FiledAsOfDate { get; init; }

    /// <summary>EDGAR accession number, e.g. 0001127602-25-001055.</summary>
    public string? AccessionNumber { get; init; }

    /// <summary>True when the "no longer subject to Section 16" box is ticked.</summary>
    public bool? NotSubjectToSection16 { get; init; }
}

/// <summary>The issuer of the securities.</summary>
/// <param name="Cik">Ten-digit SEC central index key, null when the document does not show it.</param>
/// <param name="Name">Issuer name.</param>
/// <param name="Ticker">Trading symbol.</param>
public sealed record FilingIssuer(string? Cik, string? Name, string? Ticker);

/// <summary>A reporting person and their relationship to the issuer. Null booleans: the document does not say.</summary>
public sealed record ReportingOwner
{
    /// <summary>Ten-digit SEC central index key.</summary>
    public string? Cik { get; init; }

    /// <summary>Name as filed (EDGAR XML: "Last First Middle"; PDF: as signed).</summary>
    public required string Name { get; init; }

    /// <summary>Director box.</summary>
    public bool? IsDirector { get; init; }

    /// <summary>Officer box.</summary>
    public bool? IsOfficer { get; init; }

    /// <summary>10% owner box.</summary>
    public bool? IsTenPercentOwner { get; init; }

    /// <summary>Other box.</summary>
    public bool? IsOther { get; init; }

    /// <summary>Officer title as written.</summary>
    public string? OfficerTitle { get; init; }

    /// <summary>"Other" relationship text.</summary>
    public string? OtherText { get; init; }

    /// <summary>Mailing address.</summary>
    public OwnerAddress? Address { get; init; }
}

/// <summary>A reporting owner's mailing address, as written.</summary>
public sealed record OwnerAddress(string? Street1, string? Street2, string? City, string? State, string? ZipCode)
{
    /// <summary>One line, street and city in title case: "1300 South Second Street, Pekin, IL 61554".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Street1)) parts.Add(TitleCase(Street1));
        if (!string.IsNullOrWhiteSpace(Street2)) parts.Add(TitleCase(Street2));
        if (!string.IsNullOrWhiteSpace(City)) parts.Add(TitleCase(City));
        var stateZip = string.Join(' ', new[] { State, ZipCode }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (stateZip.Length > 0) parts.Add(stateZip);
        return string.Join(", ", parts);
    }

    private static string TitleCase(string text)
    {
        var chars = text.Trim().ToCharArray();
        var startOfWord = true;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsLetter(c))
            {
                chars[i] = startOfWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                startOfWord = false;
            }
            else
            {
                // A separator starts a new word ("C/O" -> "C/O"); digits and apostrophes do not ("2ND" -> "2nd", "DON'T" -> "Don't").
                startOfWord = !char.IsDigit(c) && c != '\'';
            }
        }

        return new string(chars);
    }
}

/// <summary>One transaction row of Table I or Table II.</summary>
public sealed record OwnershipTransaction
{
    public required TransactionTable Table { get; init; }

    /// <summary>Title of security.</summary>
    public required string Security { get; init; }

    /// <summary>Transaction date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Deemed execution date (Rule 16a-3(g)(2)/(3)), when given.</summary>
    public DateOnly? DeemedExecutionDate { get; init; }

    /// <summary>The date the filing deadline runs from: the deemed execution date when given.</summary>
    public DateOnly EffectiveDate => DeemedExecutionDate ?? Date;

    /// <summary>Transaction code (P, S, A, D, F, M, G, J...).</summary>
    public required string Code { get; init; }

    /// <summary>The form the transaction is reported under ("4" or "5"), when given.</summary>
    public string? FormType { get; init; }

    /// <summary>Transaction timeliness: "E" (early), "L" (late) or null.</summary>
    public string? Timeliness { get; init; }

    /// <summary>V box: voluntarily reported.</summary>
    public bool? Voluntary { get; init; }

    /// <summary>Number of shares (or derivative securities).</summary>
    public decimal? Shares { get; init; }

    /// <summary>Price per share; null when none is given (e.g. only a footnote).</summary>
    public decimal? Price { get; init; }

    /// <summary>"A" (acquired) or "D" (disposed).</summary>
    public string? AcquiredDisposed { get; init; }

    /// <summary>Amount beneficially owned following the transaction.</summary>
    public decimal? SharesOwnedFollowing { get; init; }

    /// <summary>"D" (direct) or "I" (indirect).</summary>
    public string? Ownership { get; init; }

    /// <summary>Nature of indirect ownership.</summary>
    public string? NatureOfOwnership { get; init; }

    /// <summary>Derivative only: conversion or exercise price.</summary>
    public decimal? ConversionOrExercisePrice { get; init; }

    /// <summary>Derivative only: title of the underlying security.</summary>
    public string? UnderlyingSecurity { get; init; }

    /// <summary>Derivative only: number of underlying shares.</summary>
    public decimal? UnderlyingShares { get; init; }

    /// <summary>Every footnote id cited anywhere in the row, in order, without duplicates.</summary>
    public IReadOnlyList<string> FootnoteIds { get; init; } = [];

    /// <summary>Footnote ids cited on the transaction code itself.</summary>
    public IReadOnlyList<string> CodeFootnoteIds { get; init; } = [];
}

/// <summary>A holding row (no transaction) of Table I or Table II.</summary>
public sealed record OwnershipHolding
{
    public required TransactionTable Table { get; init; }

    /// <summary>Title of security.</summary>
    public required string Security { get; init; }

    /// <summary>Amount beneficially owned.</summary>
    public decimal? SharesOwnedFollowing { get; init; }

    /// <summary>"D" or "I".</summary>
    public string? Ownership { get; init; }

    /// <summary>Nature of indirect ownership.</summary>
    public string? NatureOfOwnership { get; init; }

    /// <summary>Footnote ids cited in the row.</summary>
    public IReadOnlyList<string> FootnoteIds { get; init; } = [];
}
