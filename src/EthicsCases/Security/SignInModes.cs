namespace EthicsCases.Security;

/// <summary>
/// <c>Auth:Mode</c> as every host reads it: <c>Local</c> (anyone signs in as anyone, for development on this machine)
/// or <c>EntraId</c>. The web app and <c>ethics dev token</c> apply the same rule.
/// </summary>
public static class SignInModes
{
    /// <summary>The embedded local sign-in mode.</summary>
    public const string Local = "Local";

    /// <summary>Microsoft Entra ID.</summary>
    public const string EntraId = "EntraId";

    /// <summary>The environment name that allows local sign-in.</summary>
    public const string Development = "Development";

    /// <summary>
    /// The mode for a configured value and an environment: unset means Local in Development and EntraId elsewhere;
    /// only the two names are accepted (case-insensitive; numbers are not names), and Local only in Development.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value names no mode, or Local outside Development.</exception>
    public static string Resolve(string? configured, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(environmentName);
        var development = string.Equals(environmentName, Development, StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return development ? Local : EntraId;
        }

        var mode = new[] { Local, EntraId }.FirstOrDefault(m => string.Equals(m, configured.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Auth:Mode '{configured}' is not a sign-in mode; use Local (development only) or EntraId.");
        if (mode == Local && !development)
        {
            throw new InvalidOperationException(
                $"Auth:Mode is Local, which lets anyone sign in as anyone; it is refused outside Development (the environment is '{environmentName}'). " +
                "Configure Microsoft Entra ID (Auth:Mode=EntraId and the AzureAd section, see docs/entra-id.md) " +
                "or run with ASPNETCORE_ENVIRONMENT=Development for a local trial on this machine.");
        }

        return mode;
    }
}
