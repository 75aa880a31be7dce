using EthicsCases.Domain.Filings;

namespace EthicsCases.Domain.Waivers;

/// <summary>
/// An amendment of the code: a new revision of SOP II-031, disclosed on the same four-business-day clock as a waiver
/// (Form 8-K Item 5.05(a)), counted from the adoption date.
/// </summary>
public sealed class CodeAmendment : ISealedContent
{
    private string? _summary;
    private bool _open;
    private bool _dirty;

    private CodeAmendment()
    {
    }

    /// <summary>Records an adopted revision and starts its disclosure clock.</summary>
    public CodeAmendment(Guid id, string revision, DateOnly adoptedOn, string summary, Person recordedBy, DateTime recordedAt, SecBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        if (string.IsNullOrWhiteSpace(revision))
        {
            throw ValidationFailedException.For("revision", "The revision label is required.");
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            throw ValidationFailedException.For("summary", "The summary of the amendment is required.");
        }

        Id = id;
        Revision = revision.Trim();
        AdoptedOn = adoptedOn;
        _summary = summary.Trim();
        _open = true;
        _dirty = true;
        RecordedById = recordedBy.Id;
        RecordedAt = recordedAt;
        Disclosure.Start(adoptedOn, calendar);
    }

    /// <summary>Stable identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The revision label, e.g. <c>3.0</c>.</summary>
    public string Revision { get; private set; } = "";

    /// <summary>When the amendment was adopted; the clock starts here.</summary>
    public DateOnly AdoptedOn { get; private set; }

    /// <summary>What changed.</summary>
    public string Summary => _open ? _summary! : throw new SealedContentException("A code amendment");

    /// <summary>The summary as stored, sealed with this amendment's own data key.</summary>
    public byte[]? SealedSummary { get; private set; }

    /// <summary>The purpose the summary is sealed for.</summary>
    public const string SummaryPurpose = "amendment.summary";

    Guid ISealedContent.ContentOwner => Id;

    bool ISealedContent.NeedsSealing => _dirty;

    void ISealedContent.Seal(IContentSealer sealer)
    {
        if (_dirty)
        {
            SealedSummary = sealer.Seal(SummaryPurpose, _summary);
            _dirty = false;
        }
    }

    void ISealedContent.MarkUnsealed() => _dirty = true;

    void ISealedContent.Open(IContentSealer sealer)
    {
        if (!_open)
        {
            _summary = sealer.OpenText(SummaryPurpose, SealedSummary) ?? "";
            _open = true;
        }
    }

    /// <summary>Who recorded it.</summary>
    public Guid RecordedById { get; private set; }

    /// <summary>When.</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>The Item 5.05 clock and what was disclosed.</summary>
    public DisclosureTrack Disclosure { get; private set; } = new();

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>Records the disclosure.</summary>
    public void RecordDisclosure(DateOnly on, DisclosureChannel channel, string? url)
    {
        Disclosure.Record(on, channel, url, $"Revision {Revision}");
        Version++;
    }

    /// <summary>Records that the website posting came down.</summary>
    public void RecordPostingRemoval(DateOnly on)
    {
        Disclosure.RecordRemoval(on, $"Revision {Revision}");
        Version++;
    }
}
