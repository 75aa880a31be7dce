using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EthicsCases.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests: <c>ETHICS_TEST_POSTGRES</c> when CI provides one, else a private cluster
/// started here (initdb + pg_ctl as the postgres user) and stopped when the run ends.
/// </summary>
public static class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _baseConnection;
    private static string? _dataDir;
    private static string? _binDir;

    /// <summary>A connection string to a fresh, empty database on the server.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await EnsureStartedAsync();
        var name = $"ethics_{Guid.NewGuid():N}"[..30];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
    }

    /// <summary>Stops the private cluster, if this run started one.</summary>
    public static void Stop()
    {
        if (_dataDir is null || _binDir is null)
        {
            return;
        }

        Run(Path.Combine(_binDir, "pg_ctl"), $"-D {_dataDir}/data -m immediate -w stop", asPostgres: true);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; the cluster is stopped.
        }

        _dataDir = null;
    }

    private static async Task<string> EnsureStartedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_baseConnection is not null)
            {
                return _baseConnection;
            }

            var provided = Environment.GetEnvironmentVariable("ETHICS_TEST_POSTGRES");
            if (!string.IsNullOrWhiteSpace(provided))
            {
                return _baseConnection = provided;
            }

            _binDir = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
                : null;
            if (_binDir is null)
            {
                Assert.Fail("PostgreSQL is not installed: run 'apt-get install -y postgresql' (as .ci/run does) or set ETHICS_TEST_POSTGRES to a server's connection string.");
            }

            _dataDir = Path.Combine(Path.GetTempPath(), $"ethics-pg-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_dataDir);
            Run("chown", $"postgres {_dataDir}", asPostgres: false);
            var port = FreePort();
            Run(Path.Combine(_binDir!, "initdb"), $"-D {_dataDir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asPostgres: true);
            Run(Path.Combine(_binDir!, "pg_ctl"),
                $"-D {_dataDir}/data -l {_dataDir}/log -o \"-c listen_addresses=127.0.0.1 -p {port} -k {_dataDir} -c fsync=off -c max_connections=200\" -w start",
                asPostgres: true);
            return _baseConnection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        }
        finally
        {
            Gate.Release();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var root = Environment.UserName == "root";
        var start = asPostgres && root
            ? new ProcessStartInfo("su", ["postgres", "-s", "/bin/sh", "-c", $"{file} {arguments}"])
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"'{file} {arguments}' failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
