using EthicsCases.Domain;
using MimeKit;

namespace EthicsCases.Notifications;

/// <summary>
/// Who is told what. Pure: given the case (with its subjects), the directory people who might be told and the kind,
/// it answers the recipients. Whatever the kind, nobody is told about a case they could not open: subjects are
/// recused and never told, the person who caused the event is not told of it (the reporter caused the filing and
/// their own messages), people without a usable address are skipped, and only reviewers are told, so a reporter is
/// never written to as such (an anonymous reporter has no person to write to at all).
/// </summary>
public static class NotificationRules
{
    /// <summary>Days before a due date from which a deadline is "due soon".</summary>
    public const int DueSoonDays = 2;

    /// <summary>The people to tell about <paramref name="kind"/> on <paramref name="ethicsCase"/>, each once.</summary>
    /// <param name="kind">What happened; not <see cref="NotificationKind.DailyDigest"/>.</param>
    /// <param name="ethicsCase">The case after the event was applied to it (state, routing and Board referral as they now are).</param>
    /// <param name="people">Directory people holding the relevant roles (more is harmless: the rules filter).</param>
    /// <param name="actor">Who caused the event, if a directory person; not told of their own act.</param>
    public static IReadOnlyList<Person> Recipients(NotificationKind kind, EthicsCase ethicsCase, IEnumerable<Person> people, Person? actor = null)
    {
        ArgumentNullException.ThrowIfNull(ethicsCase);
        ArgumentNullException.ThrowIfNull(people);
        var roles = RolesToTell(kind, ethicsCase);
        var byReporter = kind is NotificationKind.CaseRouted or NotificationKind.ReporterMessage;
        return people
            .Where(p => roles.Any(p.Has))
            // A reviewer is never a subject (recusal) and only reviews what they may see; the Board only once referred.
            .Where(p => CaseAccess.IsReviewer(ethicsCase, p))
            .Where(p => p.Id != actor?.Id && !(byReporter && p.Id == ethicsCase.ReporterId))
            .Where(HasUsableAddress)
            .DistinctBy(p => p.Id)
            .ToList();
    }

    /// <summary>The roles that must act on a case in its current state: who a deadline alert is for.</summary>
    public static IReadOnlyList<Role> RolesThatMustAct(EthicsCase ethicsCase)
    {
        ArgumentNullException.ThrowIfNull(ethicsCase);
        return ethicsCase.State switch
        {
            // Triage belongs to the General Counsel unless the case bypasses them (Audit Committee only, or recusal).
            CaseState.Intake => ethicsCase.IsRoutedToGeneralCounsel ? [Role.GeneralCounsel] : [Role.AuditCommittee],
            CaseState.GeneralCounselReview => [Role.GeneralCounsel],
            CaseState.AuditCommitteeReview => [Role.AuditCommittee],
            // The Board decides; the Audit Committee records the decision.
            CaseState.BoardDetermination => [Role.Board, Role.AuditCommittee],
            _ => [],
        };
    }

    /// <summary>An address mail can go to; the directory may hold a placeholder for people who have none.</summary>
    public static bool HasUsableAddress(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return !string.IsNullOrWhiteSpace(person.Email)
            && MailboxAddress.TryParse(person.Email, out var mailbox)
            && mailbox.Address.Contains('@', StringComparison.Ordinal)
            && !mailbox.Address.EndsWith('@');
    }

    private static IReadOnlyList<Role> RolesToTell(NotificationKind kind, EthicsCase ethicsCase) => kind switch
    {
        NotificationKind.CaseRouted => ethicsCase.RoutedTo,
        NotificationKind.CaseReferred => [Role.AuditCommittee],
        // Only once the request is applied: before it, even a Board member who also sits on the Audit Committee has no news.
        NotificationKind.BoardDeterminationRequested => ethicsCase.ReferredToBoard ? [Role.Board] : [],
        // The case's reviewers: who may read the thread and answer the reporter.
        NotificationKind.ReporterMessage => [Role.AuditCommittee, Role.GeneralCounsel, Role.Board],
        NotificationKind.DeadlineDueSoon or NotificationKind.DeadlineOverdue => RolesThatMustAct(ethicsCase),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A digest is made by the dispatcher, not by an event."),
    };
}

/// <summary>
/// Builds the outbox rows for an event. The use case adds them to its context before it saves, in the same
/// transaction as the event: <c>db.Notifications.AddRange(Notifier.CaseReferred(ethicsCase, people, now, me))</c>.
/// Call it after the transition has been applied to the case (and recorded in its audit chain), so that the rules see
/// the new state and each occurrence gets its own dedupe key.
/// </summary>
public static class Notifier
{
    /// <summary>A new case: the roles it is routed to (after recusal) are told.</summary>
    public static IReadOnlyList<Notification> CaseRouted(EthicsCase ethicsCase, IEnumerable<Person> people, DateTime now, Person? actor = null) =>
        ForEvent(NotificationKind.CaseRouted, ethicsCase, people, now, actor);

    /// <summary>The General Counsel referred the case: the Audit Committee is told.</summary>
    public static IReadOnlyList<Notification> CaseReferred(EthicsCase ethicsCase, IEnumerable<Person> people, DateTime now, Person? actor = null) =>
        ForEvent(NotificationKind.CaseReferred, ethicsCase, people, now, actor);

    /// <summary>The Audit Committee asked the Board: the Board is told.</summary>
    public static IReadOnlyList<Notification> BoardDeterminationRequested(EthicsCase ethicsCase, IEnumerable<Person> people, DateTime now, Person? actor = null) =>
        ForEvent(NotificationKind.BoardDeterminationRequested, ethicsCase, people, now, actor);

    /// <summary>The reporter wrote in the thread: the case's reviewers are told.</summary>
    public static IReadOnlyList<Notification> ReporterMessage(EthicsCase ethicsCase, IEnumerable<Person> people, DateTime now, Person? actor = null) =>
        ForEvent(NotificationKind.ReporterMessage, ethicsCase, people, now, actor);

    /// <summary>A deadline falls due within <see cref="NotificationRules.DueSoonDays"/> days: who must act is told, once per due date.</summary>
    public static IReadOnlyList<Notification> DeadlineDueSoon(EthicsCase ethicsCase, string deadlineKind, DateOnly due, IEnumerable<Person> people, DateTime now) =>
        ForDeadline(NotificationKind.DeadlineDueSoon, ethicsCase, deadlineKind, due, people, now);

    /// <summary>A deadline has passed: who must act is told, once per due date.</summary>
    public static IReadOnlyList<Notification> DeadlineOverdue(EthicsCase ethicsCase, string deadlineKind, DateOnly due, IEnumerable<Person> people, DateTime now) =>
        ForDeadline(NotificationKind.DeadlineOverdue, ethicsCase, deadlineKind, due, people, now);

    /// <summary>
    /// For a periodic deadline scan: the due-soon alert from <see cref="NotificationRules.DueSoonDays"/> days before
    /// the due date until it, the overdue alert after it, nothing before or for a deadline already met. Queue the result
    /// with <see cref="NotificationOutbox.AddNewAsync"/>, which skips what an earlier scan queued.
    /// </summary>
    public static IReadOnlyList<Notification> DeadlineAlert(EthicsCase ethicsCase, string deadlineKind, DateOnly due, bool met,
        DateOnly today, IEnumerable<Person> people, DateTime now)
    {
        if (met || today < due.AddDays(-NotificationRules.DueSoonDays))
        {
            return [];
        }

        return today <= due
            ? DeadlineDueSoon(ethicsCase, deadlineKind, due, people, now)
            : DeadlineOverdue(ethicsCase, deadlineKind, due, people, now);
    }

    private static List<Notification> ForEvent(NotificationKind kind, EthicsCase ethicsCase, IEnumerable<Person> people, DateTime now, Person? actor)
    {
        ArgumentNullException.ThrowIfNull(ethicsCase);
        // The head of the case's audit chain names the event that caused the notification: a later event of the same
        // kind (a second referral after a reopening) is a new notification, the same one twice is not.
        var occurrence = ethicsCase.LastAuditHash.Length >= 16 ? ethicsCase.LastAuditHash[..16] : $"v{ethicsCase.Version}";
        return NotificationRules.Recipients(kind, ethicsCase, people, actor)
            .Select(p => Create(kind, ethicsCase, p, null, null, now, occurrence))
            .ToList();
    }

    private static List<Notification> ForDeadline(NotificationKind kind, EthicsCase ethicsCase, string deadlineKind, DateOnly due,
        IEnumerable<Person> people, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ethicsCase);
        ArgumentException.ThrowIfNullOrWhiteSpace(deadlineKind);
        var occurrence = $"{deadlineKind}:{due:yyyy-MM-dd}";
        return NotificationRules.Recipients(kind, ethicsCase, people)
            .Select(p => Create(kind, ethicsCase, p, deadlineKind, due, now, occurrence))
            .ToList();
    }

    private static Notification Create(NotificationKind kind, EthicsCase ethicsCase, Person recipient, string? deadlineKind, DateOnly? due,
        DateTime now, string occurrence) =>
        new(Guid.NewGuid(), kind, recipient.Id, ethicsCase.Id, ethicsCase.Reference, deadlineKind, due, now,
            recipient.NotificationPreference == NotificationPreference.DailyDigest ? NotificationState.Digest : NotificationState.Pending,
            Notification.Key(kind, ethicsCase.Id, recipient.Id, occurrence));
}
