using System.Security.Cryptography;
using System.Text;
using EthicsCases.Domain;

namespace EthicsCases.Security.Keys;

/// <summary>
/// Envelope encryption with AES-256-GCM. Each owner (a case, a ledger entry, the directory) has its own data key; the
/// data key is stored wrapped by a key-encryption key of the <c>Encryption</c> ring, never in clear. Content is sealed
/// with the owner's data key and bound to its owner and purpose (associated data), so a ciphertext copied to another
/// row or another field does not open.
/// </summary>
public sealed class ContentCrypto(KeyRing keyEncryptionKeys)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] Magic = SealedFormat.Marker.ToArray();

    /// <summary>The key-encryption keys.</summary>
    public KeyRing Keys => keyEncryptionKeys;

    /// <summary>Whether the bytes are sealed content (as opposed to legacy clear text from before encryption).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> value) => SealedFormat.IsSealed(value);

    /// <summary>A fresh data key.</summary>
    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Wraps a data key under the current key-encryption key.</summary>
    public (string KekId, byte[] Wrapped) Wrap(Guid owner, byte[] dataKey)
    {
        ArgumentNullException.ThrowIfNull(dataKey);
        return (keyEncryptionKeys.CurrentId, Encrypt(keyEncryptionKeys.Current, dataKey, WrapContext(owner), []));
    }

    /// <summary>Unwraps a data key; throws when the key-encryption key is unknown or the wrapping was tampered with.</summary>
    public byte[] Unwrap(Guid owner, string kekId, byte[] wrapped)
    {
        var kek = keyEncryptionKeys.Find(kekId)
            ?? throw new CryptographicException($"The key-encryption key '{kekId}' is not in the Encryption key ring.");
        return Decrypt(kek, wrapped, WrapContext(owner), 0);
    }

    /// <summary>
    /// Unwraps a data key with a cipher kept per key-encryption key in <paramref name="ciphers"/> (the caller disposes them):
    /// for a reader that unwraps every owner's key in turn, as the verifier does.
    /// </summary>
    internal byte[] Unwrap(Guid owner, string kekId, byte[] wrapped, Dictionary<string, AesGcm> ciphers)
    {
        ArgumentNullException.ThrowIfNull(ciphers);
        if (!ciphers.TryGetValue(kekId, out var cipher))
        {
            var kek = keyEncryptionKeys.Find(kekId)
                ?? throw new CryptographicException($"The key-encryption key '{kekId}' is not in the Encryption key ring.");
            ciphers[kekId] = cipher = new AesGcm(kek, TagBytes);
        }

        return Decrypt(cipher, wrapped, WrapContext(owner), 0);
    }

    /// <summary>Seals bytes with an owner's data key for a purpose.</summary>
    public static byte[] Seal(byte[] dataKey, Guid owner, string purpose, ReadOnlySpan<byte> content) =>
        Encrypt(dataKey, content, Context(owner, purpose), Magic);

    /// <summary>Opens sealed bytes; legacy clear bytes (no seal marker) come back as they are.</summary>
    public static byte[] Open(byte[] dataKey, Guid owner, string purpose, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsSealed(value) ? Decrypt(dataKey, value, Context(owner, purpose), Magic.Length) : value;
    }

    /// <summary>Seals text (UTF-8).</summary>
    public static byte[] SealText(byte[] dataKey, Guid owner, string purpose, string text) =>
        Seal(dataKey, owner, purpose, Encoding.UTF8.GetBytes(text));

    /// <summary>Opens text sealed by <see cref="SealText"/>.</summary>
    public static string OpenText(byte[] dataKey, Guid owner, string purpose, byte[] value) =>
        Encoding.UTF8.GetString(Open(dataKey, owner, purpose, value));

    private static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plain, byte[] associated, ReadOnlySpan<byte> prefix)
    {
        var output = new byte[prefix.Length + NonceBytes + TagBytes + plain.Length];
        prefix.CopyTo(output);
        var nonce = output.AsSpan(prefix.Length, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(prefix.Length + NonceBytes + TagBytes), output.AsSpan(prefix.Length + NonceBytes, TagBytes), associated);
        return output;
    }

    private static byte[] Decrypt(ReadOnlySpan<byte> key, byte[] sealedValue, byte[] associated, int offset)
    {
        if (sealedValue.Length < offset + NonceBytes + TagBytes)
        {
            throw new CryptographicException("Sealed content is truncated.");
        }

        using var aes = new AesGcm(key, TagBytes);
        return Decrypt(aes, sealedValue, associated, offset);
    }

    private static byte[] Decrypt(AesGcm aes, byte[] sealedValue, byte[] associated, int offset)
    {
        if (sealedValue.Length < offset + NonceBytes + TagBytes)
        {
            throw new CryptographicException("Sealed content is truncated.");
        }

        var body = sealedValue.AsSpan(offset);
        var plain = new byte[body.Length - NonceBytes - TagBytes];
        aes.Decrypt(body[..NonceBytes], body[(NonceBytes + TagBytes)..], body.Slice(NonceBytes, TagBytes), plain, associated);
        return plain;
    }

    /// <summary>The length of the content inside a sealed value, or -1 when the value is not sealed or is truncated.</summary>
    internal static int SealedLength(ReadOnlySpan<byte> sealedValue) =>
        IsSealed(sealedValue) && sealedValue.Length >= Magic.Length + NonceBytes + TagBytes ? sealedValue.Length - Magic.Length - NonceBytes - TagBytes : -1;

    /// <summary>A cipher for one data key, for a reader that opens many values of the same owner in a row (the verifier).</summary>
    internal static AesGcm Cipher(byte[] dataKey) => new(dataKey, TagBytes);

    /// <summary>
    /// Opens a sealed value into <paramref name="plain"/> (of <see cref="SealedLength"/> bytes) with a cipher made by
    /// <see cref="Cipher"/>, allocating nothing; throws <see cref="CryptographicException"/> like <see cref="Open"/>.
    /// </summary>
    internal static void OpenInto(AesGcm cipher, Guid owner, string purpose, ReadOnlySpan<byte> sealedValue, Span<byte> plain)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(purpose);
        var body = sealedValue[Magic.Length..];
        Span<byte> associated = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(purpose.Length)];
        owner.TryWriteBytes(associated);
        var length = 16 + Encoding.UTF8.GetBytes(purpose, associated[16..]);
        cipher.Decrypt(body[..NonceBytes], body[(NonceBytes + TagBytes)..], body.Slice(NonceBytes, TagBytes), plain, associated[..length]);
    }

    private static byte[] WrapContext(Guid owner) => [.. "ethics-dek-v1"u8, .. owner.ToByteArray()];

    private static byte[] Context(Guid owner, string purpose) => [.. owner.ToByteArray(), .. Encoding.UTF8.GetBytes(purpose)];
}
