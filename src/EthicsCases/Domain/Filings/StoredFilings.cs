namespace EthicsCases.Domain.Filings;

/// <summary>
/// An imported Section 16 ownership report (Form 3, 4 or 5). Stored once: <see cref="IdempotencyKey"/> is the EDGAR
/// accession number when the file shows it, else the SHA-256 of the file's bytes, and is unique.
/// </summary>
public sealed class OwnershipFilingRecord
{
    public Guid Id { get; set; }

    /// <summary>"accession:0001127602-25-001055" or "sha256:HEX"; unique, so the same filing is never stored twice.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary>EDGAR accession number, when known.</summary>
    public string? AccessionNumber { get; set; }

    /// <summary>SHA-256 (hex) of the imported bytes.</summary>
    public string ContentSha256 { get; set; } = "";

    /// <summary>
    /// SHA-256 (hex) of what the filing says (form, issuer, owners' names, signature date, transactions), so the same
    /// report arriving in another format (bare XML, then the full submission or the PDF text) is not stored twice.
    /// </summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>"3", "4", "4/A", "5"...</summary>
    public string DocumentType { get; set; } = "";

    /// <summary>EdgarXml, EdgarSubmission or PdfText.</summary>
    public string SourceFormat { get; set; } = "";

    /// <summary>Issuer CIK, when known.</summary>
    public string? IssuerCik { get; set; }

    public string? IssuerName { get; set; }

    public string? IssuerTicker { get; set; }

    /// <summary>The issuer CIK without leading zeros, else the normalised issuer name: groups filings for Section 16(b).</summary>
    public string IssuerKey { get; set; } = "";

    public DateOnly? SignatureDate { get; set; }

    public DateOnly? PeriodOfReport { get; set; }

    /// <summary>Amendments: date of the original filing.</summary>
    public DateOnly? DateOfOriginalSubmission { get; set; }

    /// <summary>The Rule 10b5-1(c) box.</summary>
    public bool? Aff10b5One { get; set; }

    /// <summary>The day the filing counts as filed; null when unknown.</summary>
    public DateOnly? Filed { get; set; }

    /// <summary>Transmission time as known, e.g. "2024-03-25" or "2025-03-18 20:14 ET".</summary>
    public string? FiledAt { get; set; }

    /// <summary>Due date under Rule 16a-3.</summary>
    public DateOnly? Due { get; set; }

    /// <summary>Filed after the due date; null when unknown.</summary>
    public bool? Late { get; set; }

    /// <summary>Business days after the due date.</summary>
    public int? BusinessDaysLate { get; set; }

    /// <summary>Transactions reported late (see <see cref="Form4CheckResult.LateTransactions"/>).</summary>
    public int? LateTransactions { get; set; }

    /// <summary>Version of the SEC calendar the due date was computed with.</summary>
    public string CalendarVersion { get; set; } = "";

    /// <summary>The file name as imported.</summary>
    public string SourceFileName { get; set; } = "";

    /// <summary>When it was imported (UTC).</summary>
    public DateTime ImportedAt { get; set; }

    /// <summary>Reporting owners, in document order.</summary>
    public List<ReportingOwnerRecord> ReportingOwners { get; set; } = [];

    /// <summary>Transactions of both tables, in document order.</summary>
    public List<OwnershipTransactionRecord> Transactions { get; set; } = [];

    /// <summary>What the check found, and the concern each warranting finding became.</summary>
    public List<FilingFindingRecord> Findings { get; set; } = [];

    /// <summary>
    /// The stored filing as the parsed-filing model, with the given owners (the analyses key insiders by
    /// <see cref="ReportingOwner.Cik"/>, so callers pass owners whose CIK is their cross-filing insider key).
    /// </summary>
    public OwnershipFiling ToModel(IReadOnlyList<ReportingOwner> owners) => new()
    {
        SourceFormat = Enum.TryParse<FilingSourceFormat>(SourceFormat, out var format) ? format : FilingSourceFormat.EdgarXml,
        DocumentType = DocumentType,
        Issuer = new FilingIssuer(IssuerCik, IssuerName, IssuerTicker),
        ReportingOwners = owners,
        Transactions = Transactions.OrderBy(t => t.Ordinal).Select(t => t.ToModel()).ToList(),
        SignatureDate = SignatureDate,
        PeriodOfReport = PeriodOfReport,
        DateOfOriginalSubmission = DateOfOriginalSubmission,
        Aff10b5One = Aff10b5One,
        AccessionNumber = AccessionNumber,
    };
}

/// <summary>How a reporting owner was matched to the directory.</summary>
public enum OwnerMatch
{
    /// <summary>The directory person carries the owner's CIK.</summary>
    Cik,

    /// <summary>Exactly one directory person has the same normalised name.</summary>
    ExactName,

    /// <summary>A near or ambiguous name match: a person must decide; not linked.</summary>
    NeedsReview,

    /// <summary>Nobody in the directory resembles the owner: listed for review.</summary>
    NotInDirectory,
}

/// <summary>A reporting owner of a stored filing and its link to the directory.</summary>
public sealed class ReportingOwnerRecord
{
    public Guid Id { get; set; }

    public Guid FilingId { get; set; }

    /// <summary>Position in the document.</summary>
    public int Ordinal { get; set; }

    /// <summary>Owner CIK, when given.</summary>
    public string? Cik { get; set; }

    /// <summary>Name as filed.</summary>
    public string Name { get; set; } = "";

    /// <summary>Upper-case words in order ("AUSTE GRAHAM M"): the name key.</summary>
    public string NormalisedName { get; set; } = "";

    /// <summary>Director box.</summary>
    public bool? IsDirector { get; set; }

    /// <summary>Officer box.</summary>
    public bool? IsOfficer { get; set; }

    /// <summary>10% owner box.</summary>
    public bool? IsTenPercentOwner { get; set; }

    public string? OfficerTitle { get; set; }

    /// <summary>The linked directory person, when matched surely.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>How the match was made (or why not).</summary>
    public OwnerMatch Match { get; set; }

    /// <summary>For the review list: why the owner was not linked and who the candidates are.</summary>
    public string? ReviewNote { get; set; }
}

/// <summary>A transaction row of a stored filing.</summary>
public sealed class OwnershipTransactionRecord
{
    public Guid Id { get; set; }

    public Guid FilingId { get; set; }

    /// <summary>Position in the document.</summary>
    public int Ordinal { get; set; }

    /// <summary>"nonDerivative" or "derivative".</summary>
    public string Table { get; set; } = "";

    /// <summary>Title of security.</summary>
    public string Security { get; set; } = "";

    /// <summary>Transaction date.</summary>
    public DateOnly Date { get; set; }

    public DateOnly? DeemedExecutionDate { get; set; }

    /// <summary>Transaction code.</summary>
    public string Code { get; set; } = "";

    /// <summary>Form the transaction is reported under, when given.</summary>
    public string? FormType { get; set; }

    /// <summary>"E", "L" or null.</summary>
    public string? Timeliness { get; set; }

    public decimal? Shares { get; set; }

    /// <summary>Price per share.</summary>
    public decimal? Price { get; set; }

    /// <summary>"A" or "D".</summary>
    public string? AcquiredDisposed { get; set; }

    /// <summary>Amount owned following.</summary>
    public decimal? SharesOwnedFollowing { get; set; }

    /// <summary>"D" or "I".</summary>
    public string? Ownership { get; set; }

    /// <summary>Footnote ids cited in the row, space-separated.</summary>
    public string? FootnoteIds { get; set; }

    /// <summary>The row as the parsed-filing model (for the Section 16(b) and Item 405 analyses).</summary>
    public OwnershipTransaction ToModel() => new()
    {
        Table = Table == "derivative" ? TransactionTable.Derivative : TransactionTable.NonDerivative,
        Security = Security,
        Date = Date,
        DeemedExecutionDate = DeemedExecutionDate,
        Code = Code,
        FormType = FormType,
        Timeliness = Timeliness,
        Shares = Shares,
        Price = Price,
        AcquiredDisposed = AcquiredDisposed,
        SharesOwnedFollowing = SharesOwnedFollowing,
        Ownership = Ownership,
        FootnoteIds = FootnoteIds?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
    };
}

/// <summary>A finding of the check on a stored filing, with the concern it became when it warranted one.</summary>
public sealed class FilingFindingRecord
{
    public Guid Id { get; set; }

    public Guid FilingId { get; set; }

    /// <summary>One of <see cref="FindingCodes"/>.</summary>
    public string Code { get; set; } = "";

    /// <summary>The finding's message.</summary>
    public string Message { get; set; } = "";

    /// <summary>The concern filed for it, when it warranted one.</summary>
    public Guid? CaseId { get; set; }
}

/// <summary>
/// A Section 16(b) purchase/sale pair already reported in a concern, so a later import that re-runs the analysis
/// over all stored filings reports only new pairs.
/// </summary>
public sealed class ShortSwingPairRecord
{
    public Guid Id { get; set; }

    /// <summary>The insider: "person:ID" when linked, else the CIK, else the normalised name.</summary>
    public string InsiderKey { get; set; } = "";

    /// <summary>See <see cref="OwnershipFilingRecord.IssuerKey"/>.</summary>
    public string IssuerKey { get; set; } = "";

    public DateOnly PurchaseDate { get; set; }

    public decimal PurchasePrice { get; set; }

    public DateOnly SaleDate { get; set; }

    public decimal SalePrice { get; set; }

    /// <summary>Shares matched when reported.</summary>
    public decimal Shares { get; set; }

    /// <summary>Estimated profit of the pair when reported.</summary>
    public decimal Profit { get; set; }

    /// <summary>The concern that reported it.</summary>
    public Guid CaseId { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime ReportedAt { get; set; }
}
