namespace EthicsCases.Domain;

/// <summary>
/// How an anonymous reporter comes back to a report (Exchange Act Rule 10A-3): a report key and a password, both
/// shown once and stored only as hashes. Nothing else about the reporter is kept.
/// </summary>
public sealed class AnonymousCredential
{
    private AnonymousCredential()
    {
    }

    /// <summary>Stores the hashes of a new credential.</summary>
    public AnonymousCredential(Guid caseId, string keyHash, string passwordHash, string passwordSalt, int iterations)
    {
        CaseId = caseId;
        KeyHash = keyHash;
        PasswordHash = passwordHash;
        PasswordSalt = passwordSalt;
        Iterations = iterations;
    }

    /// <summary>The case; one credential per anonymous case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>SHA-256 of the report key (80 random bits, so a fast lookup hash is safe).</summary>
    public string KeyHash { get; private set; } = "";

    /// <summary>PBKDF2-SHA256 of the password.</summary>
    public string PasswordHash { get; private set; } = "";

    /// <summary>Random salt for <see cref="PasswordHash"/>.</summary>
    public string PasswordSalt { get; private set; } = "";

    /// <summary>PBKDF2 iteration count used, so it can be raised later.</summary>
    public int Iterations { get; private set; }
}
