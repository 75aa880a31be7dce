using EthicsCases.Domain;

namespace EthicsCases.Web;

/// <summary>How the SOP's names read on screen.</summary>
public static class Labels
{
    /// <summary>"Books and records" for <see cref="ConcernCategory.BooksAndRecords"/>.</summary>
    public static string Category(ConcernCategory category) => category switch
    {
        ConcernCategory.DisclosureMatter => "Disclosure matter",
        ConcernCategory.BooksAndRecords => "Books and records",
        ConcernCategory.InternalControlDeficiency => "Internal control deficiency",
        ConcernCategory.Fraud => "Fraud",
        ConcernCategory.CodeOfEthicsViolation => "Code of Ethics violation",
        ConcernCategory.SecuritiesLawViolation => "Securities law violation",
        _ => category.ToString(),
    };

    /// <summary>Role names with spaces.</summary>
    public static string Role(Role role) => role switch
    {
        Domain.Role.GeneralCounsel => "General Counsel",
        Domain.Role.AuditCommittee => "Audit Committee",
        _ => role.ToString(),
    };

    /// <summary>State names with spaces.</summary>
    public static string State(CaseState state) => state switch
    {
        CaseState.GeneralCounselReview => "General Counsel review",
        CaseState.AuditCommitteeReview => "Audit Committee review",
        CaseState.BoardDetermination => "Board determination",
        _ => state.ToString(),
    };

    /// <summary>Trigger names as button captions.</summary>
    public static string Trigger(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.ReferToAuditCommittee => "Refer to the Audit Committee",
        CaseTrigger.CloseNoViolation => "Close: no violation",
        CaseTrigger.RequestBoardDetermination => "Request Board determination",
        CaseTrigger.RecordDetermination => "Record the Board's determination",
        _ => trigger.ToString(),
    };

    /// <summary>CSS class of a state badge.</summary>
    public static string StateClass(CaseState state) => "badge state-" + state.ToString().ToLowerInvariant();

    /// <summary>Dates as the product shows them (UTC).</summary>
    public static string When(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
