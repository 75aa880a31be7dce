using System.Globalization;

namespace EthicsCases.Notifications;

/// <summary>
/// One row of the transactional outbox: someone is to be told something about a case. It is added to the
/// <see cref="Data.EthicsDbContext"/> by the use case that causes it, before that use case saves, so the event and the
/// notification commit or roll back together. It holds the case's id and reference and nothing else of the case:
/// the mail is rendered from these fields alone (<see cref="NotificationMail"/>), so it cannot carry the concern's words.
/// </summary>
public sealed class Notification
{
    /// <summary>Longest error text kept: enough to diagnose, too short to become a second copy of anything.</summary>
    public const int MaxErrorLength = 500;

    private Notification()
    {
    }

    internal Notification(Guid id, NotificationKind kind, Guid recipientId, Guid? caseId, string? caseReference,
        string? deadlineKind, DateOnly? dueOn, DateTime createdAt, NotificationState state, string dedupeKey)
    {
        Id = id;
        Kind = kind;
        RecipientId = recipientId;
        CaseId = caseId;
        CaseReference = caseReference;
        DeadlineKind = deadlineKind;
        DueOn = dueOn;
        CreatedAt = createdAt;
        State = state;
        NextAttemptAt = createdAt;
        DedupeKey = dedupeKey;
    }

    /// <summary>Stable identifier; also the mail's Message-ID, so a receiving server can spot a repeat.</summary>
    public Guid Id { get; private set; }

    /// <summary>What happened.</summary>
    public NotificationKind Kind { get; private set; }

    /// <summary>The directory person to tell; the address is read at delivery, so a changed address is honoured.</summary>
    public Guid RecipientId { get; private set; }

    /// <summary>The case; null for a <see cref="NotificationKind.DailyDigest"/>.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The case's reference (EC-YYYY-NNNN), the only case text a mail carries.</summary>
    public string? CaseReference { get; private set; }

    /// <summary>For deadline alerts: which deadline (a policy name such as <c>Acknowledge</c>).</summary>
    public string? DeadlineKind { get; private set; }

    /// <summary>For deadline alerts: the due date; for a digest: the day it covers.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>When the event happened.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>Delivery state.</summary>
    public NotificationState State { get; private set; }

    /// <summary>Delivery attempts made so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Not to be sent before this instant (back-off after a failure).</summary>
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>Why the last attempt failed, truncated; never case content.</summary>
    public string? LastError { get; private set; }

    /// <summary>When the SMTP server accepted it.</summary>
    public DateTime? SentAt { get; private set; }

    /// <summary>The dispatcher run holding the lease, while one does.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>End of the lease: after it another dispatcher may take the row (its holder died).</summary>
    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>Unique: the same alert for the same recipient, case, deadline and due date is queued once.</summary>
    public string DedupeKey { get; private set; } = "";

    /// <summary>For a notification held for the digest: the digest mail that carries it, once bundled.</summary>
    public Guid? DigestId { get; private set; }

    /// <summary>A person's digest for the day <paramref name="day"/>; bundled notifications point to it.</summary>
    internal static Notification Digest(Guid recipientId, DateOnly day, DateTime now) =>
        new(Guid.NewGuid(), NotificationKind.DailyDigest, recipientId, null, null, null, day, now, NotificationState.Pending,
            Key(NotificationKind.DailyDigest, null, recipientId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>The dedupe key: kind, case, recipient and what distinguishes one occurrence from the next.</summary>
    internal static string Key(NotificationKind kind, Guid? caseId, Guid recipientId, string occurrence) =>
        $"{kind}:{caseId?.ToString("N") ?? "-"}:{recipientId:N}:{occurrence}";

    internal static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}
