using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Audit;

/// <summary>
/// A signed statement, kept outside the database, that the record held <see cref="Seq"/> events ending in the event
/// whose MAC is <see cref="Head"/> at <see cref="At"/>. A database restored to before it, or truncated, no longer
/// reaches it; a rewritten record no longer has that MAC there. Signed with ECDSA P-256, so anyone with the public key
/// can check it and only the holder of the private key (never the database) can make one.
/// </summary>
public sealed record AuditCheckpoint(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("head")] string Head,
    [property: JsonPropertyName("at")] DateTime At,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    [property: JsonPropertyName("signature")] string Signature)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Signs a checkpoint of the head.</summary>
    public static AuditCheckpoint Sign(long seq, string head, DateTime at, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.SignData(Payload(seq, head, at), HashAlgorithmName.SHA256);
        return new AuditCheckpoint(seq, head, at, key.ExportSubjectPublicKeyInfoPem(), Convert.ToBase64String(signature));
    }

    /// <summary>
    /// Reads and checks a checkpoint file against the trusted public key (PEM). Without one, the key in the file is
    /// used: that proves the file is intact, not who made it, so operators should pass the key they keep.
    /// </summary>
    public static AuditCheckpoint Read(string json, string? trustedPublicKeyPem)
    {
        AuditCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(json);
        }
        catch (JsonException e)
        {
            throw ValidationFailedException.For("checkpoint", $"Not a checkpoint file: {e.Message}");
        }

        if (checkpoint is null || checkpoint.Head is null || checkpoint.Signature is null || checkpoint.PublicKey is null)
        {
            throw ValidationFailedException.For("checkpoint", "Not a checkpoint file.");
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(trustedPublicKeyPem ?? checkpoint.PublicKey);
            var signature = Convert.FromBase64String(checkpoint.Signature);
            if (!key.VerifyData(Payload(checkpoint.Seq, checkpoint.Head, checkpoint.At), signature, HashAlgorithmName.SHA256))
            {
                throw ValidationFailedException.For("checkpoint", "The checkpoint's signature does not verify: it was altered or signed by another key.");
            }
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            throw ValidationFailedException.For("checkpoint", $"The checkpoint's signature cannot be checked: {e.Message}");
        }

        return checkpoint;
    }

    /// <summary>The file's text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static byte[] Payload(long seq, string head, DateTime at) =>
        Encoding.UTF8.GetBytes($"ethics-checkpoint-v1\n{seq.ToString(CultureInfo.InvariantCulture)}\n{head}\n{at.ToUniversalTime():O}");
}

/// <summary>Signs a checkpoint of the record's head as it is now.</summary>
public sealed record CreateCheckpoint : IQuery<AuditCheckpoint>, IOperatorRequest;

public sealed class CreateCheckpointHandler(EthicsDbContext db, TimeProvider clock) : IQueryHandler<CreateCheckpoint, AuditCheckpoint>
{
    public async ValueTask<AuditCheckpoint> Handle(CreateCheckpoint query, CancellationToken cancellationToken)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditHead.Row, cancellationToken)
            ?? throw new ConflictException("The record is empty: there is nothing to checkpoint yet.");
        using var key = db.Keys.CheckpointSigningKey();
        return AuditCheckpoint.Sign(head.Seq, head.LastHash, clock.GetUtcNow().UtcDateTime, key);
    }
}
