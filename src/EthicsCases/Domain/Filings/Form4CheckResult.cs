using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Filings;

/// <summary>
/// One element of the <c>ethics form4 check</c> JSON array (docs/contract.md). Names and shapes are public: add fields,
/// never rename. Dates serialise as yyyy-MM-dd, absent values as null.
/// </summary>
public sealed record Form4CheckResult
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    /// <summary>The file checked, as given.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }

    /// <summary>"3", "4", "4/A", "5"...</summary>
    [JsonPropertyName("documentType")] public required string DocumentType { get; init; }

    /// <summary>Issuer.</summary>
    [JsonPropertyName("issuer")] public required IssuerResult Issuer { get; init; }

    /// <summary>Reporting owners.</summary>
    [JsonPropertyName("reportingOwners")] public required IReadOnlyList<ReportingOwnerResult> ReportingOwners { get; init; }

    /// <summary>Transactions of both tables.</summary>
    [JsonPropertyName("transactions")] public required IReadOnlyList<TransactionResult> Transactions { get; init; }

    /// <summary>Signature date.</summary>
    [JsonPropertyName("signatureDate")] public DateOnly? SignatureDate { get; init; }

    /// <summary>The day the filing counts as filed (after 10 pm ET or on a closed day: the next business day); null when unknown.</summary>
    [JsonPropertyName("filed")] public DateOnly? Filed { get; init; }

    /// <summary>Due date under Rule 16a-3.</summary>
    [JsonPropertyName("due")] public DateOnly? Due { get; init; }

    /// <summary>True when filed after the due date; null when the filing date or the due date is unknown.</summary>
    [JsonPropertyName("late")] public bool? Late { get; init; }

    /// <summary>Findings.</summary>
    [JsonPropertyName("findings")] public required IReadOnlyList<FilingFinding> Findings { get; init; }

    /// <summary>Business days after the due date (0 when timely, null when unknown).</summary>
    [JsonPropertyName("businessDaysLate")] public int? BusinessDaysLate { get; init; }

    /// <summary>Transactions reported late: on a late Form 4, those past their own deadline; on a Form 5, those that belonged on a Form 4.</summary>
    [JsonPropertyName("lateTransactions")] public int? LateTransactions { get; init; }

    /// <summary>Transmission time as known (Eastern), e.g. "2025-03-18 20:14 ET".</summary>
    [JsonPropertyName("filedAt")] public string? FiledAt { get; init; }

    /// <summary>EDGAR accession number when the submission header was read.</summary>
    [JsonPropertyName("accessionNumber")] public string? AccessionNumber { get; init; }

    /// <summary>Version of the SEC closure calendar used for the due date.</summary>
    [JsonPropertyName("calendarVersion")] public required string CalendarVersion { get; init; }

    /// <summary>The parsed filing, for callers that go on to import it or run the short-swing analyzer.</summary>
    [JsonIgnore] public OwnershipFiling Filing { get; init; } = null!;

    /// <summary>The contract JSON for a list of results.</summary>
    public static string ToJson(IEnumerable<Form4CheckResult> results) => JsonSerializer.Serialize(results, JsonOptions);

    /// <summary>The contract JSON for this result.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// The array element for a file that could not be read: the contract's fields present (null or empty) so consumers
    /// can iterate safely, plus the reason. Shared by the CLI and the API.
    /// </summary>
    public static JsonObject Unreadable(string file, string reason) => new()
    {
        ["file"] = file,
        ["documentType"] = null,
        ["issuer"] = null,
        ["reportingOwners"] = new JsonArray(),
        ["transactions"] = new JsonArray(),
        ["signatureDate"] = null,
        ["filed"] = null,
        ["due"] = null,
        ["late"] = null,
        ["findings"] = new JsonArray(),
        ["error"] = reason,
    };
}

/// <summary>Issuer in the check output.</summary>
public sealed record IssuerResult(
    [property: JsonPropertyName("cik")] string? Cik,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("ticker")] string? Ticker);

/// <summary>Reporting owner in the check output.</summary>
public sealed record ReportingOwnerResult(
    [property: JsonPropertyName("cik")] string? Cik,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("isDirector")] bool? IsDirector,
    [property: JsonPropertyName("isOfficer")] bool? IsOfficer,
    [property: JsonPropertyName("isTenPercentOwner")] bool? IsTenPercentOwner,
    [property: JsonPropertyName("officerTitle")] string? OfficerTitle,
    [property: JsonPropertyName("address")] string? Address = null);

/// <summary>Transaction in the check output.</summary>
public sealed record TransactionResult(
    [property: JsonPropertyName("table")] string Table,
    [property: JsonPropertyName("security")] string Security,
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("shares")] decimal? Shares,
    [property: JsonPropertyName("price")] decimal? Price,
    [property: JsonPropertyName("acquiredDisposed")] string? AcquiredDisposed,
    [property: JsonPropertyName("sharesOwnedFollowing")] decimal? SharesOwnedFollowing,
    [property: JsonPropertyName("ownership")] string? Ownership)
{
    /// <summary>Deemed execution date, when given.</summary>
    [JsonPropertyName("deemedExecutionDate")] public DateOnly? DeemedExecutionDate { get; init; }
}
