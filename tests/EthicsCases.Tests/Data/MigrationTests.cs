using EthicsCases.Data;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Data;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class MigrationTests(DatabaseProvider provider)
{
    [Test]
    public async Task The_migrations_cover_the_whole_model_and_leave_nothing_pending()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (pendingMigrations, pendingChanges, applied) = await database.Read(async db =>
            ((await db.Database.GetPendingMigrationsAsync()).ToList(), db.Database.HasPendingModelChanges(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));

        Assert.Multiple(() =>
        {
            Assert.That(applied, Is.Not.Empty);
            Assert.That(pendingMigrations, Is.Empty);
            Assert.That(pendingChanges, Is.False, $"the model changed without a migration: run migrations/add.sh NAME ({provider})");
        });
    }
}

public sealed class SqliteSettingsTests
{
    [Test]
    public async Task Sqlite_runs_in_WAL_mode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var mode = await database.Read(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.That(mode.Single(), Is.EqualTo("wal"));
    }
}
