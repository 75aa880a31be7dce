using EthicsCases.Data;
using EthicsCases.Features.Demo;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Benchmarks.Load;

/// <summary>A data folder (SQLite file and Development keys) used in this process exactly as the web app uses it.</summary>
public static class LocalData
{
    public const string DatabaseFile = "ethics.db";

    /// <summary>The application's services on the folder, with extra EF interceptors when given.</summary>
    public static ServiceProvider Services(string folder, params IInterceptor[] interceptors)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = folder })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddEthicsCases(configuration, createMissingKeys: true);
        if (interceptors.Length > 0)
        {
            services.ConfigureDbContext<EthicsDbContext>(o => o.AddInterceptors(interceptors));
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Migrates a new folder and seeds the demo directory and <paramref name="cases"/> cases through <c>SeedDemo</c>.</summary>
    public static async Task SeedAsync(string folder, int cases, Action<string> say)
    {
        Directory.CreateDirectory(folder);
        await using var services = Services(folder);
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
        }

        var lastShown = DateTime.UtcNow;
        var progress = new Progress<int>(done =>
        {
            if (DateTime.UtcNow - lastShown > TimeSpan.FromSeconds(10))
            {
                lastShown = DateTime.UtcNow;
                say($"  seeded {done:N0} of {cases:N0}");
            }
        });
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SeedDemo(cases, Seed: 1, Progress: progress));
        }

        await CheckpointAsync(folder);
    }

    /// <summary>Folds the WAL into the file so that a copy of the file alone is the whole database.</summary>
    public static async Task CheckpointAsync(string folder)
    {
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, DatabaseFile)}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    public static void Copy(string from, string to)
    {
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }

        DatabaseSettings.CreatePrivateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        // The key folder too: without it the copy's app makes new keys and cannot open what was seeded.
        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
