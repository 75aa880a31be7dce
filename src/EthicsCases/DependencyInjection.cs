using EthicsCases.Common;
using EthicsCases.Data;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases;

/// <summary>Registers the application: database, Mediator with its pipeline, validators, clock and actor.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds EthicsCases to a host, reading <c>Database:Provider</c> and <c>ConnectionStrings:Ethics</c> unless
    /// <paramref name="database"/> is given (the CLI's <c>--db</c>).
    /// </summary>
    public static IServiceCollection AddEthicsCases(this IServiceCollection services, IConfiguration configuration, DatabaseSettings? database = null)
    {
        database ??= DatabaseSettings.From(configuration);
        PdfLicense.Load(configuration);
        services.AddSingleton(database);
        services.AddDbContext<EthicsDbContext>(database.Configure);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<TriageOptions>().Bind(configuration.GetSection(TriageOptions.Section))
            .Validate(o => o.OverdueAfterBusinessDays is >= 0 and <= 250, "Triage:OverdueAfterBusinessDays must be between 0 and 250.")
            .ValidateOnStart();
        services.AddScoped<ActorContext>();
        services.AddScoped<Features.People.DirectorySignIn>();
        // Read (or, without Anonymous:Secret, created in the data folder) on first use, not at registration.
        services.AddSingleton(_ => Security.AnonymousPasswordHasher.FromConfiguration(configuration));
        services.AddValidatorsFromAssemblyContaining<EthicsDbContext>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(AuthorizationBehavior<,>)];
        });
        return services;
    }
}

/// <summary>
/// Loads the PDFsharp license once per process, before the first written notice (PDFsharp 6.5 refuses to run
/// without one). <c>Pdf:License</c> holds a commercial key; without it the AGPL-3.0 terms apply, which suit this
/// open deployment (docs/adr/ADR-006-pdfsharp-licence.md).
/// </summary>
public static class PdfLicense
{
    private static readonly Lock Gate = new();
    private static bool _loaded;

    /// <summary>Loads the configured license, or the AGPL one; later calls do nothing.</summary>
    public static void Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }

            var key = configuration["Pdf:License"];
            if (string.IsNullOrWhiteSpace(key))
            {
                PdfSharp.PdfSharpLicense.SetAgplLicense();
            }
            else
            {
                PdfSharp.PdfSharpLicense.LoadLicense(key);
            }

            _loaded = true;
        }
    }
}
