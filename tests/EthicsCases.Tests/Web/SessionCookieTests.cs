using System.Net;
using System.Text.RegularExpressions;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using EthicsCases.Tests.Infrastructure;
using EthicsCases.Web.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EthicsCases.Tests.Web;

/// <summary>
/// The session cookie: <c>__Host-</c>, always Secure, sliding 8 hours but never longer than
/// <c>Auth:AbsoluteLifetimeHours</c> after the sign-in; and the directory is read on every request, so a cookie
/// issued before a deactivation or a role change carries none of the old rights.
/// </summary>
public sealed partial class SessionCookieTests
{
    private sealed class ClockedFactory(ManualClock clock) : EthicsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    private static HttpClient Browser(EthicsWebFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Signs in through the local sign-in page, as a browser does; returns the sign-in response.</summary>
    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("/Account/SignIn");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["__RequestVerificationToken"] = token,
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return response;
    }

    private static async Task<HttpStatusCode> Open(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    [Test]
    public async Task The_session_and_antiforgery_cookies_are_Host_prefixed_Secure_and_HttpOnly()
    {
        using var app = new EthicsWebFactory();
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        using var client = Browser(app);

        using var fresh = Browser(app);
        using var form = await fresh.GetAsync("/Account/SignIn");
        var csrf = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthSetup.AntiforgeryCookieName + "=", StringComparison.Ordinal));
        using var signIn = await SignInAsync(client, officer.Email);
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthSetup.CookieName + "=", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(session.ToLowerInvariant(), Does.Contain("; secure").And.Contain("; httponly").And.Contain("; path=/").And.Not.Contain("domain="));
            Assert.That(AuthSetup.CookieName, Does.StartWith("__Host-"));
            Assert.That(csrf.ToLowerInvariant(), Does.Contain("; secure").And.Contain("; httponly").And.Contain("; path=/").And.Not.Contain("domain="));
        });
    }

    [Test]
    public async Task Behind_TLS_offload_in_Production_the_cookies_stay_Secure()
    {
        using var app = new EntraWebFactory();
        // The app sees plain http, as behind a proxy that terminates TLS.
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var page = await client.GetAsync("/Anonymous/Report");
        var csrf = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthSetup.AntiforgeryCookieName + "=", StringComparison.Ordinal));
        var session = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Multiple(() =>
        {
            Assert.That(csrf.ToLowerInvariant(), Does.Contain("; secure").And.Contain("; path=/").And.Contain("samesite=strict"));
            Assert.That(session.Cookie.Name, Is.EqualTo("__Host-ethics.auth"));
            Assert.That(session.Cookie.SecurePolicy, Is.EqualTo(CookieSecurePolicy.Always));
            Assert.That(session.Cookie.Build(new DefaultHttpContext()).Secure, Is.True, "Secure even on an http request");
        });
    }

    [Test]
    public async Task A_session_ends_at_the_absolute_lifetime_however_often_it_slid()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        using var app = new ClockedFactory(clock);
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        using var client = Browser(app);
        using var _ = await SignInAsync(client, officer.Email);

        var statuses = new List<HttpStatusCode>();
        foreach (var hours in new[] { 5, 5, 1.5 })
        {
            // Each step is within the 8-hour sliding window of the last request, which renews the cookie.
            clock.Advance(TimeSpan.FromHours(hours));
            statuses.Add(await Open(client, "/Reports"));
        }

        // 11.5 hours after signing in the session still holds; at 12 it does not, though the cookie slid 1.5 hours ago.
        clock.Advance(TimeSpan.FromHours(0.5));
        using var expired = await client.GetAsync("/Reports");

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(expired.Headers.Location?.ToString(), Does.Contain("/Account/SignIn"));
        });
    }

    [Test]
    public async Task A_cookie_issued_before_a_deactivation_or_a_role_change_opens_nothing_more()
    {
        using var app = new EthicsWebFactory();
        var admin = await app.AddPersonAsync("admin@example.com", "Ada Admin", Role.Administrator);
        var leaving = await app.AddPersonAsync("leaving@example.com", "Lee Leaving", Role.AuditCommittee);
        var moving = await app.AddPersonAsync("moving@example.com", "Mo Moving", Role.AuditCommittee);
        using var leavingBrowser = Browser(app);
        using var movingBrowser = Browser(app);
        (await SignInAsync(leavingBrowser, leaving.Email)).Dispose();
        (await SignInAsync(movingBrowser, moving.Email)).Dispose();
        var before = (await Open(leavingBrowser, "/Dashboard"), await Open(movingBrowser, "/Dashboard"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<EthicsCases.Common.ActorContext>().Email = admin.Email;
            var mediator = scope.ServiceProvider.GetRequiredService<Mediator.IMediator>();
            await mediator.Send(new DeactivatePerson(leaving.Email, "Term ended."));
            await mediator.Send(new UpdatePerson(moving.Email, Roles: ["Officer"]));
        }

        using var leavingDashboard = await leavingBrowser.GetAsync("/Dashboard");
        var leavingReports = await Open(leavingBrowser, "/Reports");
        var movingDashboard = await Open(movingBrowser, "/Dashboard");
        var movingReports = await Open(movingBrowser, "/Reports");

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(leavingDashboard.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(leavingDashboard.Headers.Location?.AbsolutePath, Is.EqualTo("/Status"), "access denied");
            Assert.That(leavingReports, Is.EqualTo(HttpStatusCode.Redirect), "a deactivated person opens no page");
            Assert.That(movingDashboard, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(movingReports, Is.EqualTo(HttpStatusCode.OK), "still an officer");
        });
    }
}
