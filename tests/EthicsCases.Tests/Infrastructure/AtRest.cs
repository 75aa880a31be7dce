using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EthicsCases.Tests.Infrastructure;

/// <summary>Looks for narrative words where content rests: a SQLite file and its WAL, a <c>pg_dump</c> of a database.</summary>
internal static class AtRest
{
    /// <summary>Each word (named by the field it was written into) found in the bytes, in clear or as the hex a dump shows bytes in.</summary>
    public static IEnumerable<string> Found(byte[] bytes, IReadOnlyDictionary<string, string> words)
    {
        foreach (var (field, word) in words)
        {
            var hex = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(word)));
            if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(word)) >= 0 || bytes.AsSpan().IndexOf(hex) >= 0)
            {
                yield return $"{field} ({word})";
            }
        }
    }

    /// <summary>Moves every page of the WAL into the SQLite file and empties the WAL.</summary>
    public static async Task CheckpointAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>A plain-text dump of the database, by the newest <c>pg_dump</c> installed.</summary>
    public static string PgDump(string connection)
    {
        var c = new NpgsqlConnectionStringBuilder(connection);
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).Order().Last();
        var start = new ProcessStartInfo(pgDump, ["-h", c.Host!, "-p", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", c.Username!, "-d", c.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), error.Result);
        return output;
    }
}
