namespace EthicsCases.Domain;

/// <summary>Permanent redaction of a passage in a narrative or a message.</summary>
public static class Redaction
{
    /// <summary>What stands where a redacted passage was.</summary>
    public const string Marker = "[redacted]";

    /// <summary>The text with every occurrence of <paramref name="passage"/> replaced by the marker.</summary>
    public static string Apply(string text, string passage)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(passage))
        {
            throw ValidationFailedException.For("passage", "Give the passage to redact, exactly as it appears.");
        }

        return text.Contains(passage, StringComparison.Ordinal)
            ? text.Replace(passage, Marker, StringComparison.Ordinal)
            : throw ValidationFailedException.For("passage", "The passage does not appear in the text (it must match exactly).");
    }
}
