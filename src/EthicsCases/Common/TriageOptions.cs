namespace EthicsCases.Common;

/// <summary>
/// <c>Triage:*</c>: the service level of the review queues. A configured expectation of the company, not an SOP rule.
/// </summary>
public sealed class TriageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Triage";

    /// <summary>A case waiting longer than this many SEC business days is flagged overdue (default 5).</summary>
    public int OverdueAfterBusinessDays { get; set; } = 5;
}
