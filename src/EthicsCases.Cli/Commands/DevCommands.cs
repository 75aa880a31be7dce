using System.CommandLine;
using EthicsCases.Features.Security;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics dev token --as EMAIL</c>: a local-mode bearer token for the API.</summary>
public static class DevCommands
{
    /// <summary>Builds the <c>dev</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var token = new Command("token", "Mint a bearer token the local-mode API accepts for that person; prints {\"token\",\"expires\"}.") { actAs };
        token.SetAction((parse, ct) =>
        {
            // Mirrors the web app: Auth:Mode when set, else Local unless an environment other than Development is named.
            var mode = runner.Setting("Auth:Mode");
            var environment = runner.Setting("DOTNET_ENVIRONMENT") ?? runner.Setting("ASPNETCORE_ENVIRONMENT");
            var local = string.IsNullOrWhiteSpace(mode)
                ? environment is null || environment.Equals("Development", StringComparison.OrdinalIgnoreCase)
                : mode.Equals("Local", StringComparison.OrdinalIgnoreCase);
            if (!local)
            {
                return Task.FromResult(runner.Reject("dev token is only available in local sign-in mode (Auth:Mode=Local); with Entra ID, get a token from Microsoft Entra."));
            }

            return runner.SendAsync(parse, parse.GetValue(actAs), new IssueDevToken(),
                (r, o) => o.WriteLine($"{r.Token}\n(expires {r.Expires:u}; send it as 'Authorization: Bearer <token>')"), ct);
        });
        return new Command("dev", "Developer tools for the embedded local mode.") { token };
    }
}
