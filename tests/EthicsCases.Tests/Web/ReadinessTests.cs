using System.Net;
using System.Net.Sockets;
using EthicsCases.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

/// <summary>
/// <c>/health/ready</c> (a load balancer sends traffic) against <c>/health</c> (liveness): ready only when the database
/// answers, holds this build's migrations and the record keys load (docs/deploy.md).
/// </summary>
public sealed class ReadinessTests
{
    [Test]
    public async Task Ready_answers_200_when_the_database_is_migrated_and_the_keys_load()
    {
        using var app = new EthicsWebFactory();
        using var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Ready_answers_503_until_the_database_is_migrated_while_liveness_answers_200()
    {
        using var app = new SettingsFactory(new() { ["Database:MigrateOnStart"] = "never" });
        using var client = app.CreateClient();

        using var unmigrated = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health", UriKind.Relative));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
        }

        using var migrated = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(unmigrated.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "no migration has run");
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "liveness does not look at the schema");
            Assert.That(migrated.StatusCode, Is.EqualTo(HttpStatusCode.OK), "ready once 'ethics db migrate' has run");
        });
    }

    [Test]
    public async Task Ready_answers_503_when_the_database_is_unreachable()
    {
        using var app = new SettingsFactory(new()
        {
            ["Database:MigrateOnStart"] = "never",
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Ethics"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=ethics;Username=ethics;Password=x;Timeout=3",
        });
        using var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Ready_answers_503_when_the_record_keys_do_not_load()
    {
        using var app = new SettingsFactory(new() { ["Keys:CreateMissing"] = "false" });
        using var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(Directory.Exists(Path.Combine(app.DataDirectory, "keys")) && Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "keys")).Any(),
                Is.False, "no key file exists, and none was created");
        });
    }

    // A loopback port nothing listens on: bound, noted, released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SettingsFactory(Dictionary<string, string> settings) : EthicsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
