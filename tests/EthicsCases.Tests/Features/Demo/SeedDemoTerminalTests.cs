using System.Diagnostics;
using System.Text.Json;

namespace EthicsCases.Tests.Features.Demo;

/// <summary>
/// <c>ethics demo seed</c> run by the built program on a real pseudo-terminal (util-linux <c>script</c>), where stdout and
/// stderr both reach the screen: the progress bar shows for a person, and under <c>--json</c> the screen gets the one
/// JSON document and nothing else.
/// </summary>
[NonParallelizable]
public sealed class SeedDemoTerminalTests
{
    [Test]
    public void On_a_terminal_the_seed_shows_a_progress_bar_and_under_json_prints_only_its_document()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"ethics-seed-tty-{Guid.NewGuid():N}");
        try
        {
            var shown = OnTerminal(dataDir, "demo", "seed", "--cases", "1500", "--seed", "2");
            var json = OnTerminal(dataDir, "demo", "seed", "--cases", "1500", "--seed", "3", "--as", "admin@alto.example", "--json");

            // .NET itself switches a terminal's keypad to application mode when it starts (ESC[?1h ESC=); the rest is ours.
            var document = json.Screen.Replace("\u001b[?1h\u001b=", "", StringComparison.Ordinal);
            Assert.Multiple(() =>
            {
                Assert.That(shown.Code, Is.Zero, shown.Screen);
                Assert.That(shown.Screen, Does.Contain("Seeding demo cases"), "the bar is drawn");
                Assert.That(shown.Screen, Does.Contain("100%"), "and reaches the end");
                Assert.That(shown.Screen, Does.Contain("Seeded 1500 cases"));
                Assert.That(json.Code, Is.Zero, json.Screen);
                Assert.That(json.Screen, Does.Not.Contain("Seeding demo cases"));
                Assert.That(document, Does.Not.Contain("\u001b"), "no escape sequences of ours");
                Assert.That(JsonDocument.Parse(document.Trim()).RootElement.GetProperty("cases").GetInt32(), Is.EqualTo(1500),
                    "the screen holds exactly one JSON document");
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    // The program with a pseudo-terminal for its stdin, stdout and stderr; the screen is everything it wrote there.
    private static (int Code, string Screen) OnTerminal(string dataDir, params string[] args)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "ethics.dll");
        var line = string.Join(' ', new[] { "dotnet", dll }.Concat(args).Select(a => $"'{a}'"));
        var start = new ProcessStartInfo("script", ["--quiet", "--return", "--command", line, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ETHICS_DATA_DIR"] = dataDir,
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["TERM"] = "xterm-256color",
                ["COLUMNS"] = "120",
                ["LINES"] = "40",
            },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var screen = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, screen + stderr.Result);
    }
}
