namespace EthicsCases.Domain;

/// <summary>
/// A message in a case's thread. Reviewers write private notes (only reviewers read them) or messages shared with
/// the reporter; the reporter's own messages are always shared with the reviewers.
/// </summary>
public sealed class CaseMessage : ISealedContent
{
    private string? _text;
    private string? _sealedText;
    private bool _open;

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
        _text = text.Trim();
        _open = true;
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

    /// <summary>The message text (plain text; encoded on output), opened from <see cref="SealedText"/>.</summary>
    public string Text => PurgedAt is not null ? "" : _open ? _text! : throw new SealedContentException("A message");

    /// <summary>The text as stored: encrypted with the case's data key.</summary>
    public byte[]? SealedText { get; private set; }

    /// <summary>When the retention policy removed the text.</summary>
    public DateTime? PurgedAt { get; private set; }

    /// <summary>Whether the reporter may read it; false makes it a reviewers' note.</summary>
    public bool SharedWithReporter { get; private set; }

    /// <summary>Whether the reporter wrote it.</summary>
    public bool FromReporter { get; private set; }

    /// <summary>When it was written (UTC).</summary>
    public DateTime At { get; private set; }

    Guid ISealedContent.ContentOwner => CaseId;

    bool ISealedContent.NeedsSealing => _open && PurgedAt is null && (SealedText is null || !ReferenceEquals(_sealedText, _text));

    void ISealedContent.Seal(IContentSealer sealer)
    {
        if (((ISealedContent)this).NeedsSealing)
        {
            SealedText = sealer.Seal(Purpose, _text);
            _sealedText = _text;
        }
    }

    void ISealedContent.MarkUnsealed() => SealedText = null;

    void ISealedContent.Open(IContentSealer sealer)
    {
        if (!_open)
        {
            _text = _sealedText = sealer.OpenText(Purpose, SealedText) ?? "";
            _open = true;
        }
    }

    /// <summary>Redacts a passage for good; returns the hashes of the text before and after.</summary>
    internal (string Before, string After) Redact(string passage)
    {
        var before = Text;
        _text = Redaction.Apply(before, passage);
        return (ContentHash.Of(before), ContentHash.Of(_text));
    }

    internal void Purge(DateTime at)
    {
        PurgedAt = at;
        SealedText = null;
        _text = null;
        _open = true;
    }

    private string Purpose => $"message:{Id:N}";
}
