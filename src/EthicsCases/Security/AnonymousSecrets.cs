using System.Security.Cryptography;
using System.Text;
using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Security;

/// <summary>
/// Report keys and passwords for anonymous reports. The key is looked up by its SHA-256 (it carries 80 random bits,
/// so a fast hash cannot be brute-forced). Passwords are checked by <see cref="AnonymousPasswordHasher"/>; the PBKDF2
/// functions here remain for credentials issued before ADR-010.
/// </summary>
public static class AnonymousSecrets
{
    /// <summary>PBKDF2 iterations of the credentials issued before ADR-010.</summary>
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

    /// <summary>A fresh salt and the PBKDF2 hash of the password (the scheme before ADR-010).</summary>
    public static (string Hash, string Salt) HashPassword(string password, int iterations = Iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(Derive(password, salt, iterations)), Convert.ToBase64String(salt));
    }

    /// <summary>Checks a PBKDF2 password hash in constant time.</summary>
    public static bool VerifyPassword(string password, string hash, string salt, int iterations)
    {
        var expected = Convert.FromBase64String(hash);
        var actual = Derive(password, Convert.FromBase64String(salt), iterations);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Upper-case, without white space: how a password or key typed by hand is compared.</summary>
    internal static string Normalize(string value) =>
        new string((value ?? "").Where(ch => !char.IsWhiteSpace(ch)).ToArray()).ToUpperInvariant();

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(password)), salt, iterations, HashAlgorithmName.SHA256, 32);

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

/// <summary>
/// Hashes anonymous reporters' passwords with HMAC-SHA256 under a server secret held outside the database
/// (docs/adr/ADR-010-anonymous-credential-hash.md). The password has 100 random bits, so a slow KDF adds nothing
/// against guessing; it only made every status check cost half a second of CPU. The secret makes a stolen database
/// useless for offline checks.
/// </summary>
public sealed class AnonymousPasswordHasher
{
    /// <summary>Configuration key of the secret (base64 of at least 32 bytes, or at least 32 characters).</summary>
    public const string SecretKey = "Anonymous:Secret";

    /// <summary>File name of the secret in the data folder when <see cref="SecretKey"/> is not configured.</summary>
    public const string SecretFileName = "anonymous-secret.key";

    private const int MinimumSecretBytes = 32;

    private readonly byte[] _secret;

    /// <summary>A hasher with this secret.</summary>
    public AnonymousPasswordHasher(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The anonymous secret must have at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    /// <summary>
    /// The secret from <c>Anonymous:Secret</c>, else from <c>anonymous-secret.key</c> in the data folder, created with
    /// mode 600 on first use. The web app outside Development refuses to start without the configured value.
    /// </summary>
    public static AnonymousPasswordHasher FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[SecretKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new AnonymousPasswordHasher(Decode(configured.Trim(), SecretKey));
        }

        var path = Path.Combine(DatabaseSettings.DataDirectory(configuration), SecretFileName);
        if (!File.Exists(path))
        {
            SecretFiles.CreateOwnerOnly(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumSecretBytes)));
        }

        return new AnonymousPasswordHasher(Decode(File.ReadAllText(path).Trim(), path));
    }

    /// <summary>A fresh salt and the HMAC of the password.</summary>
    public (string Hash, string Salt) Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(Mac(password, salt)), Convert.ToBase64String(salt));
    }

    /// <summary>Checks a password against a credential of either scheme, in constant time for the scheme.</summary>
    public bool Verify(AnonymousCredential credential, string password)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return credential.Scheme switch
        {
            AnonymousCredential.HmacScheme => CryptographicOperations.FixedTimeEquals(
                Convert.FromBase64String(credential.PasswordHash), Mac(password, Convert.FromBase64String(credential.PasswordSalt))),
            AnonymousCredential.Pbkdf2Scheme => AnonymousSecrets.VerifyPassword(password, credential.PasswordHash, credential.PasswordSalt, credential.Iterations),
            _ => false,
        };
    }

    /// <summary>Spends what a check of a new credential costs, so that an unknown key does not answer faster than a wrong password.</summary>
    public void BurnEquivalentTime(string password) => Mac(password, new byte[16]);

    private byte[] Mac(string password, byte[] salt)
    {
        var normalized = Encoding.UTF8.GetBytes(AnonymousSecrets.Normalize(password));
        return HMACSHA256.HashData(_secret, salt.Concat(normalized).ToArray());
    }

    private static byte[] Decode(string value, string source)
    {
        var buffer = new byte[value.Length];
        if (Convert.TryFromBase64String(value, buffer, out var written) && written >= MinimumSecretBytes)
        {
            return buffer[..written];
        }

        var text = Encoding.UTF8.GetBytes(value);
        return text.Length >= MinimumSecretBytes
            ? text
            : throw new InvalidOperationException(
                $"{source}: the anonymous-report secret must be at least {MinimumSecretBytes} bytes (base64) or {MinimumSecretBytes} characters; " +
                "generate one with 'openssl rand -base64 32'.");
    }
}

/// <summary>Secrets kept as files in the data folder, readable by the owner only.</summary>
internal static class SecretFiles
{
    /// <summary>Creates the file with mode 600 unless another process created it first.</summary>
    public static void CreateOwnerOnly(string path, string content)
    {
        try
        {
            // CreateNew: when the CLI and the web app race, one wins and the other reads the winner's file.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(content);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }
}
