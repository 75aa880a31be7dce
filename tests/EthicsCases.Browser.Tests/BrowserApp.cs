using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Sockets;
using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.People;
using EthicsCases.Web;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EthicsCases.Browser.Tests;

/// <summary>
/// The real app on Kestrel at a free loopback port, on a temporary SQLite file, and Debian's Chromium driven by
/// Playwright. Shared by every browser test; started once.
/// </summary>
[SetUpFixture]
public sealed class BrowserApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static Factory? _factory;
    private static IPlaywright? _playwright;

    public static IBrowser Browser { get; private set; } = null!;

    public static string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Where screenshots go: docs/screenshots when ETHICS_UPDATE_SCREENSHOTS=1 (to refresh the README's tour), else
    /// the test output folder, so an ordinary test run leaves the work tree clean.
    /// </summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("ETHICS_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
        : Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Chromium is not installed at {ChromiumPath}. Install it with 'apt-get install -y chromium' (never 'playwright install'); the browser tests cannot run without it.");
        }

        var port = FreePort();
        _factory = new Factory();
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>Adds a directory person through the same command as <c>ethics people add</c>.</summary>
    public static async Task<Person> AddPersonAsync(string email, string name, string title, params Role[] roles)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        // Once the directory has an Administrator, adding people is theirs to do (the bootstrap rule).
        var db = scope.ServiceProvider.GetRequiredService<EthicsCases.Data.EthicsDbContext>();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = await db.People
            .Where(p => p.Roles.Contains(Role.Administrator) && p.DeactivatedAt == null).Select(p => p.Email).FirstOrDefaultAsync();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddPerson(email, name, roles.Select(r => r.ToString()).ToList(), title));
        return new Person(Guid.Empty, email, name, title, roles);
    }

    /// <summary>Files a concern directly (for set-ups that are not what the test is about).</summary>
    public static async Task<string> FileAsync(string reporterEmail, ConcernCategory category, string summary, params string[] subjects)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = reporterEmail;
        var filed = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FileConcern(category.ToString(), summary, "Set up by the test.", subjects));
        return filed.Reference;
    }

    /// <summary>A fresh browser context signed in as a directory person through the local sign-in page.</summary>
    public static async Task<IPage> SignInAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.CheckAsync($"input[name=Email][value='{email}']");
        await page.ClickAsync("form.card button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    /// <summary>A fresh anonymous browser context.</summary>
    public static async Task<IPage> AnonymousAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot NAME.png to <see cref="ScreenshotDirectory"/>.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EthicsCases.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }

    private sealed class Factory : WebApplicationFactory<WebApp>
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "ethics-browser-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_data);
            builder.UseEnvironment("Development");
            builder.UseSetting("Data:Directory", _data);
            builder.UseSetting("ConnectionStrings:Ethics", $"Data Source={Path.Combine(_data, "ethics.db")}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Auth:Mode", "Local");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleaning.
            }
        }
    }
}
