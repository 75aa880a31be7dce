using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// The client's address as far as it can be trusted: the connection's, or, behind reverse proxies listed in
/// <c>ForwardedHeaders:KnownProxies</c> / <c>ForwardedHeaders:KnownNetworks</c>, what they report in
/// <c>X-Forwarded-For</c> (and <c>X-Forwarded-Proto</c>). With nothing configured the headers are ignored, because
/// anyone can send them.
/// </summary>
public static class ClientAddresses
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ForwardedHeaders";

    /// <summary>Whether any forwarding proxy is configured.</summary>
    public static bool ProxiesConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Values(configuration, "KnownProxies").Length + Values(configuration, "KnownNetworks").Length > 0;
    }

    /// <summary>Binds the trusted proxies; refuses an address or network it cannot read.</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = Values(configuration, "KnownProxies").Select(p => IPAddress.TryParse(p, out var a)
            ? a : throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = Values(configuration, "KnownNetworks").Select(n => System.Net.IPNetwork.TryParse(n, out var net)
            ? net : throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' is not a network such as 10.0.0.0/8.")).ToList();
        var limit = configuration.GetValue($"{Section}:ForwardLimit", 1);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
            o.ForwardLimit = limit;
        });
        return services;
    }

    /// <summary>
    /// The rate-limiting partition of an address: the IPv4 address, or the /64 of an IPv6 one (one subscriber commonly
    /// holds a whole /64, so per-address limits would not limit anyone).
    /// </summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/64");
    }

    private static string[] Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        // An array in appsettings, or one comma-separated value from an environment variable.
        var items = section.GetChildren().Select(c => c.Value).ToList();
        if (section.Value is { } single)
        {
            items.AddRange(single.Split(',', ';'));
        }

        return items.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray();
    }
}
