using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using EthicsCases.Common;
using EthicsCases.Data;
using Microsoft.AspNetCore.DataProtection;
using EthicsCases.Domain;
using EthicsCases.Security;
using EthicsCases.Web.Api;
using EthicsCases.Web.Auth;
using EthicsCases.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace EthicsCases.Web;

/// <summary>The web host's composition, kept out of Program.cs so that it reads as a list of steps.</summary>
public static class WebSetup
{
    /// <summary>Largest request body: one evidence file plus multipart overhead.</summary>
    public const long MaxRequestBytes = EvidencePolicy.MaxBytes + (256 * 1024);

    /// <summary>Registers web services.</summary>
    public static IServiceCollection AddEthicsCasesWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddHealthChecks().AddDbContextCheck<EthicsDbContext>("database")
            .AddCheck<ReadinessCheck>("ready", tags: [ReadinessCheck.Tag]);
        // One key ring for every node, in the database, each key encrypted with the key-encryption key: a second node
        // reads the first one's cookies, and the database alone cannot forge or read them.
        services.AddDataProtection().SetApplicationName("EthicsCases").PersistKeysToDbContext<EthicsDbContext>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<EthicsCases.Security.Keys.RecordKeys>((o, keys) => o.XmlEncryptor = new EthicsCases.Security.Keys.KekXmlEncryptor(keys));
        services.AddProblemDetails();
        services.AddExceptionHandler<RejectionHandler>();
        services.AddSingleton<InputLimits>();
        // Enums by name only, in any case: a number or a comma-joined "flag" is a bad request.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new EnumNameJsonConverter()));
        // In every environment a request that cannot be bound throws, so the one exception mapping (RejectionHandler)
        // answers it as 400 problem details; by default only Development throws, and other environments answer an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddEthicsAuth(configuration, environment);
        RequireAnonymousSecret(configuration, environment);
        services.AddTrustedProxies(configuration);
        services.AddNotificationDelivery(configuration);

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Concerns", Policies.DirectoryPerson);
                o.Conventions.AuthorizeFolder("/Reports", Policies.DirectoryPerson);
                o.Conventions.AuthorizeFolder("/Cases", Policies.DirectoryPerson);

                o.Conventions.AddFolderApplicationModelConvention("/Anonymous",
                    m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(AnonymousApi.RateLimitPolicy)));
                o.Conventions.AuthorizeFolder("/Triage", Policies.Reviewer);
                o.Conventions.AuthorizeFolder("/Review", Policies.AuditCommittee);
                o.Conventions.AuthorizeFolder("/Dashboard", Policies.AuditCommittee);
                o.Conventions.AuthorizeFolder("/Advice", Policies.AdviceLedger);
                o.Conventions.AuthorizeFolder("/Filings", Policies.Form4Monitor);
                // Development only; not behind sign-in in local mode: on a fresh database nobody is in the directory yet.
                o.Conventions.AuthorizePage("/Admin/Demo", Policies.DemoData);
                o.Conventions.AuthorizePage("/Admin/People", Policies.Administrator);
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<RejectionPageFilter>();
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie = new AlwaysSecureCookieBuilder
            {
                Name = AuthSetup.AntiforgeryCookieName,
                SameSite = SameSiteMode.Strict,
                HttpOnly = true,
                IsEssential = true,
                Path = "/",
            };
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBytes);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBytes;
            o.AddServerHeader = false;
        });

        var perMinute = configuration.GetValue("RateLimiting:AnonymousPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Partitioned by client address (an IPv6 /64) in memory only, so one sender cannot flood the form; the
            // address is never stored or logged. Forwarded addresses count only from configured proxies.
            o.AddPolicy(AnonymousApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddresses.PartitionOf(context.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });

        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EthicsCases API";
            document.Info.Description = "SOP II-031 case management. Errors are RFC 9457 problem details; see docs/web.md.";
            return Task.CompletedTask;
        }));
        return services;
    }

    // Outside Development the anonymous reporters' password key must come from configuration (a secret store), not
    // from a file created next to the data; in Development the file is created on first use.
    private static void RequireAnonymousSecret(IConfiguration configuration, IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration[AnonymousPasswordHasher.SecretKey]))
        {
            throw new InvalidOperationException(
                $"{AnonymousPasswordHasher.SecretKey} is not set. Outside Development it must hold the key that protects anonymous reporters' " +
                "passwords (at least 32 bytes, base64: 'openssl rand -base64 32'), kept outside the database; see docs/adr/ADR-010-anonymous-credential-hash.md.");
        }

        _ = AnonymousPasswordHasher.FromConfiguration(configuration);
    }

    /// <summary>
    /// Before the app serves anything, per <c>Database:MigrateOnStart</c>: <c>auto</c> (default) applies migrations only
    /// when the database lacks some of this build's (a new SQLite file: the README's first run), <c>always</c> runs the
    /// full migration (lock, model check, SQLite tuning) on every start, <c>never</c> leaves the schema to
    /// <c>ethics db migrate</c> (several nodes: docs/deploy.md; <c>/health/ready</c> answers 503 until it has run).
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var mode = app.Configuration["Database:MigrateOnStart"]?.Trim().ToUpperInvariant() switch
        {
            null or "" or "AUTO" => "auto",
            "TRUE" or "ALWAYS" => "always",
            "FALSE" or "NEVER" => "never",
            var other => throw new InvalidOperationException($"Database:MigrateOnStart '{other}' is not one of auto, always, never."),
        };
        if (mode == "never")
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        StartupTimeline.Mark("database context resolved");
        _ = db.Database.GetDbConnection();
        StartupTimeline.Mark("EF services built (connection)");
        await (mode == "always" ? DatabaseMigrator.MigrateAsync(db) : DatabaseMigrator.MigrateIfBehindAsync(db));
    }

    /// <summary>Adds the middleware pipeline and endpoints.</summary>
    public static WebApplication UseEthicsCasesWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (ClientAddresses.ProxiesConfigured(app.Configuration))
        {
            // First: everything after it (local-mode guard, rate limits, HTTPS detection) sees the client, not the proxy.
            app.UseForwardedHeaders();
        }

        if (app.Services.GetRequiredService<AuthModeInfo>().IsLocal)
        {
            app.UseMiddleware<LoopbackOnly>();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(RejectionHandler.WriteStatusAsync));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.Use(ActorMiddleware.SetChannel);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAntiforgery();

        // Liveness (restart me if this fails) stays cheap; readiness (send me traffic) also checks schema and keys.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => !check.Tags.Contains(ReadinessCheck.Tag) });
        app.MapHealthChecks("/health/ready");
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapCasesApi();
        app.MapDeterminationsApi();
        app.MapAnonymousApi();
        app.MapForm4Api();
        app.MapWaiversApi();
        app.MapOversightApi();
        app.MapRetentionApi();
        app.MapRazorPages();
        return app;
    }
}

/// <summary>A type of the web assembly for <c>WebApplicationFactory&lt;WebApp&gt;</c>, unambiguous next to the CLI's Program.</summary>
public sealed class WebApp;
