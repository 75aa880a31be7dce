using System.Security.Cryptography;
using System.Text;

namespace EthicsCases.Domain.Waivers;

/// <summary>
/// SHA-256 of a narrative text (a reason, a rationale), for audit events: the event proves which text was recorded
/// without carrying it, so the narrative stays on its row and out of the audit record.
/// </summary>
public static class TextHash
{
    /// <summary>Lower-case hex SHA-256 of the trimmed UTF-8 text; null for no text.</summary>
    public static string? Of(string? text) =>
        text is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim())));
}
