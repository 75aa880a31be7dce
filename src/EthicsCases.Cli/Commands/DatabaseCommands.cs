using System.CommandLine;
using EthicsCases.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics db migrate</c>.</summary>
public static class DatabaseCommands
{
    /// <summary>Builds the <c>db</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var migrate = new Command("migrate", "Apply pending migrations; prints {\"applied\":[names]}.");
        migrate.SetAction((parse, ct) => runner.RunAsync(parse, null,
            async (s, token) => new MigrateResult(await DatabaseMigrator.MigrateAsync(s.GetRequiredService<EthicsDbContext>(), token)),
            (r, o) => o.WriteLine(r.Applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", r.Applied)}"),
            ct, migrate: false));
        return new Command("db", "Database maintenance.") { migrate };
    }

    private sealed record MigrateResult(IReadOnlyList<string> Applied);
}
