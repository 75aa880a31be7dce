namespace EthicsCases.Web.Api;

/// <summary>Body of <c>POST /api/concerns</c> and <c>POST /api/anonymous/reports</c>.</summary>
public sealed record ConcernRequest(string Category, string Summary, string? Details, IReadOnlyList<string>? SubjectEmails, DateOnly? IncidentDate = null);

/// <summary>Body of <c>POST /api/cases/{key}/triggers/{trigger}</c>.</summary>
public sealed record TriggerRequest(string? Reason);

/// <summary>Body of <c>POST /api/cases/{key}/messages</c>.</summary>
public sealed record MessageRequest(string Text, bool SharedWithReporter, bool Feedback = false);

/// <summary>Body of <c>POST /api/anonymous/status</c>: credentials travel in the body, never in a URL that could be logged.</summary>
public sealed record AnonymousCredentialsRequest(string ReportKey, string Password);

/// <summary>Body of <c>POST /api/anonymous/messages</c>.</summary>
public sealed record AnonymousMessageRequest(string ReportKey, string Password, string Text);

/// <summary>Body of <c>POST /api/sanctions/recommend</c>: the five factors as typed in (and optionally the category).</summary>
public sealed record RecommendRequest(int? Severity, int? Occurrences, string? Intent, string? Advised, int? PriorViolations, string? Category);

/// <summary>
/// Body of <c>POST /api/cases/{key}/determination</c>: the fields of <c>ethics case determine</c>. There is no
/// <c>priorViolations</c>: the count comes from the records.
/// </summary>
public sealed record DeterminationRequest(
    bool ViolationFound,
    IReadOnlyList<EthicsCases.Domain.Determinations.DeterminedSanction>? Sanctions,
    int? Severity,
    int? Occurrences,
    string? Intent,
    string? Advised,
    string? AdvisedReason,
    string? Reason,
    string? Rationale,
    string? Subject,
    DateOnly? MeetingDate,
    bool? NoAction = null);

/// <summary>Body of <c>POST /api/advice</c>.</summary>
public sealed record AdviceRequest(string Person, string Category, DateOnly? Date, string Summary);
