namespace EthicsCases.Domain;

/// <summary>
/// Which documents may be attached to a case: an allow-list by extension, each checked against the file's leading
/// bytes where the format has a signature, and a size limit. The content type stored is ours, never the browser's.
/// </summary>
public static class EvidencePolicy
{
    /// <summary>Largest accepted file (10 MiB).</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, byte[]? Signature)> Allowed =
        new Dictionary<string, (string, byte[]?)>(StringComparer.OrdinalIgnoreCase)
        {
            [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
            [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
            [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
            [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
            [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"u8.ToArray()),
            [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"u8.ToArray()),
            [".txt"] = ("text/plain", null),
            [".csv"] = ("text/csv", null),
            [".eml"] = ("message/rfc822", null),
        };

    /// <summary>The accepted extensions, for forms and messages.</summary>
    public static IReadOnlyCollection<string> Extensions => Allowed.Keys;

    /// <summary>The content type to store, or an explanation of why the file is refused.</summary>
    public static (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"The file is larger than {MaxBytes / (1024 * 1024)} MiB.");
        }

        if (!Allowed.TryGetValue(Path.GetExtension(fileName ?? ""), out var rule))
        {
            return (null, $"This type of file is not accepted; use one of {string.Join(", ", Allowed.Keys)}.");
        }

        if (rule.Signature is { } signature && !content.StartsWith(signature))
        {
            return (null, "The file's content does not match its extension.");
        }

        if (rule.Signature is null && content.IndexOf((byte)0) >= 0)
        {
            return (null, "A text file must not contain binary data.");
        }

        return (rule.ContentType, null);
    }

    /// <summary>A file name safe to store and to send back in a Content-Disposition header.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var clean = new string(name.Where(ch => !char.IsControl(ch) && ch is not '"' and not '/' and not ':').ToArray()).Trim();
        return clean.Length == 0 ? "evidence" : clean.Length > 200 ? clean[^200..] : clean;
    }
}
