namespace EthicsCases.Domain.Retention;

/// <summary>
/// A legal hold on a case, placed by the General Counsel or the Audit Committee (litigation, an SEC inquiry, an
/// internal investigation): while it is active the retention policy does not purge the case. The reasons are
/// narrative, sealed with the case's data key like the rest of its content; placing and releasing are recorded on the
/// case's chain as <c>LegalHoldPlaced</c>/<c>LegalHoldReleased</c> with data <c>{holdId}</c>.
/// </summary>
public sealed class LegalHold : ISealedContent
{
    private string? _reason;
    private string? _releaseReason;
    private bool _open;
    private bool _dirty;

    private LegalHold()
    {
    }

    private LegalHold(Guid caseId, Person placedBy, string reason, DateTime at)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        PlacedById = placedBy.Id;
        PlacedBy = placedBy.Email;
        PlacedAt = at;
        _reason = reason;
        _open = true;
        _dirty = true;
    }

    /// <summary>Places a hold on the case and records it on the case's chain, with the reason as the event's reason.</summary>
    public static LegalHold Place(EthicsCase ethicsCase, Person placedBy, string reason, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(ethicsCase);
        ArgumentNullException.ThrowIfNull(placedBy);
        ethicsCase.EnsureNotPurged();

        var hold = new LegalHold(ethicsCase.Id, placedBy, reason.Trim(), at);
        ethicsCase.Record(placedBy, "LegalHoldPlaced", at, reason: hold._reason, data: System.Text.Json.JsonSerializer.Serialize(new { holdId = hold.Id }));
        return hold;
    }

    /// <summary>Releases the hold and records it on the case's chain.</summary>
    public void Release(EthicsCase ethicsCase, Person releasedBy, string reason, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(ethicsCase);
        ArgumentNullException.ThrowIfNull(releasedBy);
        if (ethicsCase.Id != CaseId)
        {
            throw new NotFoundException("That legal hold is not on this case.");
        }

        Release(releasedBy, reason.Trim(), at);
        ethicsCase.Record(releasedBy, "LegalHoldReleased", at, reason: _releaseReason, data: System.Text.Json.JsonSerializer.Serialize(new { holdId = Id }));
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>Who placed it.</summary>
    public Guid PlacedById { get; private set; }

    /// <summary>Their e-mail at the time.</summary>
    public string PlacedBy { get; private set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime PlacedAt { get; private set; }

    /// <summary>Why it was placed (opened from <see cref="SealedReason"/>); null once purged.</summary>
    public string? Reason => PurgedAt is not null ? null : _open ? _reason : throw new SealedContentException("A legal hold's reason");

    /// <summary>Who released it; null while it is active.</summary>
    public Guid? ReleasedById { get; private set; }

    /// <summary>Their e-mail at the time.</summary>
    public string? ReleasedBy { get; private set; }

    /// <summary>When it was released (UTC); null while it is active.</summary>
    public DateTime? ReleasedAt { get; private set; }

    /// <summary>Why it was released (opened from <see cref="SealedReleaseReason"/>).</summary>
    public string? ReleaseReason => PurgedAt is not null ? null : _open ? _releaseReason : throw new SealedContentException("A legal hold's release reason");

    /// <summary>Whether it still blocks the purge.</summary>
    public bool IsActive => ReleasedAt is null;

#pragma warning disable CA1819 // EF maps a byte array to a blob column.
    /// <summary>The reason as stored: encrypted with the case's data key.</summary>
    public byte[]? SealedReason { get; private set; }

    /// <summary>The release reason as stored.</summary>
    public byte[]? SealedReleaseReason { get; private set; }
#pragma warning restore CA1819

    /// <summary>When the retention policy removed the reasons (after the hold was released).</summary>
    public DateTime? PurgedAt { get; private set; }

    Guid ISealedContent.ContentOwner => CaseId;

    bool ISealedContent.NeedsSealing => _dirty && PurgedAt is null;

    void ISealedContent.Seal(IContentSealer sealer)
    {
        if (_dirty && PurgedAt is null)
        {
            SealedReason = sealer.Seal(ReasonPurpose, _reason);
            SealedReleaseReason = sealer.Seal(ReleasePurpose, _releaseReason);
            _dirty = false;
        }
    }

    void ISealedContent.MarkUnsealed() => _dirty = true;

    void ISealedContent.Open(IContentSealer sealer)
    {
        if (!_open)
        {
            _reason = sealer.OpenText(ReasonPurpose, SealedReason);
            _releaseReason = sealer.OpenText(ReleasePurpose, SealedReleaseReason);
            _open = true;
        }
    }

    private void Release(Person releasedBy, string reason, DateTime at)
    {
        if (!IsActive)
        {
            throw new ConflictException("That legal hold was already released.");
        }

        if (!_open)
        {
            throw new SealedContentException("A legal hold");
        }

        ReleasedById = releasedBy.Id;
        ReleasedBy = releasedBy.Email;
        ReleasedAt = at;
        _releaseReason = reason;
        _dirty = true;
    }

    internal void Purge(DateTime at)
    {
        PurgedAt = at;
        SealedReason = SealedReleaseReason = null;
        _reason = _releaseReason = null;
        _open = true;
        _dirty = false;
    }

    private string ReasonPurpose => $"legalhold:{Id:N}:reason";

    private string ReleasePurpose => $"legalhold:{Id:N}:release";
}
