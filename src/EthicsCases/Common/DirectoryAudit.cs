using EthicsCases.Data;
using EthicsCases.Domain;

namespace EthicsCases.Common;

/// <summary>
/// Events that belong to no case (the directory, the ledger, Form 4 imports, the record itself) form the directory
/// chain. The event is placed, linked and authenticated when the unit of work is saved.
/// </summary>
public static class DirectoryAudit
{
    /// <summary>Adds a directory event to the unit of work; <paramref name="reason"/> is sealed, never stored in clear.</summary>
    public static Task RecordAsync(EthicsDbContext db, string? actorEmail, string action, DateTime at, string? data, CancellationToken ct,
        string? reason = null, Guid? actorId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEvents.Add(Event(actorEmail, actorId, action, at, data, reason));
        return Task.CompletedTask;
    }

    /// <summary>A directory event not yet added anywhere (bulk writes place it themselves).</summary>
    public static AuditEvent Event(string? actorEmail, Guid? actorId, string action, DateTime at, string? data, string? reason = null) =>
        new(null, at, actorId, actorEmail ?? "system", action, null, null, reason, data);
}
