using System.Security.Cryptography;
using System.Text;

namespace EthicsCases.Security;

/// <summary>
/// Report keys and passwords for anonymous reports. The key is looked up by its SHA-256 (it carries
/// 80 random bits, so a fast hash cannot be brute-forced); the password (100 random bits) is checked with PBKDF2-SHA256 and a per-report salt.
/// </summary>
public static class AnonymousSecrets
{
    /// <summary>PBKDF2 iterations for new credentials (OWASP 2023 guidance for PBKDF2-HMAC-SHA256).</summary>
    public const int Iterations = 600_000;

    // Crockford base32 without look-alikes, so a key read aloud or copied by hand survives.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";

    /// <summary>A new report key such as <c>AR-7KQ2-M4XD-9TNB-W3PR</c>.</summary>
    public static string NewKey() => "AR-" + Grouped(16);

    /// <summary>A new password such as <c>H4KD-PW7M-2QZT-X9RC-BF3N</c> (100 bits).</summary>
    public static string NewPassword() => Grouped(20);

    /// <summary>The lookup hash of a key; tolerant of case and spaces.</summary>
    public static string HashKey(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(key))));

    /// <summary>A fresh salt and the PBKDF2 hash of the password.</summary>
    public static (string Hash, string Salt) HashPassword(string password, int iterations = Iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(Derive(password, salt, iterations)), Convert.ToBase64String(salt));
    }

    /// <summary>Checks a password in constant time.</summary>
    public static bool VerifyPassword(string password, string hash, string salt, int iterations)
    {
        var expected = Convert.FromBase64String(hash);
        var actual = Derive(password, Convert.FromBase64String(salt), iterations);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Spends the same time as a real check, so that an unknown key does not answer faster than a wrong password.</summary>
    public static void BurnEquivalentTime(string password) => Derive(password, new byte[16], Iterations);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(password)), salt, iterations, HashAlgorithmName.SHA256, 32);

    private static string Normalize(string value) =>
        new string((value ?? "").Where(ch => !char.IsWhiteSpace(ch)).ToArray()).ToUpperInvariant();

    private static string Grouped(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return string.Join('-', Enumerable.Range(0, length / 4).Select(g => new string(chars, g * 4, 4)));
    }
}
