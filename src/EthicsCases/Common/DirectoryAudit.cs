using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>Audit events that belong to no case (directory changes) form their own chain.</summary>
public static class DirectoryAudit
{
    /// <summary>Appends a directory event after the newest one, saved or still pending in this context.</summary>
    public static async Task RecordAsync(EthicsDbContext db, string? actorEmail, string action, DateTime at, string? data, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<AuditEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == null)
            .Select(e => e.Entity)
            .ToList();
        var head = pending.FirstOrDefault(e => pending.All(other => other.PreviousHash != e.Hash))?.Hash
            ?? await db.AuditEvents.Where(e => e.CaseId == null).OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct)
            ?? "";
        db.AuditEvents.Add(new AuditEvent(null, at, null, actorEmail ?? "system", action, null, null, null, data, head));
    }
}
