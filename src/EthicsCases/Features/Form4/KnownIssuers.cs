using System.Text.Json;
using System.Text.Json.Serialization;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Features.Form4;

/// <summary>
/// Issuers whose filings we read (known-issuers.json, shipped inside the assembly): PDF form text shows no issuer CIK,
/// so the parser takes it from here rather than guess. Policy is data: add an issuer by adding a line.
/// </summary>
public sealed class KnownIssuers
{
    private const string ResourceName = "EthicsCases.Features.Form4.known-issuers.json";

    private KnownIssuers(string version, IReadOnlyDictionary<string, string> cikByTicker)
    {
        Version = version;
        CikByTicker = cikByTicker;
    }

    /// <summary>The embedded list.</summary>
    public static KnownIssuers Default { get; } = Load();

    /// <summary>Version of the list.</summary>
    public string Version { get; }

    /// <summary>Ten-digit CIK by ticker, case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> CikByTicker { get; }

    /// <summary>Check options (default limits and calendar) that fill issuer CIKs from this list.</summary>
    public Form4CheckOptions CheckOptions => new()
    {
        Parser = FilingParserOptions.Default with { IssuerCikByTicker = CikByTicker },
    };

    private static KnownIssuers Load()
    {
        using var stream = typeof(KnownIssuers).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize<IssuerFile>(stream)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        var map = file.Issuers.ToDictionary(i => i.Ticker, i => i.Cik, StringComparer.OrdinalIgnoreCase);
        return new KnownIssuers(file.Version, map);
    }

    private sealed record IssuerFile(
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("issuers")] IReadOnlyList<IssuerLine> Issuers);

    private sealed record IssuerLine(
        [property: JsonPropertyName("ticker")] string Ticker,
        [property: JsonPropertyName("cik")] string Cik,
        [property: JsonPropertyName("name")] string? Name);
}
