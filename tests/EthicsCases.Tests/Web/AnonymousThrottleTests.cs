using System.Net;
using System.Net.Http.Json;

namespace EthicsCases.Tests.Web;

/// <summary>
/// The anonymous endpoints' rate limit: partitioned by client address with IPv6 by /64, forwarded addresses only from
/// configured proxies, and a 429 that says when to come back.
/// </summary>
public sealed class AnonymousThrottleTests
{
    private const int PerMinute = 3;

    private static EntraWebFactory App(params (string Key, string Value)[] settings) =>
        new(new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["RateLimiting:AnonymousPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static async Task<HttpStatusCode> CheckStatusAsync(HttpClient client, string peer, string? forwardedFor = null)
    {
        var request = TestPeers.From(peer, HttpMethod.Post, "/api/anonymous/status",
            JsonContent.Create(new { reportKey = "AR-0000-0000-0000-0000", password = "NOPE-NOPE-NOPE-NOPE-NOPE" }));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using (request)
        using (var response = await client.SendAsync(request))
        {
            return response.StatusCode;
        }
    }

    [Test]
    public async Task Too_many_requests_answer_429_with_Retry_After()
    {
        using var app = App();
        using var client = app.CreateClient();
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.That(await CheckStatusAsync(client, "198.51.100.20"), Is.EqualTo(HttpStatusCode.NotFound));
        }

        using var request = TestPeers.From("198.51.100.20", HttpMethod.Post, "/api/anonymous/status",
            JsonContent.Create(new { reportKey = "AR-0000-0000-0000-0000", password = "x" }));
        using var limited = await client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.Not.Null);
            Assert.That(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, Is.InRange(1, 60));
        });
    }

    [Test]
    public async Task Addresses_of_one_IPv6_64_share_a_limit_and_the_next_64_does_not()
    {
        using var app = App();
        using var client = app.CreateClient();
        var answers = new List<HttpStatusCode>();
        foreach (var sibling in new[] { "2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff:ffff:ffff:fffe" })
        {
            answers.Add(await CheckStatusAsync(client, sibling));
        }

        var fourthSibling = await CheckStatusAsync(client, "2001:db8:1:2:abcd::9");
        var nextPrefix = await CheckStatusAsync(client, "2001:db8:1:3::1");

        Assert.Multiple(() =>
        {
            Assert.That(answers, Is.All.EqualTo(HttpStatusCode.NotFound));
            Assert.That(fourthSibling, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(nextPrefix, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task A_spoofed_X_Forwarded_For_from_an_unknown_proxy_is_ignored()
    {
        using var app = App();
        using var client = app.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= PerMinute + 1; i++)
        {
            // One sender pretends each request comes from someone else.
            answers.Add(await CheckStatusAsync(client, "198.51.100.7", $"203.0.113.{i}"));
        }

        Assert.That(answers[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), string.Join(", ", answers));
    }

    [Test]
    public async Task A_configured_proxy_reports_the_client_address()
    {
        using var app = App(("ForwardedHeaders:KnownProxies:0", "198.51.100.7"));
        using var client = app.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= PerMinute + 1; i++)
        {
            answers.Add(await CheckStatusAsync(client, "198.51.100.7", $"203.0.113.{i}"));
        }

        for (var i = 0; i < PerMinute; i++)
        {
            answers.Add(await CheckStatusAsync(client, "198.51.100.7", "203.0.113.50"));
        }

        var sameClient = await CheckStatusAsync(client, "198.51.100.7", "203.0.113.50");

        Assert.Multiple(() =>
        {
            Assert.That(answers, Is.All.EqualTo(HttpStatusCode.NotFound), "different clients behind the proxy each have their own limit");
            Assert.That(sameClient, Is.EqualTo(HttpStatusCode.TooManyRequests));
        });
    }
}
