namespace EthicsCases.Domain;

/// <summary>
/// A document attached to a case by a reviewer. The content lives in the database so that every host (web, CLI,
/// several web nodes on PostgreSQL) sees the same files; its SHA-256 is recorded in the case's audit chain.
/// </summary>
public sealed class EvidenceFile
{
    private EvidenceFile()
    {
    }

    /// <summary>Stores an upload that has already passed the type and size checks.</summary>
    public EvidenceFile(Guid id, Guid caseId, string fileName, string contentType, byte[] content, string sha256, Guid uploadedById, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(content);
        Id = id;
        CaseId = caseId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.LongLength;
        Sha256 = sha256;
        UploadedById = uploadedById;
        UploadedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The sanitised file name.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The content type decided from the allow-list (not the browser's claim).</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>The bytes.</summary>
#pragma warning disable CA1819 // EF maps a byte array to a blob column.
    public byte[] Content { get; private set; } = [];
#pragma warning restore CA1819

    /// <summary>Size in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>Hex SHA-256 of the content, also written to the audit chain.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>The reviewer who uploaded it.</summary>
    public Guid UploadedById { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime UploadedAt { get; private set; }
}
