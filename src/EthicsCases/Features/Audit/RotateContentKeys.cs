using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Audit;

/// <summary>
/// Rotates the key-encryption key (<c>ethics keys rotate</c>): a new key becomes current (in the key file; with keys
/// from configuration the operator has put it in place and kept the old one under <c>Encryption:RetiredKeys</c>) and
/// every data key is unwrapped with its old key and wrapped again with the new one. Content is not touched: the data
/// keys that seal it do not change.
/// </summary>
public sealed record RotateContentKeys : ICommand<ContentKeysRotated>, IOperatorRequest;

/// <summary>How many data keys were rewrapped, and under which key.</summary>
public sealed record ContentKeysRotated(int Rewrapped, string KekId, string PreviousKekId);

public sealed class RotateContentKeysHandler(EthicsDbContext db, TimeProvider clock) : ICommandHandler<RotateContentKeys, ContentKeysRotated>
{
    private const int Batch = 5_000;

    public async ValueTask<ContentKeysRotated> Handle(RotateContentKeys command, CancellationToken cancellationToken)
    {
        var crypto = db.Keys.Content;
        var previous = crypto.Keys.CurrentId;
        var current = crypto.Keys.File is null ? previous : crypto.Keys.Rotate();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rewrapped = 0;
        while (true)
        {
            var batch = await db.DataKeys.Where(k => k.KekId != current).OrderBy(k => k.OwnerId).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var key in batch)
            {
                var clear = crypto.Unwrap(key.OwnerId, key.KekId, key.Wrapped);
                var (kekId, wrapped) = crypto.Wrap(key.OwnerId, clear);
                key.Rewrap(kekId, wrapped);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            rewrapped += batch.Count;
        }

        await DirectoryAudit.RecordAsync(db, null, "ContentKeysRotated", clock.GetUtcNow().UtcDateTime,
            JsonSerializer.Serialize(new { rewrapped, kekId = current, previousKekId = previous }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ContentKeysRotated(rewrapped, current, previous);
    }
}
