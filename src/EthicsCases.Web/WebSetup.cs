using EthicsCases.Data;

namespace EthicsCases.Web;

/// <summary>The web host's composition, kept out of Program.cs so that it reads as a list of steps.</summary>
public static class WebSetup
{
    /// <summary>Registers web services.</summary>
    public static IServiceCollection AddEthicsCasesWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddHealthChecks().AddDbContextCheck<EthicsDbContext>("database");
        services.AddProblemDetails();
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
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health");
        return app;
    }
}
