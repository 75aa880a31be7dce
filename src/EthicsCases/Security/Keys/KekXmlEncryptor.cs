using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Security.Keys;

/// <summary>
/// Encrypts the Data Protection key ring's keys with the current key-encryption key (AES-256-GCM) before they are
/// stored in the database; the element names the key-encryption key it used.
/// </summary>
public sealed class KekXmlEncryptor(RecordKeys keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var ring = keys.Content.Keys;
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(ring.Current, 16))
        {
            aes.Encrypt(nonce, plain, cipher, tag, KekXmlDecryptor.Context);
        }

        var element = new XElement("encryptedKey",
            new XAttribute("kekId", ring.CurrentId),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(cipher)));
        return new EncryptedXmlInfo(element, typeof(KekXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="KekXmlEncryptor"/> encrypted (any key of the ring it names).</summary>
public sealed class KekXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    internal static readonly byte[] Context = "ethics-dataprotection-v1"u8.ToArray();

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var keys = services.GetRequiredService<RecordKeys>();
        var kekId = (string?)encryptedElement.Attribute("kekId") ?? throw new CryptographicException("The key names no key-encryption key.");
        var kek = keys.Content.Keys.Find(kekId) ?? throw new CryptographicException($"The key-encryption key '{kekId}' is not in the Encryption key ring.");
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var cipher = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(kek, 16))
        {
            aes.Decrypt(nonce, cipher, tag, plain, Context);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
