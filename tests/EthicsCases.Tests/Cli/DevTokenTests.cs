using System.Net;
using System.Net.Http.Headers;
using EthicsCases.Domain;
using EthicsCases.Tests.Web;

namespace EthicsCases.Tests.Cli;

/// <summary><c>ethics dev token</c> against the real JwtBearer pipeline of the web app.</summary>
public sealed class DevTokenTests
{
    [Test]
    public async Task A_token_from_the_command_line_is_accepted_by_the_api_for_that_person()
    {
        await using var app = new EthicsWebFactory();
        var gc = await app.AddPersonAsync("gc@test.example", "Gen Counsel", Role.GeneralCounsel);
        var cfo = await app.AddPersonAsync("cfo@test.example", "CFO", Role.Officer);
        await app.FileAsync(cfo, ConcernCategory.CodeOfEthicsViolation);
        var ethics = new CliHarness($"Data Source={Path.Combine(app.DataDirectory, "ethics.db")}",
            new Dictionary<string, string?> { ["Data:Directory"] = app.DataDirectory, ["Auth:Mode"] = "Local" });

        var minted = (await ethics.Run("dev", "token", "--as", gc.Email, "--json")).Json;
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", minted.GetProperty("token").GetString());
        var response = await client.GetAsync(new Uri("/api/cases", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("CodeOfEthicsViolation"));
            Assert.That(minted.GetProperty("expires").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow));
        });
    }

    [Test]
    public async Task Outside_local_mode_the_command_refuses()
    {
        var ethics = new CliHarness(Path.Combine(Path.GetTempPath(), $"ethics-{Guid.NewGuid():N}.db"),
            new Dictionary<string, string?> { ["Auth:Mode"] = "EntraId" });
        var refused = await ethics.Run("dev", "token", "--as", "gc@test.example", "--json");
        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Stderr, Does.Contain("local sign-in mode"));
            Assert.That(refused.Stdout, Is.Empty);
        });
    }

    [Test]
    public async Task Someone_outside_the_directory_gets_no_token()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ethics-{Guid.NewGuid():N}");
        var ethics = new CliHarness(Path.Combine(dir, "ethics.db"), new Dictionary<string, string?> { ["Data:Directory"] = dir, ["Auth:Mode"] = "Local" });
        var refused = await ethics.Run("dev", "token", "--as", "nobody@test.example");
        Assert.That((refused.ExitCode, refused.Stderr.Contains("not in the directory", StringComparison.Ordinal)), Is.EqualTo((1, true)));
    }
}
