using EthicsCases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EthicsCases.Notifications;

/// <summary>Registers delivery: options, the mail sender (SMTP, or the pickup folder without a host) and the dispatcher.</summary>
public static class NotificationSetup
{
    /// <summary>Adds the notification services; calling it twice is harmless.</summary>
    public static IServiceCollection AddEthicsNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => NotificationOptions.From(configuration));
        services.TryAddSingleton(_ => SmtpSettings.Read(configuration));
        services.TryAddSingleton(sp => CreateSender(sp.GetRequiredService<SmtpSettings>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(NotificationSetup)) ?? NullLogger.Instance));
        services.TryAddScoped<NotificationDispatcher>();
        return services;
    }

    /// <summary>The dispatcher from a scope, building it from configuration when the host did not register it (the CLI).</summary>
    public static NotificationDispatcher Dispatcher(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<NotificationDispatcher>() is { } registered)
        {
            return registered;
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var clock = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new NotificationDispatcher(services.GetRequiredService<EthicsDbContext>(),
            CreateSender(SmtpSettings.Read(configuration), clock, loggers.CreateLogger(typeof(NotificationSetup))),
            NotificationOptions.From(configuration), clock, loggers.CreateLogger<NotificationDispatcher>());
    }

    /// <summary>SMTP when a host is configured, else .eml files in the pickup folder.</summary>
    public static IMailSender CreateSender(SmtpSettings smtp, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        if (smtp.Host is not null)
        {
            return new SmtpMailSender(smtp, clock);
        }

        logger.LogWarning("Smtp:Host is not set: notifications are written as .eml files to {Folder} and nobody receives them", smtp.PickupDirectory);
        return new PickupFolderMailSender(smtp.PickupDirectory, smtp.From, clock);
    }
}

/// <summary>Queueing helpers for callers that may produce the same notification twice (periodic deadline scans).</summary>
public static class NotificationOutbox
{
    /// <summary>
    /// Adds to the pending unit of work the notifications whose dedupe key is neither stored nor already added; the
    /// caller saves. Returns how many were added. A scan on another node that adds the same key at the same moment
    /// loses on the unique index (a conflict on save; its next run finds the row).
    /// </summary>
    public static async Task<int> AddNewAsync(EthicsDbContext db, IEnumerable<Notification> notifications, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notifications);
        var candidates = notifications.DistinctBy(n => n.DedupeKey).ToList();
        var keys = candidates.Select(n => n.DedupeKey).ToList();
        var taken = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DedupeKey)).Select(n => n.DedupeKey).ToListAsync(ct))
            .Concat(db.ChangeTracker.Entries<Notification>().Select(e => e.Entity.DedupeKey))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = candidates.Where(n => !taken.Contains(n.DedupeKey)).ToList();
        db.Notifications.AddRange(fresh);
        return fresh.Count;
    }
}
