using System.CommandLine;
using EthicsCases.Cli.Commands;

namespace EthicsCases.Cli;

/// <summary>The <c>ethics</c> command: exit 0 on success, 1 on a rejected request, 2 on bad usage (docs/contract.md).</summary>
public static class EthicsCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a request the rules rejected; nothing was changed.</summary>
    public const int Rejected = 1;

    /// <summary>Exit code for bad usage.</summary>
    public const int Usage = 2;

    /// <summary>Parses and runs one command line, writing to the given streams.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var root = new RootCommand("EthicsCases: concerns under SOP II-031 from report to Board decision.");
        var globals = new GlobalOptions();
        root.Options.Add(globals.Db);
        root.Options.Add(globals.Json);
        var runner = new CommandRunner(globals, stdout, stderr, settings);
        root.Subcommands.Add(DatabaseCommands.Build(runner));
        root.Subcommands.Add(PeopleCommands.Build(runner));
        root.Subcommands.Add(ConcernCommands.Build(runner));
        root.Subcommands.Add(CaseCommands.Build(runner));
        root.Subcommands.Add(SanctionCommands.Build(runner));
        root.Subcommands.Add(AdviceCommands.Build(runner));
        root.Subcommands.Add(DemoCommands.Build(runner));
        root.Subcommands.Add(AuditCommands.Build(runner));
        root.Subcommands.Add(AuditCommands.Keys(runner));
        root.Subcommands.Add(DocsCommands.Build(runner));
        root.Subcommands.Add(DevCommands.Build(runner));
        root.Subcommands.Add(Form4Commands.Build(runner));
        root.Subcommands.Add(NotificationCommands.Build(runner));
        root.Subcommands.Add(WaiverCommands.Build(runner));
        root.Subcommands.Add(WaiverCommands.BuildCode(runner));
        root.Subcommands.Add(BoardCommands.Build(runner));
        root.Subcommands.Add(ReportCommands.Build(runner));
        root.Subcommands.Add(RetentionCommands.Build(runner));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"ethics: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'ethics --help' for usage.");
            return Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }
}

/// <summary>Options every command takes.</summary>
public sealed class GlobalOptions
{
    /// <summary><c>--db CONNECTION</c>: a SQLite path or connection string, or a PostgreSQL connection string.</summary>
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "Database connection (SQLite file or connection string, or PostgreSQL 'Host=...'); default: the web app's default database.",
        Recursive = true,
    };

    /// <summary><c>--json</c>: exactly one JSON document on stdout.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print exactly one JSON document on stdout and nothing else there.",
        Recursive = true,
    };
}
