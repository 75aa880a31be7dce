using System.Diagnostics;
using System.Text.Json;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Cli;

/// <summary>The built <c>ethics</c> program as a separate process: real exit codes, real streams.</summary>
public sealed class CliProcessTests
{
    private static (int Code, string Stdout, string Stderr) Ethics(string dataDir, params string[] args)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "ethics.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ETHICS_DATA_DIR"] = dataDir },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    [Test]
    public void The_default_database_lives_in_the_data_folder_and_exit_codes_follow_the_contract()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"ethics-cli-{Guid.NewGuid():N}");
        try
        {
            var added = Ethics(dataDir, "people", "add", "--email", "cfo@test.example", "--name", "CFO", "--role", "Officer", "--json");
            var usage = Ethics(dataDir, "concern", "file", "--summary", "no category");
            var rejected = Ethics(dataDir, "case", "show", "EC-2026-9999", "--as", "cfo@test.example", "--json");

            Assert.Multiple(() =>
            {
                Assert.That(added.Code, Is.EqualTo(0), added.Stderr);
                Assert.That(JsonDocument.Parse(added.Stdout).RootElement.GetProperty("personId").GetString(), Is.Not.Empty);
                Assert.That(File.Exists(Path.Combine(dataDir, "ethics.db")), Is.True);
                Assert.That(usage.Code, Is.EqualTo(2));
                Assert.That(usage.Stderr, Does.Contain("--category"));
                Assert.That(rejected.Code, Is.EqualTo(1));
                Assert.That(rejected.Stderr, Does.Contain("not found"));
                Assert.That(rejected.Stdout, Is.Empty);
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
