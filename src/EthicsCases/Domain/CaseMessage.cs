namespace EthicsCases.Domain;

/// <summary>
/// A message in a case's thread. Reviewers write private notes (only reviewers read them) or messages shared with
/// the reporter; the reporter's own messages are always shared with the reviewers.
/// </summary>
public sealed class CaseMessage
{
    private CaseMessage()
    {
    }

    /// <summary>Creates a message; <paramref name="author"/> is null for the anonymous reporter.</summary>
    public CaseMessage(Guid id, Guid caseId, Person? author, string authorLabel, string text, bool sharedWithReporter, bool fromReporter, DateTime at)
    {
        Id = id;
        CaseId = caseId;
        AuthorId = author?.Id;
        AuthorLabel = author?.Name ?? authorLabel;
        Text = text.Trim();
        SharedWithReporter = sharedWithReporter || fromReporter;
        FromReporter = fromReporter;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The directory person who wrote it; null for the anonymous reporter.</summary>
    public Guid? AuthorId { get; private set; }

    /// <summary>The author's display name at the time, or "Anonymous reporter".</summary>
    public string AuthorLabel { get; private set; } = "";

    /// <summary>The message text (plain text; encoded on output).</summary>
    public string Text { get; private set; } = "";

    /// <summary>Whether the reporter may read it; false makes it a reviewers' note.</summary>
    public bool SharedWithReporter { get; private set; }

    /// <summary>Whether the reporter wrote it.</summary>
    public bool FromReporter { get; private set; }

    /// <summary>When it was written (UTC).</summary>
    public DateTime At { get; private set; }
}
