using EthicsCases.Notifications;
using Mediator;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// Delivers the notification outbox from the web app every <c>Notifications:PollSeconds</c> and scans open cases for
/// deadline alerts every <c>Notifications:ScanMinutes</c>, unless <c>Notifications:Enabled</c> is false. Every node may
/// run it: the dispatcher's claims keep each mail to one node, and the outbox's dedupe key keeps each alert to one row
/// (a node that loses that race finds the row on its next scan).
/// </summary>
public sealed class NotificationService(IServiceScopeFactory scopes, NotificationOptions options, TimeProvider clock, ILogger<NotificationService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Notification delivery is disabled (Notifications:Enabled=false)");
            return;
        }

        // The first delivery and deadline scan wait one poll interval: run at once, the scan's query compilation and
        // its read of every open case would compete with start-up on a small machine (docs/performance.md, cold start).
        await Task.Delay(options.PollInterval, clock, stoppingToken);
        using var timer = new PeriodicTimer(options.PollInterval, clock);
        var nextScan = clock.GetUtcNow();
        do
        {
            if (clock.GetUtcNow() >= nextScan)
            {
                nextScan = clock.GetUtcNow() + options.ScanInterval;
                await RunAsync("Deadline scan", async s =>
                {
                    var scan = await s.GetRequiredService<IMediator>().Send(new ScanDeadlines(), stoppingToken);
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Deadline scan: {Cases} open cases, {Queued} alerts queued", scan.Cases, scan.Queued);
                    }
                }, stoppingToken);
            }

            await RunAsync("Notification delivery", async s => await s.GetRequiredService<NotificationDispatcher>().DeliverPendingAsync(stoppingToken), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(string what, Func<IServiceProvider, Task> body, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await body(scope.ServiceProvider);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A database hiccup must not stop delivery for good: the next tick tries again.
            logger.LogError(e, "{What} run failed", what);
        }
    }
}

/// <summary>Registration of notification delivery in the web app.</summary>
public static class NotificationServiceSetup
{
    /// <summary>Adds the dispatcher and the hosted service that runs it and the deadline scan.</summary>
    public static IServiceCollection AddNotificationDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEthicsNotifications(configuration);
        services.AddHostedService<NotificationService>();
        return services;
    }
}
