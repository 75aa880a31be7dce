using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Filings;

/// <summary>Finding codes; public names in the <c>ethics form4 check</c> output.</summary>
public static class FindingCodes
{
    /// <summary>Filed after the Rule 16a-3(g) deadline.</summary>
    public const string LateFiling = "LateFiling";

    /// <summary>A gift (G) dated on or after 2023-02-27 reported on Form 5 instead of Form 4.</summary>
    public const string GiftOnForm5 = "GiftOnForm5";

    /// <summary>An open-market purchase (P) reported only on Form 5.</summary>
    public const string PurchaseOnlyOnForm5 = "PurchaseOnlyOnForm5";

    /// <summary>Code J ("other") without a footnote explaining it.</summary>
    public const string CodeJWithoutFootnote = "CodeJWithoutFootnote";

    /// <summary>The Rule 10b5-1(c) box ticked without a plan adoption date in a footnote.</summary>
    public const string Rule10b51WithoutAdoptionDate = "Rule10b51WithoutAdoptionDate";

    /// <summary>The filing date is not known, so timeliness cannot be decided.</summary>
    public const string FiledDateUnknown = "FiledDateUnknown";

    /// <summary>Matched purchase and sale less than six months apart (Section 16(b)).</summary>
    public const string ShortSwing = "ShortSwing";

    /// <summary>Whether a finding of this code warrants filing a concern (SecuritiesLawViolation).</summary>
    public static bool WarrantsConcern(string code) => code switch
    {
        LateFiling or ShortSwing or GiftOnForm5 or Rule10b51WithoutAdoptionDate or CodeJWithoutFootnote => true,
        _ => false,
    };
}

/// <summary>One thing the check noticed about a filing.</summary>
/// <param name="Code">One of <see cref="FindingCodes"/>.</param>
/// <param name="Message">Plain-English explanation with the dates and numbers involved.</param>
public sealed record FilingFinding(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message)
{
    /// <summary>True when the finding should become a concern (SOP II-031 SecuritiesLawViolation); false for information.</summary>
    [JsonPropertyName("warrantsConcern")]
    public bool WarrantsConcern => FindingCodes.WarrantsConcern(Code);
}
