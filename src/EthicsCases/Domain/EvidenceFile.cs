namespace EthicsCases.Domain;

/// <summary>
/// A document attached to a case by a reviewer. The content lives in the database so that every host (web, CLI,
/// several web nodes on PostgreSQL) sees the same files; its SHA-256 is recorded in the case's audit chain.
/// </summary>
public sealed class EvidenceFile : ISealedContent
{
    private string? _fileName;
    private byte[]? _content;
    private bool _open;
    private bool _dirty;

    private EvidenceFile()
    {
    }

    /// <summary>Stores an upload that has already passed the type and size checks.</summary>
    public EvidenceFile(Guid id, Guid caseId, string fileName, string contentType, byte[] content, string sha256, Guid? uploadedById, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(content);
        Id = id;
        CaseId = caseId;
        _fileName = fileName;
        _content = content;
        _open = true;
        _dirty = true;
        ContentType = contentType;
        Length = content.LongLength;
        Sha256 = sha256;
        UploadedById = uploadedById;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The sanitised file name (opened from <see cref="SealedFileName"/>).</summary>
    public string FileName => PurgedAt is not null ? "[removed]" : _open ? _fileName! : throw new SealedContentException("A document's name");

    /// <summary>The name as stored: encrypted with the case's data key.</summary>
    public byte[]? SealedFileName { get; private set; }

    /// <summary>When the retention policy removed the document.</summary>
    public DateTime? PurgedAt { get; private set; }

    /// <summary>The content type decided from the allow-list (not the browser's claim).</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>The bytes (opened from <see cref="SealedContent"/>).</summary>
#pragma warning disable CA1819 // EF maps a byte array to a blob column.
    public byte[] Content => PurgedAt is not null ? [] : _open ? _content! : throw new SealedContentException("A document");

    /// <summary>The bytes as stored: encrypted with the case's data key.</summary>
    public byte[]? SealedContent { get; private set; }
#pragma warning restore CA1819

    /// <summary>Size in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>Hex SHA-256 of the content, also written to the audit chain.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>The directory person who uploaded it (a reviewer or the reporter); null for the anonymous reporter.</summary>
    public Guid? UploadedById { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime UploadedAt { get; private set; }

    /// <summary>The purpose a document's name is sealed for.</summary>
    public static string NamePurpose(Guid id) => $"evidence:{id:N}:name";

    Guid ISealedContent.ContentOwner => CaseId;

    bool ISealedContent.NeedsSealing => _dirty && PurgedAt is null;

    void ISealedContent.Seal(IContentSealer sealer)
    {
        if (_dirty && PurgedAt is null)
        {
            SealedFileName = sealer.Seal(NamePurpose(Id), _fileName);
            SealedContent = sealer.Seal($"evidence:{Id:N}:content", _content);
            _dirty = false;
        }
    }

    void ISealedContent.MarkUnsealed() => _dirty = true;

    void ISealedContent.Open(IContentSealer sealer)
    {
        if (!_open)
        {
            _fileName = sealer.OpenText(NamePurpose(Id), SealedFileName) ?? "";
            _content = sealer.OpenBytes($"evidence:{Id:N}:content", SealedContent) ?? [];
            _open = true;
        }
    }

    internal void Purge(DateTime at)
    {
        PurgedAt = at;
        SealedFileName = null;
        SealedContent = null;
        _fileName = null;
        _content = null;
        _open = true;
    }
}
