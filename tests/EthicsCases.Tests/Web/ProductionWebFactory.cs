using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using EthicsCases.Domain;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace EthicsCases.Tests.Web;

/// <summary>
/// The real web app as production runs it: environment Production, Microsoft Entra ID mode through
/// Microsoft.Identity.Web. The tokens are shaped like Entra ID v2 access tokens of the configured tenant and signed by a
/// key generated here, which the JwtBearer handler trusts in place of Entra's published keys (no metadata request).
/// </summary>
public sealed class ProductionWebFactory : EthicsWebFactory
{
    public const string Tenant = "11111111-1111-1111-1111-111111111111";
    public const string ClientId = "22222222-2222-2222-2222-222222222222";

    private static readonly string Issuer = $"https://login.microsoftonline.com/{Tenant}/v2.0";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "production-test" };

    /// <summary>The default log level, when a test wants another.</summary>
    public string? LogLevel { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        if (LogLevel is not null)
        {
            builder.UseSetting("Logging:LogLevel:Default", LogLevel);
            builder.UseSetting("Logging:LogLevel:Microsoft.IdentityModel", LogLevel);
        }

        builder.UseSetting("Auth:Mode", "EntraId");
        builder.UseSetting("Anonymous:Secret", EntraWebFactory.AnonymousSecret);
        builder.UseSetting("Audit:Key", EntraWebFactory.AuditKey);
        builder.UseSetting("Encryption:Key", EntraWebFactory.EncryptionKey);
        builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
        builder.UseSetting("AzureAd:TenantId", Tenant);
        builder.UseSetting("AzureAd:ClientId", ClientId);
        builder.UseSetting("AzureAd:Audience", $"api://{ClientId}");
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            var metadata = new OpenIdConnectConfiguration { Issuer = Issuer };
            metadata.SigningKeys.Add(_key);
            o.Configuration = metadata;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
            o.TokenValidationParameters.ValidIssuer = Issuer;
            o.TokenValidationParameters.ValidIssuers = [Issuer];
            o.TokenValidationParameters.IssuerSigningKeys = [_key];
            o.TokenValidationParameters.ValidAudiences = [$"api://{ClientId}", ClientId];
            o.TokenValidationParameters.IssuerValidator = null;
        }));
    }

    /// <summary>A client with an Entra-shaped access token for the person (tenant, object id, UPN, the API scope).</summary>
    public override HttpClient ClientAs(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new("ver", "2.0"),
            new("tid", Tenant),
            new("oid", person.Id.ToString()),
            new("sub", person.Id.ToString()),
            new("preferred_username", person.Email),
            new("upn", person.Email),
            new("email", person.Email),
            new("name", person.Name),
            new("scp", "Cases.ReadWrite"),
        };
        claims.AddRange(person.Roles.Select(r => new Claim("roles", r.ToString())));
        var handler = new JwtSecurityTokenHandler { MapInboundClaims = false };
        var token = handler.WriteToken(handler.CreateJwtSecurityToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = $"api://{ClientId}",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        }));
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
