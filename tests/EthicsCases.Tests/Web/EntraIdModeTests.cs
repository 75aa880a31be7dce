using System.Net;
using EthicsCases.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EthicsCases.Tests.Web;

/// <summary>Production configuration with Entra ID: the app starts, and the API demands a bearer token.</summary>
public sealed class EntraIdModeTests
{
    [Test]
    public async Task Production_with_Entra_ID_starts_and_the_api_demands_a_token()
    {
        var data = Path.Combine(Path.GetTempPath(), "ethics-entra-" + Guid.NewGuid().ToString("N"));
        using var app = new WebApplicationFactory<WebApp>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Data:Directory", data);
            b.UseSetting("ConnectionStrings:Ethics", $"Data Source={Path.Combine(data, "ethics.db")}");
            b.UseSetting("Auth:Mode", "EntraId");
            b.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
            b.UseSetting("AzureAd:TenantId", "11111111-1111-1111-1111-111111111111");
            b.UseSetting("AzureAd:ClientId", "22222222-2222-2222-2222-222222222222");
            b.UseSetting("AzureAd:Audience", "api://22222222-2222-2222-2222-222222222222");
            b.UseSetting("Anonymous:Secret", EntraWebFactory.AnonymousSecret);
        });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var api = await client.GetAsync("/api/cases");
        using var health = await client.GetAsync("/health");
        Assert.Multiple(() =>
        {
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(api.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public void Production_in_local_mode_refuses_to_start()
    {
        var data = Path.Combine(Path.GetTempPath(), "ethics-refuse-" + Guid.NewGuid().ToString("N"));
        using var app = new WebApplicationFactory<WebApp>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Data:Directory", data);
            b.UseSetting("ConnectionStrings:Ethics", $"Data Source={Path.Combine(data, "ethics.db")}");
            b.UseSetting("Auth:Mode", "Local");
        });
        Assert.That(() => app.CreateClient(), Throws.InvalidOperationException.With.Message.Contains("refused outside Development"));
    }

    [Test]
    public void Production_without_an_anonymous_secret_refuses_to_start()
    {
        using var app = new EntraWebFactory(new Dictionary<string, string?> { ["Anonymous:Secret"] = "" });
        Assert.That(() => app.CreateClient(), Throws.InvalidOperationException.With.Message.Contains("Anonymous:Secret is not set"));
    }
}

/// <summary>The demo-data page is reachable in local development without anyone in the directory.</summary>
public sealed class DemoPageTests
{
    [Test]
    public async Task Demo_page_opens_in_local_development_without_sign_in()
    {
        using var app = new EthicsWebFactory();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/Admin/Demo");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("Demo data"));
        });
    }
}
