using System.Text.Json;
using System.Text.Json.Serialization;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// Who may see which waiver. The Board, the Audit Committee, the General Counsel and anyone the Board designated for
/// waivers (in force today) review the register; nobody reviews a waiver for themselves, which answers "not found" as a
/// case does for its subject. An officer sees their own waivers and no other.
/// </summary>
public static class WaiverAccess
{
    /// <summary>Whether the person holds a role that reviews the register.</summary>
    public static bool HasReviewerRole(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Has(Role.Board) || person.Has(Role.AuditCommittee) || person.Has(Role.GeneralCounsel);
    }

    /// <summary>Whether the person reviews the register today: by role, or under a designation for waivers in force today.</summary>
    public static async Task<bool> IsReviewerAsync(EthicsDbContext db, Person person, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return HasReviewerRole(person)
            || Designations.CanDecide(person, DesignatedMatter.Waivers, today, await DesignationsOnAsync(db, today, ct));
    }

    /// <summary>The designations working on a date (every matter).</summary>
    public static async Task<IReadOnlyList<BoardDesignation>> DesignationsOnAsync(EthicsDbContext db, DateOnly on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.BoardDesignations.AsNoTracking().Where(d => d.From <= on && d.To >= on).ToListAsync(ct);
    }

    /// <summary>
    /// Loads a waiver, tracked, for a reviewer's action: "not found" when it does not exist or is for the actor
    /// (recusal), "forbidden" when the actor reviews nothing.
    /// </summary>
    public static async Task<Waiver> LoadForReviewAsync(EthicsDbContext db, Guid id, Person me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        var waiver = await db.Waivers.Include(w => w.Person).SingleOrDefaultAsync(w => w.Id == id, ct);
        if (waiver is null || waiver.IsFor(me))
        {
            throw new NotFoundException($"Waiver '{id}' was not found.");
        }

        return await db.OpenAsync(waiver, ct);
    }
}

/// <summary>
/// Audit events of the register, on the directory chain (a waiver belongs to no case). The data holds ids, states,
/// dates and SHA-256 hashes of the narrative texts, never the texts: the audit record is kept as evidence apart from
/// the register, and the reasons stay on the register's rows.
/// </summary>
public static class WaiverAudit
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Appends the event to the pending changes; the caller saves.</summary>
    public static Task RecordAsync(EthicsDbContext db, Person actor, string action, DateTime at, object data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return DirectoryAudit.RecordAsync(db, actor.Email, action, at, JsonSerializer.Serialize(data, Json), ct);
    }
}
