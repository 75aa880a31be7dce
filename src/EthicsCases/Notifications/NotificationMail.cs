using System.Globalization;
using System.Text;
using EthicsCases.Domain;
using MimeKit;

namespace EthicsCases.Notifications;

/// <summary>A mail ready to send: plain text, one recipient, its id doubling as the Message-ID.</summary>
public sealed record OutgoingMail(Guid Id, string To, string Subject, string Body);

/// <summary>
/// Writes the mails. A mail carries the case reference, what happened in plain words, a due date where there is one
/// and a link to the case: never the concern's words, its category, or anyone's name. It is built from the outbox row
/// alone, which holds nothing else of the case, so there is nothing else it could leak.
/// </summary>
public static class NotificationMail
{
    private const string Footer =
        "This mail carries no case content on purpose: sign in to read the case.\n"
        + "You receive it because of your role in the company's ethics case system (SOP II-031).\n";

    /// <summary>The mail for one notification.</summary>
    public static OutgoingMail Compose(Notification notification, string to, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var what = Describe(notification);
        var body = new StringBuilder()
            .Append(notification.CaseReference).Append(": ").Append(what).Append(".\n");
        if (Deadline(notification) is { } deadline)
        {
            body.Append(deadline).Append('\n');
        }

        body.Append("\nOpen the case: ").Append(CaseLink(baseUrl, notification.CaseReference!)).Append("\n\n").Append(Footer);
        return new OutgoingMail(notification.Id, to, $"{notification.CaseReference}: {what}", body.ToString());
    }

    /// <summary>One mail for a person's day: a line per notification, oldest first.</summary>
    public static OutgoingMail ComposeDigest(Notification digest, IReadOnlyList<Notification> items, string to, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(items);
        var day = digest.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Your daily digest for {day}: {Count(items.Count)}.\n\n");
        foreach (var item in items.OrderBy(i => i.CreatedAt).ThenBy(i => i.CaseReference, StringComparer.Ordinal))
        {
            body.Append("- ").Append(item.CaseReference).Append(": ").Append(Describe(item)).Append('.');
            if (Deadline(item) is { } deadline)
            {
                body.Append(' ').Append(deadline);
            }

            body.Append("\n  ").Append(CaseLink(baseUrl, item.CaseReference!)).Append('\n');
        }

        body.Append('\n').Append(Footer);
        return new OutgoingMail(digest.Id, to, $"Ethics cases daily digest for {day}: {Count(items.Count)}", body.ToString());
    }

    /// <summary>The MIME message as it goes on the wire.</summary>
    public static MimeMessage ToMime(OutgoingMail mail, string from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = date,
            MessageId = $"{mail.Id:N}@ethicscases.notifications",
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        // RFC 3834: out-of-office robots must not answer (an answer could quote the mail back into someone's inbox).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>What happened, in plain words.</summary>
    public static string Describe(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.Kind switch
        {
            NotificationKind.CaseRouted => "a new case has been routed to you",
            NotificationKind.CaseReferred => "a case has been referred to the Audit Committee",
            NotificationKind.BoardDeterminationRequested => "the Board's determination has been requested",
            NotificationKind.DeadlineDueSoon => "a deadline is due soon",
            NotificationKind.DeadlineOverdue => "a deadline is overdue",
            NotificationKind.ReporterMessage => "the reporter has written a new message",
            NotificationKind.DailyDigest => "daily digest",
            _ => throw new ArgumentOutOfRangeException(nameof(notification), notification.Kind, null),
        };
    }

    /// <summary>The case page: <c>{App:BaseUrl}/Cases/{reference}</c>.</summary>
    public static string CaseLink(string baseUrl, string reference)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return $"{baseUrl.TrimEnd('/')}/Cases/{Uri.EscapeDataString(reference)}";
    }

    private static string? Deadline(Notification notification)
    {
        if (notification.DueOn is not { } due || notification.Kind is not (NotificationKind.DeadlineDueSoon or NotificationKind.DeadlineOverdue))
        {
            return null;
        }

        var date = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return DeadlineName(notification.DeadlineKind) is { } name ? $"{name} deadline, due {date}." : $"Due {date}.";
    }

    /// <summary>
    /// A deadline's policy name in words ("BoardDetermination" becomes "Board determination"), or null when it could
    /// say more than a policy name should: anything but letters, or a category's name (per-category targets).
    /// </summary>
    internal static string? DeadlineName(string? kind)
    {
        if (string.IsNullOrEmpty(kind) || kind.Length > 40 || !kind.All(char.IsAsciiLetter)
            || Enum.GetNames<ConcernCategory>().Any(c => kind.Contains(c, StringComparison.OrdinalIgnoreCase)
                || c.Contains(kind, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var words = new StringBuilder().Append(kind[0]);
        foreach (var c in kind.AsSpan(1))
        {
            if (char.IsAsciiLetterUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        // The Board is a proper noun wherever it appears.
        return words.ToString().Replace(" board", " Board", StringComparison.Ordinal);
    }

    private static string Count(int n) => n == 1 ? "1 notification" : $"{n} notifications";
}
