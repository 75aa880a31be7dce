using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EthicsCases.Domain;

/// <summary>
/// One entry of the tamper-evident audit trail. Events of a case form a hash chain (each event hashes its
/// predecessor), so <c>ethics audit verify</c> detects any edit or deletion made outside the application.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    internal AuditEvent(Guid? caseId, DateTime at, Guid? actorId, string actor, string action,
        string? from, string? to, string? reason, string? data, string previousHash)
    {
        CaseId = caseId;
        At = Truncate(at);
        ActorId = actorId;
        Actor = actor;
        Action = action;
        From = from;
        To = to;
        Reason = reason;
        Data = data;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>Database identity; increases with time.</summary>
    public long Id { get; private set; }

    /// <summary>The case the event belongs to; null for directory events.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>When it happened (UTC, microsecond precision so that every provider round-trips it exactly).</summary>
    public DateTime At { get; private set; }

    /// <summary>The directory person who acted, when there is one.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>Who acted: an e-mail address, "anonymous reporter" or "system".</summary>
    public string Actor { get; private set; } = "";

    /// <summary>A trigger name, or an action such as <c>Filed</c> or <c>PersonAdded</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>State before, for transitions.</summary>
    public string? From { get; private set; }

    /// <summary>State after, for transitions.</summary>
    public string? To { get; private set; }

    /// <summary>The reason given.</summary>
    public string? Reason { get; private set; }

    /// <summary>Structured detail as JSON (factors, sanctions, policy version...).</summary>
    public string? Data { get; private set; }

    /// <summary>Hash of the previous event of the same chain ("" for the first).</summary>
    public string PreviousHash { get; private set; } = "";

    /// <summary>SHA-256 over this event's content and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>Recomputes the hash from the stored fields.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            PreviousHash,
            CaseId?.ToString("N") ?? "",
            At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            ActorId?.ToString("N") ?? "",
            Actor, Action, From ?? "", To ?? "", Reason ?? "", Data ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static DateTime Truncate(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Utc ? at : at.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }
}
