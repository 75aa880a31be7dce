using EthicsCases.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Data;

/// <summary>
/// Every connection the app opens to its SQLite file waits for another process's writer inside SQLite (busy timeout),
/// also when the pool hands it out again (the pragma runs once per native connection): checked on the connection EF
/// hands out, new and reopened.
/// </summary>
public sealed class SqliteConnectionTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ethics-connection-").FullName;

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Each_opened_connection_gets_the_busy_timeout_pooled_or_new()
    {
        var settings = DatabaseSettings.FromConnection(Path.Combine(_folder, "ethics.db"));
        var options = new DbContextOptionsBuilder<EthicsDbContext>();
        settings.Configure(options);

        for (var open = 0; open < 2; open++)
        {
            await using var db = new EthicsDbContext(options.Options);
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();

            Assert.That(await ScalarAsync(connection, "PRAGMA busy_timeout"), Is.EqualTo(SqliteWriteGate.BusyTimeoutMilliseconds), $"open {open + 1}");
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
