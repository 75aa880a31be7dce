namespace EthicsCases.Notifications;

/// <summary>What a notification tells its recipient. Stored by name.</summary>
public enum NotificationKind
{
    /// <summary>A new case has been routed to the recipient's role.</summary>
    CaseRouted,

    /// <summary>The General Counsel referred a case to the Audit Committee.</summary>
    CaseReferred,

    /// <summary>The Audit Committee asked the Board to determine a case.</summary>
    BoardDeterminationRequested,

    /// <summary>A deadline the recipient must act on falls due within two days.</summary>
    DeadlineDueSoon,

    /// <summary>A deadline the recipient must act on has passed.</summary>
    DeadlineOverdue,

    /// <summary>The reporter wrote in the case's thread.</summary>
    ReporterMessage,

    /// <summary>One mail bundling a person's notifications of a day (see <see cref="NotificationPreference.DailyDigest"/>).</summary>
    DailyDigest,
}

/// <summary>Where a notification is in its delivery.</summary>
public enum NotificationState
{
    /// <summary>Waiting to be sent (now, or at its next attempt).</summary>
    Pending,

    /// <summary>The SMTP server accepted it (or the digest that carried it).</summary>
    Sent,

    /// <summary>Given up: the server refused it for good, the attempts ran out, or the recipient may no longer be told.</summary>
    Failed,

    /// <summary>Held for the recipient's daily digest.</summary>
    Digest,
}

/// <summary>How a person wants to be told.</summary>
public enum NotificationPreference
{
    /// <summary>One mail per notification, as soon as it is delivered.</summary>
    Immediate,

    /// <summary>One mail a day bundling everything since the last digest.</summary>
    DailyDigest,
}
