using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Security.Keys;
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
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="database">The database, when the host chose it (the CLI's <c>--db</c>).</param>
    /// <param name="createMissingKeys">
    /// Whether missing record keys are created in the data folder on first use: Development's convenience. Default:
    /// <c>Keys:CreateMissing</c>, else true unless <c>DOTNET_ENVIRONMENT</c>/<c>ASPNETCORE_ENVIRONMENT</c> names another
    /// environment than Development.
    /// </param>
    public static IServiceCollection AddEthicsCases(this IServiceCollection services, IConfiguration configuration, DatabaseSettings? database = null,
        bool? createMissingKeys = null)
    {
        database ??= DatabaseSettings.From(configuration);
        PdfLicense.Load(configuration);
        services.AddSingleton(database);
        var create = createMissingKeys ?? configuration.GetValue<bool?>("Keys:CreateMissing") ?? IsDevelopment();
        services.AddSingleton(new RecordKeys(configuration, DatabaseSettings.DataDirectory(configuration), create));
        services.AddScoped<ContentVault>();
        services.AddDbContext<EthicsDbContext>(database.Configure);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<TriageOptions>().Bind(configuration.GetSection(TriageOptions.Section))
            .Validate(o => o.OverdueAfterBusinessDays is >= 0 and <= 250, "Triage:OverdueAfterBusinessDays must be between 0 and 250.")
            .ValidateOnStart();
        services.AddScoped<ActorContext>();
        // Negative is refused, 0 lifts the limit (docs/deploy.md).
        var commands = configuration.GetValue<int?>("Database:ConcurrentCommands") ?? WriteAdmission.DefaultFor(database.Provider);
        services.AddSingleton(new WriteAdmission(commands >= 0 ? commands
            : throw new InvalidOperationException($"Database:ConcurrentCommands must be 0 (no limit) or more, not {commands}.")));
        services.AddScoped<Features.People.DirectorySignIn>();
        // Read (or, without Anonymous:Secret, created in the data folder) on first use, not at registration.
        services.AddSingleton(_ => Security.AnonymousPasswordHasher.FromConfiguration(configuration));
        services.AddValidatorsFromAssemblyContaining<EthicsDbContext>(ServiceLifetime.Singleton, includeInternalTypes: true);
        // Every message also gets the input rules (text, dates, lists, enums); a message's own validator stays the one
        // resolved alone (InputLimits reads its maximum lengths), because an exact registration wins over an open one.
        services.AddSingleton(typeof(IValidator<>), typeof(InputRulesValidator<>));
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Authorization first: a caller who may not send a message learns nothing from its validation messages.
            // Admission before both: a command waiting for its turn has done no work yet (WriteAdmission).
            options.PipelineBehaviors = [typeof(WriteAdmissionBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        return services;
    }

    private static bool IsDevelopment()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        return string.IsNullOrWhiteSpace(environment) || environment.Equals("Development", StringComparison.OrdinalIgnoreCase);
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
