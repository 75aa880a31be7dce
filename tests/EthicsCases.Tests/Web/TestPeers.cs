using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace EthicsCases.Tests.Web;

/// <summary>
/// Stands in for the network in the in-memory test server, which has no client address: a request carrying
/// <see cref="Header"/> arrives from that address, as if over TCP. Runs before the whole application pipeline, so
/// forwarded headers, the local-mode guard and the rate limiter see exactly what they would see from Kestrel.
/// </summary>
public sealed class TestPeers : IStartupFilter
{
    /// <summary>The test-only header naming the connection's remote address.</summary>
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, inner) =>
        {
            if (context.Request.Headers.Remove(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return inner(context);
        });
        next(app);
    };

    /// <summary>A request from <paramref name="peer"/>.</summary>
    public static HttpRequestMessage From(string peer, HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add(Header, peer);
        return request;
    }
}
