namespace EthicsCases.Domain.Determinations;

/// <summary>
/// The General Counsel's ledger of advice given to an individual on the proper course of action (SOP II-031: "whether
/// the individual in question had been advised prior to the violation as to the proper course of action"). A
/// determination reads it to pre-fill the <c>advised</c> factor.
/// </summary>
public sealed class PriorAdvice : ISealedContent
{
    private string? _summary;
    private bool _open;
    private bool _dirty;

    private PriorAdvice()
    {
    }

    /// <summary>Records advice given.</summary>
    public PriorAdvice(Guid id, Guid personId, ConcernCategory category, DateOnly givenOn, string summary, Guid recordedById, DateTime recordedAt)
    {
        Id = id;
        PersonId = personId;
        Category = category;
        GivenOn = givenOn;
        _summary = summary.Trim();
        _open = true;
        _dirty = true;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The person advised.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>The person advised, when loaded.</summary>
    public Person? Person { get; private set; }

    /// <summary>What the advice was about, as a concern category.</summary>
    public ConcernCategory Category { get; private set; }

    /// <summary>When the advice was given.</summary>
    public DateOnly GivenOn { get; private set; }

    /// <summary>What the individual was told.</summary>
    public string Summary => _open ? _summary! : throw new SealedContentException("A prior-advice entry");

    /// <summary>The summary as stored, encrypted with this entry's own data key.</summary>
    public byte[]? SealedSummary { get; private set; }

    /// <summary>The purpose the summary is sealed for.</summary>
    public const string SummaryPurpose = "advice.summary";

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

    /// <summary>The General Counsel who recorded it.</summary>
    public Guid RecordedById { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTime RecordedAt { get; private set; }
}
