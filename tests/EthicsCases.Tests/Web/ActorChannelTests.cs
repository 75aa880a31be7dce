using System.Collections.Concurrent;
using EthicsCases.Common;
using EthicsCases.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

/// <summary>The web host tells the application which door a request came through, for the audit trail.</summary>
public sealed class ActorChannelTests
{
    private sealed class Capture(ConcurrentDictionary<string, (string? Channel, string? Email, string? OsUser)> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                var actor = context.RequestServices.GetRequiredService<ActorContext>();
                seen[context.Request.Path.Value!] = (actor.Channel, actor.Email, actor.OsUser);
            });
            next(app);
        };
    }

    private sealed class CapturingFactory(ConcurrentDictionary<string, (string? Channel, string? Email, string? OsUser)> seen) : EthicsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new Capture(seen)));
        }
    }

    [Test]
    public async Task Api_requests_are_the_api_channel_and_pages_the_web_channel_with_no_operating_system_user()
    {
        var seen = new ConcurrentDictionary<string, (string? Channel, string? Email, string? OsUser)>();
        using var app = new CapturingFactory(seen);
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        using var api = app.ClientAs(officer);
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        (await api.GetAsync("/api/cases")).Dispose();
        (await SessionCookieTests.SignInAsync(browser, officer.Email)).Dispose();
        (await browser.GetAsync("/Reports")).Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(seen["/api/cases"], Is.EqualTo(((string?)Channels.Api, (string?)officer.Email, (string?)null)));
            Assert.That(seen["/Reports"], Is.EqualTo(((string?)Channels.Web, (string?)officer.Email, (string?)null)));
        });
    }
}
