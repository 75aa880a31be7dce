using EthicsCases.Notifications;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// Delivers the notification outbox from the web app every <c>Notifications:PollSeconds</c>, unless
/// <c>Notifications:Enabled</c> is false. Every node may run it: the dispatcher's claims keep each mail to one node.
/// </summary>
public sealed class NotificationService(IServiceScopeFactory scopes, NotificationOptions options, ILogger<NotificationService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Notification delivery is disabled (Notifications:Enabled=false)");
            return;
        }

        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DeliverPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop delivery for good: the next tick tries again.
                logger.LogError(e, "Notification delivery run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Registration of notification delivery in the web app.</summary>
public static class NotificationServiceSetup
{
    /// <summary>Adds the dispatcher and the hosted service that runs it.</summary>
    public static IServiceCollection AddNotificationDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEthicsNotifications(configuration);
        services.AddHostedService<NotificationService>();
        return services;
    }
}
