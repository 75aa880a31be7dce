using System.Net.Http.Headers;
using System.Security.Cryptography;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using EthicsCases.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace EthicsCases.Tests.Web;

/// <summary>
/// The real web app in Production with Microsoft Entra ID (Microsoft.Identity.Web's JwtBearer pipeline), on a
/// temporary SQLite file. Tokens are signed here with an RSA key the app is told about through static metadata
/// (docs: /work/shared/ENVIRONMENT.md), so no request leaves the machine and every claim is one a real token could carry.
/// </summary>
public sealed class EntraWebFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<WebApp>
{
    public static readonly Guid Tenant = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid OtherTenant = Guid.Parse("33333333-3333-3333-3333-333333333333");
    public const string ClientId = "22222222-2222-2222-2222-222222222222";
    public const string Audience = "api://22222222-2222-2222-2222-222222222222";

    /// <summary>A fixed Audit:Key (Production creates no keys).</summary>
    public const string AuditKey = "YXVkaXQta2V5LWZvci10ZXN0cy1vbmx5LTMyLWJ5dGU=";

    /// <summary>A fixed Encryption:Key (Production creates no keys).</summary>
    public const string EncryptionKey = "ZW5jcnlwdGlvbi1rZXktZm9yLXRlc3RzLW9ubHktMzI=";

    /// <summary>A fixed Anonymous:Secret (Production refuses to start without one).</summary>
    public const string AnonymousSecret = "dGVzdC1vbmx5LWFub255bW91cy1zZWNyZXQtMzItYnl0ZXMhIQ==";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "entra-test" };

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "ethics-entra-" + Guid.NewGuid().ToString("N"));

    /// <summary>The v2.0 issuer of a tenant.</summary>
    public static string IssuerOf(Guid tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Data:Directory", DataDirectory);
        builder.UseSetting("ConnectionStrings:Ethics", $"Data Source={Path.Combine(DataDirectory, "ethics.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Auth:Mode", "EntraId");
        builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
        builder.UseSetting("AzureAd:TenantId", Tenant.ToString());
        builder.UseSetting("AzureAd:ClientId", ClientId);
        builder.UseSetting("AzureAd:Audience", Audience);
        builder.UseSetting("Anonymous:Secret", AnonymousSecret);
        // Production creates no keys: they come from configuration, as a vault would provide them.
        builder.UseSetting("Audit:Key", AuditKey);
        builder.UseSetting("Encryption:Key", EncryptionKey);
        builder.UseSetting("Audit:CheckpointKeyFile", Path.Combine(DataDirectory, "checkpoint.pem"));
        builder.UseSetting("RateLimiting:AnonymousPerMinute", "10000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeers>();
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                // Accepts the issuers of two tenants, as a multi-tenant validator would, so that the tests show the
                // app's own tenant pin rather than issuer validation alone.
                var metadata = new OpenIdConnectConfiguration { Issuer = IssuerOf(Tenant) };
                metadata.SigningKeys.Add(_key);
                o.Configuration = metadata;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
                o.TokenValidationParameters.ValidIssuer = IssuerOf(Tenant);
                o.TokenValidationParameters.ValidIssuers = [IssuerOf(Tenant), IssuerOf(OtherTenant), $"https://sts.windows.net/{Tenant}/"];
                o.TokenValidationParameters.IssuerSigningKeys = [_key];
                o.TokenValidationParameters.ValidAudiences = [Audience, ClientId];
                o.TokenValidationParameters.IssuerValidator = null;
            });
        });
    }

    /// <summary>
    /// A v2.0 access token for an account of <paramref name="tenant"/> (default: the app's), signed with the key the
    /// app trusts. <paramref name="claims"/> adds or replaces claims; a null value removes one.
    /// </summary>
    public string Token(Guid objectId, IReadOnlyDictionary<string, object?>? claims = null, Guid? tenant = null)
    {
        var tid = tenant ?? Tenant;
        var payload = new Dictionary<string, object>
        {
            ["tid"] = tid.ToString(),
            ["oid"] = objectId.ToString(),
            ["sub"] = Guid.NewGuid().ToString("N"),
            ["ver"] = "2.0",
            ["scp"] = "Cases.ReadWrite",
        };
        foreach (var (type, value) in claims ?? new Dictionary<string, object?>())
        {
            if (value is null)
            {
                payload.Remove(type);
            }
            else
            {
                payload[type] = value;
            }
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = payload.TryGetValue("ver", out var ver) && ver as string == "1.0" ? $"https://sts.windows.net/{tid}/" : IssuerOf(tid),
            Audience = Audience,
            Claims = payload,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An API client carrying <paramref name="token"/>.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The directory's Administrator, added first (as a fresh database gets its first one), who adds the rest.</summary>
    public const string DirectoryAdmin = "directory.admin@alto.example";

    /// <summary>Adds a directory person (as <c>ethics people add --as ADMIN</c> does) and returns it.</summary>
    public async Task<Person> AddPersonAsync(string email, params Role[] roles)
    {
        if (!await ReadAsync(db => db.People.AnyAsync(p => p.Email == DirectoryAdmin)))
        {
            await using var bootstrap = Services.CreateAsyncScope();
            await bootstrap.ServiceProvider.GetRequiredService<IMediator>().Send(new AddPerson(DirectoryAdmin, "Directory Admin", [nameof(Role.Administrator)]));
        }

        await SendAs(DirectoryAdmin, new AddPerson(email, email.Split('@')[0], roles.Select(r => r.ToString()).ToList()));
        return await ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == email));
    }

    /// <summary>Sends a message as a directory person, as the CLI's --as does.</summary>
    public async Task<T> SendAs<T>(string email, ICommand<T> command)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = email;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>Reads the database.</summary>
    public async Task<T> ReadAsync<T>(Func<EthicsDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _key.Rsa?.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleaning.
            }
        }
    }
}
