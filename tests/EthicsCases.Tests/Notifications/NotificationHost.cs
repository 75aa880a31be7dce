using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Concerns;
using EthicsCases.Notifications;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Notifications;

/// <summary>
/// A service provider as a web node or the CLI builds one (application + notification delivery) on a test's
/// database, sharing its clock: two of them are two dispatchers on one database.
/// </summary>
public sealed class NotificationHost : IAsyncDisposable
{
    /// <summary>The link base every test mail carries.</summary>
    public const string BaseUrl = "https://ethics.test.example";

    private readonly ServiceProvider _services;
    private readonly TestDatabase _db;

    public NotificationHost(TestDatabase db, IReadOnlyDictionary<string, string?> settings)
    {
        _db = db;
        var values = new Dictionary<string, string?>(settings) { ["App:BaseUrl"] = BaseUrl };
        values.TryAdd("Data:Directory", Path.GetTempPath());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddEthicsCases(configuration, db.Settings);
        services.AddEthicsNotifications(configuration);
        services.AddSingleton<TimeProvider>(db.Clock);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>One delivery run, in its own scope, as the hosted service or the CLI does it.</summary>
    public async Task<DeliveryReport> DeliverAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DeliverPendingAsync(CancellationToken.None);
    }

    /// <summary>
    /// Queues what <paramref name="notify"/> returns for the case, given the case and the whole directory, in one save
    /// (as a use case does with its event); returns the queued rows.
    /// </summary>
    public async Task<IReadOnlyList<Notification>> QueueAsync(Guid caseId, Func<EthicsCase, IReadOnlyList<Person>, DateTime, IEnumerable<Notification>> notify)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        var ethicsCase = await db.Cases.SingleAsync(c => c.Id == caseId);
        var people = await db.People.AsNoTracking().ToListAsync();
        var queued = notify(ethicsCase, people, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToList();
        db.Notifications.AddRange(queued);
        await db.SaveChangesAsync();
        return queued;
    }

    /// <summary>
    /// Files a concern and takes out of the outbox what the filing queued, for tests of delivery that queue their own
    /// rows (what the use cases queue is tested in <see cref="WiredNotificationTests"/>).
    /// </summary>
    public async Task<FiledConcern> FileQuietlyAsync(string reporter, FileConcern concern)
    {
        var filed = await _db.SendAs(reporter, concern);
        await Read(db => db.Notifications.Where(n => n.CaseId == filed.CaseId).ExecuteDeleteAsync());
        return filed;
    }

    /// <summary>Reads with a fresh context.</summary>
    public async Task<T> Read<T>(Func<EthicsDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
