using System.CommandLine;
using EthicsCases.Features.Demo;
using EthicsCases.Security;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics demo seed</c>.</summary>
public static class DemoCommands
{
    /// <summary>Builds the <c>demo</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var cases = new Option<int>("--cases") { Description = "How many cases to create.", DefaultValueFactory = _ => 200 };
        var seed = new Option<int?>("--seed") { Description = "Random seed; the same seed gives the same data." };
        var actAs = new Option<string?>("--as")
        {
            Description = "Act as this Administrator (e-mail). Not needed while the directory has no Administrator (a fresh database); the demo adds admin@alto.example.",
        };
        var seedCommand = new Command("seed", "Load a demo directory and cases; prints {\"cases\":N}.") { cases, seed, actAs };
        seedCommand.SetAction((parse, ct) => !string.Equals(runner.EnvironmentName, SignInModes.Development, StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult(runner.Reject(
                $"demo seed loads made-up people and cases, so it runs only in Development (DOTNET_ENVIRONMENT/ASPNETCORE_ENVIRONMENT is '{runner.EnvironmentName}')."))
            : runner.RunAsync(parse, parse.GetValue(actAs), async (services, token) =>
        {
            var count = parse.GetValue(cases);
            var mediator = services.GetRequiredService<IMediator>();
            // The bar is for a person at a terminal: under --json (a script reading the one document) it stays off,
            // as it does with stderr redirected or for a load too short to watch.
            if (parse.GetValue(runner.JsonOption) || Console.IsErrorRedirected || count < 500)
            {
                return await mediator.Send(new SeedDemo(count, parse.GetValue(seed)), token);
            }

            // A progress bar on the terminal (stderr), so stdout stays one JSON document.
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            SeedDemoResult? result = null;
            await console.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Seeding demo cases", maxValue: count);
                result = await mediator.Send(new SeedDemo(count, parse.GetValue(seed), new Progress<int>(n => task.Value = n)), token);
                task.Value = count;
            });
            return result!;
        }, (r, o) => o.WriteLine($"Seeded {r.Cases} cases; the directory holds {r.People} people (e.g. gc@{SeedDemoHandler.Domain})."), ct));
        return new Command("demo", "Demo data.") { seedCommand };
    }
}
