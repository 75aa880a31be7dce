namespace EthicsCases.Web.Api;

/// <summary>Body of <c>POST /api/concerns</c> and <c>POST /api/anonymous/reports</c>.</summary>
public sealed record ConcernRequest(string Category, string Summary, string? Details, IReadOnlyList<string>? SubjectEmails);

/// <summary>Body of <c>POST /api/cases/{key}/triggers/{trigger}</c>.</summary>
public sealed record TriggerRequest(string? Reason);

/// <summary>Body of <c>POST /api/cases/{key}/messages</c>.</summary>
public sealed record MessageRequest(string Text, bool SharedWithReporter);

/// <summary>Body of <c>POST /api/anonymous/status</c>: credentials travel in the body, never in a URL that could be logged.</summary>
public sealed record AnonymousCredentialsRequest(string ReportKey, string Password);

/// <summary>Body of <c>POST /api/anonymous/messages</c>.</summary>
public sealed record AnonymousMessageRequest(string ReportKey, string Password, string Text);
