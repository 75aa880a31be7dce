using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using EthicsCases.Domain;
using Microsoft.IdentityModel.Tokens;

namespace EthicsCases.Security;

/// <summary>
/// Bearer tokens for the embedded local sign-in mode (<c>Auth:Mode=Local</c>) and <c>ethics dev token</c>. They are
/// shaped like Entra ID access tokens (<c>preferred_username</c>, <c>roles</c>, <c>scp</c>) so the API validates them
/// through the same JwtBearer pipeline. The RSA key lives in the data folder, created on first use with mode 600.
/// </summary>
public static class LocalTokens
{
    /// <summary>Issuer of local tokens.</summary>
    public const string Issuer = "https://ethicscases.local/";

    /// <summary>Audience of local tokens; also the local mode's <c>AzureAd:ClientId</c>.</summary>
    public const string Audience = "api://ethicscases-local";

    /// <summary>The delegated scope every local token carries.</summary>
    public const string Scope = "Cases.ReadWrite";

    /// <summary>File name of the signing key inside the data folder.</summary>
    public const string KeyFileName = "local-signing-key.pem";

    /// <summary>How long a token lives.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>Issues a token for a directory person, creating the signing key if needed.</summary>
    public static (string Token, DateTimeOffset Expires) Issue(Person person, string dataDirectory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        var claims = new List<Claim>
        {
            new("sub", person.Id.ToString()),
            new("oid", person.Id.ToString()),
            new("preferred_username", person.Email),
            new("email", person.Email),
            new("name", person.Name),
            new("scp", Scope),
        };
        claims.AddRange(person.Roles.Select(r => new Claim("roles", r.ToString())));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(dataDirectory), SecurityAlgorithms.RsaSha256),
        };
        var handler = new JwtSecurityTokenHandler { MapInboundClaims = false };
        return (handler.WriteToken(handler.CreateJwtSecurityToken(descriptor)), expires);
    }

    /// <summary>The signing key (private part included), created on first use.</summary>
    public static RsaSecurityKey SigningKey(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        EthicsCases.Data.DatabaseSettings.CreatePrivateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var kid = Base64UrlEncoder.Encode(SHA256.HashData(parameters.Modulus!))[..16];
        return new RsaSecurityKey(rsa) { KeyId = kid };
    }

    private static void TryCreate(string path)
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        try
        {
            // CreateNew: when the CLI and the web app race, one wins and the other reads the winner's key.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(pem);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }
}
