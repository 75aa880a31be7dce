using System.Net;
using EthicsCases.Domain;
using EthicsCases.Tests.Cli;
using EthicsCases.Web;
using EthicsCases.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EthicsCases.Tests.Web;

/// <summary>
/// Local sign-in (anyone as anyone) exists only in Development and only for this machine; any Auth:Mode but the two
/// names is refused at start-up; <c>ethics dev token</c> follows the same rule.
/// </summary>
public sealed class LocalSignInTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "EthicsCases.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private sealed class PeerFactory(IReadOnlyDictionary<string, string?>? settings = null) : EthicsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, TestPeers>());
        }
    }

    private static IConfiguration Config(string? mode) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Mode"] = mode }).Build();

    [TestCase("Staging")]
    [TestCase("Production")]
    [TestCase("Test")]
    public void Local_mode_outside_Development_refuses_to_start(string environment)
    {
        var data = Path.Combine(Path.GetTempPath(), "ethics-refuse-" + Guid.NewGuid().ToString("N"));
        using var app = new WebApplicationFactory<WebApp>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Data:Directory", data);
            b.UseSetting("ConnectionStrings:Ethics", $"Data Source={Path.Combine(data, "ethics.db")}");
            b.UseSetting("Auth:Mode", "local");
            b.UseSetting("Anonymous:Secret", EntraWebFactory.AnonymousSecret);
        });
        Assert.That(() => app.CreateClient(), Throws.InvalidOperationException
            .With.Message.Contains("refused outside Development").And.Message.Contains(environment));
    }

    [TestCase("2")]
    [TestCase("0")]
    [TestCase("local2")]
    [TestCase("Local,EntraId")]
    public void An_undefined_mode_is_refused_even_in_Development(string mode)
    {
        Assert.That(() => AuthSetup.ModeOf(Config(mode), new Environment(Environments.Development)),
            Throws.InvalidOperationException.With.Message.Contains($"Auth:Mode '{mode}' is not a sign-in mode"));
    }

    [Test]
    public void An_undefined_mode_stops_the_app_at_start_up()
    {
        using var app = new PeerFactory(new Dictionary<string, string?> { ["Auth:Mode"] = "2" });
        Assert.That(() => app.CreateClient(), Throws.InvalidOperationException.With.Message.Contains("is not a sign-in mode"));
    }

    [Test]
    public void The_names_are_accepted_in_any_case_and_unset_means_Local_only_in_Development()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AuthSetup.ModeOf(Config(" LOCAL "), new Environment(Environments.Development)), Is.EqualTo(AuthMode.Local));
            Assert.That(AuthSetup.ModeOf(Config(null), new Environment(Environments.Development)), Is.EqualTo(AuthMode.Local));
            Assert.That(() => AuthSetup.ModeOf(Config(null), new Environment(Environments.Staging)),
                Throws.InvalidOperationException.With.Message.Contains("AzureAd:ClientId"), "unset outside Development means Entra ID");
        });
    }

    [Test]
    public async Task In_local_mode_a_request_from_another_machine_is_refused_even_with_a_valid_token()
    {
        using var app = new PeerFactory();
        var ac = await app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
        using var client = app.ClientAs(ac);

        using var local = await client.SendAsync(TestPeers.From("127.0.0.1", HttpMethod.Get, "/api/cases"));
        using var localV6 = await client.SendAsync(TestPeers.From("::1", HttpMethod.Get, "/api/cases"));
        using var remoteApi = await client.SendAsync(TestPeers.From("192.0.2.10", HttpMethod.Get, "/api/cases"));
        using var remoteSignIn = await client.SendAsync(TestPeers.From("192.0.2.10", HttpMethod.Get, "/Account/SignIn"));
        using var remoteSignInPost = await client.SendAsync(TestPeers.From("2001:db8::5", HttpMethod.Post, "/Account/SignIn",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = ac.Email })));

        Assert.Multiple(async () =>
        {
            Assert.That(local.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(localV6.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(remoteApi.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(remoteSignIn.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await remoteSignIn.Content.ReadAsStringAsync(), Does.Contain("answers this machine only"));
            Assert.That(remoteSignInPost.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(remoteSignInPost.Headers.Contains("Set-Cookie"), Is.False);
        });
    }

    [Test]
    public async Task A_proxy_on_this_machine_does_not_make_a_remote_client_local()
    {
        using var app = new PeerFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        var ac = await app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
        using var client = app.ClientAs(ac);

        var forwarded = TestPeers.From("127.0.0.1", HttpMethod.Get, "/api/cases");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await client.SendAsync(forwarded);
        using var direct = await client.SendAsync(TestPeers.From("127.0.0.1", HttpMethod.Get, "/api/cases"));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(direct.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [TestCase("Staging", "Local")]
    [TestCase("Production", null)]
    [TestCase("Development", "2")]
    [TestCase("Development", "EntraId")]
    public async Task Dev_token_follows_the_same_rule(string environment, string? mode)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ethics-{Guid.NewGuid():N}");
        var ethics = new CliHarness(Path.Combine(dir, "ethics.db"), new Dictionary<string, string?>
        {
            ["Data:Directory"] = dir, ["Auth:Mode"] = mode, ["DOTNET_ENVIRONMENT"] = environment,
        });
        await ethics.Run("people", "add", "--email", "gc@test.example", "--name", "GC", "--role", "GeneralCounsel");

        var refused = await ethics.Run("dev", "token", "--as", "gc@test.example", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Stderr, Does.Contain("local sign-in mode"));
            Assert.That(refused.Stdout, Is.Empty);
        });
    }

    [Test]
    public async Task Dev_token_is_issued_in_Development_or_with_no_environment_named()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ethics-{Guid.NewGuid():N}");
        var ethics = new CliHarness(Path.Combine(dir, "ethics.db"), new Dictionary<string, string?> { ["Data:Directory"] = dir, ["Auth:Mode"] = "local" });
        await ethics.Run("people", "add", "--email", "gc@test.example", "--name", "GC", "--role", "GeneralCounsel");
        var development = new CliHarness(Path.Combine(dir, "ethics.db"), new Dictionary<string, string?> { ["Data:Directory"] = dir, ["ASPNETCORE_ENVIRONMENT"] = "Development" });

        Assert.Multiple(async () =>
        {
            Assert.That((await ethics.Run("dev", "token", "--as", "gc@test.example", "--json")).ExitCode, Is.Zero);
            Assert.That((await development.Run("dev", "token", "--as", "gc@test.example", "--json")).ExitCode, Is.Zero);
        });
    }
}
