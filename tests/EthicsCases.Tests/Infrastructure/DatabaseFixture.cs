using EthicsCases.Data;

namespace EthicsCases.Tests.Infrastructure;

/// <summary>
/// Base for feature tests: each test gets a fresh, migrated database of the fixture's provider, so the same tests
/// run on SQLite and on a real PostgreSQL server.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public abstract class DatabaseFixture(DatabaseProvider provider)
{
    /// <summary>The provider under test.</summary>
    protected DatabaseProvider Provider { get; } = provider;

    /// <summary>This test's database.</summary>
    protected TestDatabase Db { get; private set; } = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        Db = await TestDatabase.CreateAsync(Provider);
        await Db.AddCast();
    }

    [TearDown]
    public async Task DropDatabase() => await Db.DisposeAsync();
}
