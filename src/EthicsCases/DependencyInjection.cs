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
        services.AddSingleton(database);
        services.AddDbContext<EthicsDbContext>(database.Configure);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ActorContext>();
        services.AddValidatorsFromAssemblyContaining<EthicsDbContext>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(AuthorizationBehavior<,>)];
        });
        return services;
    }
}
