namespace EthicsCases.Domain;

/// <summary>
/// How an anonymous reporter comes back to a report (Exchange Act Rule 10A-3): a report key and a password, both
/// shown once and stored only as hashes. Nothing else about the reporter is kept.
/// </summary>
public sealed class AnonymousCredential
{
    /// <summary>HMAC-SHA256 of the password under the server's anonymous secret (ADR-010); every new credential.</summary>
    public const string HmacScheme = "HMAC-SHA256";

    /// <summary>PBKDF2-SHA256 with <see cref="Iterations"/>: credentials issued before ADR-010, upgraded on their next successful check.</summary>
    public const string Pbkdf2Scheme = "PBKDF2-SHA256";

    private AnonymousCredential()
    {
    }

    /// <summary>Stores the hashes of a new credential.</summary>
    public AnonymousCredential(Guid caseId, string keyHash, string passwordHash, string passwordSalt, string scheme, int iterations = 0)
    {
        CaseId = caseId;
        KeyHash = keyHash;
        PasswordHash = passwordHash;
        PasswordSalt = passwordSalt;
        Scheme = scheme;
        Iterations = iterations;
    }

    /// <summary>The case; one credential per anonymous case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>SHA-256 of the report key (80 random bits, so a fast lookup hash is safe).</summary>
    public string KeyHash { get; private set; } = "";

    /// <summary>The password's hash under <see cref="Scheme"/>.</summary>
    public string PasswordHash { get; private set; } = "";

    /// <summary>Random salt for <see cref="PasswordHash"/>.</summary>
    public string PasswordSalt { get; private set; } = "";

    /// <summary><see cref="HmacScheme"/> or <see cref="Pbkdf2Scheme"/>.</summary>
    public string Scheme { get; private set; } = Pbkdf2Scheme;

    /// <summary>PBKDF2 iteration count of a <see cref="Pbkdf2Scheme"/> hash; 0 for HMAC.</summary>
    public int Iterations { get; private set; }

    /// <summary>Replaces the password hash with one under a newer scheme (after a successful check).</summary>
    public void Rehash(string passwordHash, string passwordSalt, string scheme)
    {
        PasswordHash = passwordHash;
        PasswordSalt = passwordSalt;
        Scheme = scheme;
        Iterations = 0;
    }
}
