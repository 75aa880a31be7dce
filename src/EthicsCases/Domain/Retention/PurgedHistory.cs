using System.Globalization;
using System.Text.Json;

namespace EthicsCases.Domain.Retention;

/// <summary>
/// What a case's history shows where the retention policy removed an event's reason: a marker naming the policy
/// version and the day, so an empty reason never reads as "no reason was given".
/// </summary>
public static class PurgedHistory
{
    /// <summary>The case's purge event in its history, if it was purged.</summary>
    public static AuditEvent? PurgeOf(IEnumerable<AuditEvent> history) =>
        history.LastOrDefault(e => e.Action == EthicsCase.ContentPurgedAction);

    /// <summary>
    /// The marker for an event whose reason the purge removed (its hash stays in the record); null for an event that
    /// had no reason, still has it, or belongs to a case that was never purged.
    /// </summary>
    public static string? MarkerFor(AuditEvent e, AuditEvent? purge)
    {
        ArgumentNullException.ThrowIfNull(e);
        return purge is not null && e.ReasonSha256 is not null && e.SealedReason is null && e.Reason is null ? Marker(purge) : null;
    }

    /// <summary>"[purged under retention policy VERSION on DATE]" for the purge event given.</summary>
    public static string Marker(AuditEvent purge)
    {
        ArgumentNullException.ThrowIfNull(purge);
        string? version = null;
        if (purge.Data is { } data)
        {
            using var json = JsonDocument.Parse(data);
            version = json.RootElement.TryGetProperty("policyVersion", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }

        return $"[purged under retention policy {version ?? "?"} on {purge.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}]";
    }
}
