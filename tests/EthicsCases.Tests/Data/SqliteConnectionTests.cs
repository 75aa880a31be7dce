using EthicsCases.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Data;

/// <summary>
/// Every connection the app opens to its SQLite file waits for another process's writer inside SQLite (busy timeout)
/// and reads the file through a memory map (issue 10): checked on the connection EF hands out, pooled and reopened.
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
    public async Task Each_opened_connection_gets_the_busy_timeout_and_the_memory_map()
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
            // SQLite caps the request at its compile-time maximum: what matters is that reads are mapped, and widely.
            Assert.That(await ScalarAsync(connection, "PRAGMA mmap_size"), Is.GreaterThanOrEqualTo(1L << 30), $"open {open + 1}");
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
