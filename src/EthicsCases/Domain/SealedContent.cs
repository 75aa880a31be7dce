namespace EthicsCases.Domain;

/// <summary>
/// An entity whose narrative content (summaries, accounts, messages, documents, rationales) is stored encrypted with
/// the data key of its <see cref="ContentOwner"/>. The plaintext lives in memory only: it is sealed when the entity is
/// saved and opened after it is loaded (<c>db.OpenAsync(...)</c>); reading it before it is opened is a programming error.
/// </summary>
public interface ISealedContent
{
    /// <summary>Whose data key seals the content: the case, or the entity itself when it belongs to no case.</summary>
    Guid ContentOwner { get; }

    /// <summary>Whether there is plaintext that changed since it was last sealed or opened.</summary>
    bool NeedsSealing { get; }

    /// <summary>Seals the plaintext that changed since it was last sealed or opened.</summary>
    void Seal(IContentSealer sealer);

    /// <summary>Opens the sealed columns into the plaintext properties.</summary>
    void Open(IContentSealer sealer);

    /// <summary>Marks opened content to be sealed again on save (it was stored in clear before encryption existed).</summary>
    void MarkUnsealed();
}

/// <summary>Seals and opens content with one owner's data key, bound to a purpose (the field it belongs to).</summary>
public interface IContentSealer
{
    /// <summary>Seals text; null stays null.</summary>
    byte[]? Seal(string purpose, string? text);

    /// <summary>Seals bytes; null stays null.</summary>
    byte[]? Seal(string purpose, byte[]? content);

    /// <summary>Opens text; null stays null.</summary>
    string? OpenText(string purpose, byte[]? sealedValue);

    /// <summary>Opens bytes; null stays null.</summary>
    byte[]? OpenBytes(string purpose, byte[]? sealedValue);
}

/// <summary>The stored form of sealed content.</summary>
public static class SealedFormat
{
    private static readonly byte[] Magic = [0xFF, (byte)'E', (byte)'C', 0x01];

    /// <summary>The marker every sealed value starts with (0xFF never starts UTF-8 text).</summary>
    public static ReadOnlySpan<byte> Marker => Magic;

    /// <summary>Whether stored bytes are sealed, as opposed to clear text from before encryption.</summary>
    public static bool IsSealed(ReadOnlySpan<byte> value) => value.StartsWith(Magic);

    /// <summary>Whether any of the stored values is clear text from before encryption.</summary>
    public static bool AnyClear(params byte[]?[] values) => values.Any(v => v is not null && !IsSealed(v));
}

/// <summary>Thrown when sealed content is read before it was opened.</summary>
public sealed class SealedContentException(string what)
    : InvalidOperationException($"{what} is sealed: open it first (db.OpenAsync) before reading it.");

/// <summary>The owner of content that belongs to no case and no entry of its own: reasons on directory events.</summary>
public static class ContentOwners
{
    /// <summary>The directory's data key owner.</summary>
    public static readonly Guid Directory = Guid.Empty;
}
