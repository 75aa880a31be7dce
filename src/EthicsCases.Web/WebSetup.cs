using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Web.Api;
using EthicsCases.Web.Auth;
using EthicsCases.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
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
        services.AddHealthChecks().AddDbContextCheck<EthicsDbContext>("database");
        services.AddProblemDetails();
        services.AddExceptionHandler<RejectionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddEthicsAuth(configuration, environment);
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
                // Not behind sign-in: on a fresh local database nobody is in the directory yet to sign in as.
                o.Conventions.AuthorizeFolder("/Admin", Policies.DemoData);
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<RejectionPageFilter>();
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ethics.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
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
            // Partitioned by address in memory only, so one sender cannot flood the form; the address is never stored or logged.
            o.AddPolicy(AnonymousApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EthicsCases API";
            document.Info.Description = "SOP II-031 case management. Errors are RFC 9457 problem details; see docs/api.md.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>Applies pending migrations before the app serves anything.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
    }

    /// <summary>Adds the middleware pipeline and endpoints.</summary>
    public static WebApplication UseEthicsCasesWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAntiforgery();

        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapCasesApi();
        app.MapDeterminationsApi();
        app.MapAnonymousApi();
        app.MapForm4Api();
        app.MapRazorPages();
        return app;
    }
}

/// <summary>A type of the web assembly for <c>WebApplicationFactory&lt;WebApp&gt;</c>, unambiguous next to the CLI's Program.</summary>
public sealed class WebApp;
