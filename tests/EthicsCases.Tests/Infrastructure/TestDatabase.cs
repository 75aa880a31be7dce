using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Infrastructure;

/// <summary>
/// A real, migrated database (a SQLite file or a fresh PostgreSQL database) behind the real service registration,
/// with helpers to send Mediator messages as a directory person.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseSettings settings, string? sqliteFile)
    {
        Settings = settings;
        _sqliteFile = sqliteFile;
        DataDirectory = Path.GetDirectoryName(sqliteFile) ?? Path.Combine(Path.GetTempPath(), "ethics-test-pg");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Directory"] = DataDirectory,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddEthicsCases(configuration, settings);
        services.AddSingleton<TimeProvider>(Clock);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The database in use.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>The data folder: the keys the record and the content are sealed with live there.</summary>
    public string DataDirectory { get; }

    /// <summary>The connection string, for the CLI's --db.</summary>
    public string Connection => Settings.ConnectionString;

    /// <summary>The clock every handler sees.</summary>
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Creates and migrates a database of the given provider.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), $"ethics-test-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, "ethics.db");
            db = new TestDatabase(DatabaseSettings.FromConnection(file), file);
        }
        else
        {
            db = new TestDatabase(DatabaseSettings.FromConnection(await PostgresServer.CreateDatabaseAsync()), null);
        }

        await using var scope = db._services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
        return db;
    }

    /// <summary>Sends a command as <paramref name="email"/> (null: nobody signed in) in a fresh scope.</summary>
    public async Task<T> SendAs<T>(string? email, ICommand<T> command)
    {
        await using var scope = Scope(email);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>Sends a query as <paramref name="email"/> in a fresh scope.</summary>
    public async Task<T> SendAs<T>(string? email, IQuery<T> query)
    {
        await using var scope = Scope(email);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    /// <summary>A scope acting as <paramref name="email"/>.</summary>
    public AsyncServiceScope Scope(string? email)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = email;
        return scope;
    }

    /// <summary>
    /// Runs <paramref name="read"/> against a fresh context. Entities with sealed content that come back (one, or a
    /// list of them, and a case's history) are opened, as the application opens them before reading their content.
    /// </summary>
    public async Task<T> Read<T>(Func<EthicsDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        var result = await read(db);
        var sealedItems = result switch
        {
            ISealedContent one => [one],
            System.Collections.IEnumerable many and not string => many.OfType<ISealedContent>().ToList(),
            _ => new List<ISealedContent>(),
        };
        sealedItems.AddRange(sealedItems.OfType<EthicsCase>().SelectMany(c => c.History).ToList());
        if (sealedItems.Count > 0)
        {
            await db.OpenAllAsync(sealedItems, CancellationToken.None);
        }

        return result;
    }

    /// <summary>Adds a person, as an Administrator of the directory once there is one (before that, nobody needs to be).</summary>
    public async Task<Guid> AddPerson(string email, params Role[] roles) =>
        (await SendAs(await AdministratorAsync(), new AddPerson(email, email.Split('@')[0], roles.Select(r => r.ToString()).ToList()))).PersonId;

    /// <summary>The e-mail of an Administrator in the directory, or null while there is none.</summary>
    public Task<string?> AdministratorAsync() =>
        Read(db => db.People.Where(p => p.Roles.Contains(Role.Administrator)).OrderBy(p => p.Email).Select(p => p.Email).FirstOrDefaultAsync());

    /// <summary>Adds the usual cast: two officers, a General Counsel, two Audit Committee members, a Board member, an administrator.</summary>
    public async Task AddCast()
    {
        await AddPerson(Cast.Cfo, Role.Officer);
        await AddPerson(Cast.Controller, Role.Officer);
        await AddPerson(Cast.GeneralCounsel, Role.GeneralCounsel);
        await AddPerson(Cast.AuditChair, Role.AuditCommittee, Role.Board);
        await AddPerson(Cast.AuditMember, Role.AuditCommittee);
        await AddPerson(Cast.Director, Role.Board);
        await AddPerson(Cast.Admin, Role.Administrator);
    }

    /// <summary>Counts audit events of a case.</summary>
    public Task<int> AuditCount(Guid caseId) => Read(db => db.AuditEvents.CountAsync(e => e.CaseId == caseId));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Path.GetDirectoryName(_sqliteFile)!, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}

/// <summary>The people most tests use.</summary>
public static class Cast
{
    public const string Cfo = "cfo@test.example";
    public const string Controller = "controller@test.example";
    public const string GeneralCounsel = "gc@test.example";
    public const string AuditChair = "ac.chair@test.example";
    public const string AuditMember = "ac.member@test.example";
    public const string Director = "director@test.example";
    public const string Admin = "admin@test.example";
}
