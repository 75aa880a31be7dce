using System.CommandLine;
using EthicsCases.Features.Security;
using EthicsCases.Security;

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
            // The web app's rule: Auth:Mode names Local or EntraId (unset: Local in Development only), Local only in Development.
            string mode;
            try
            {
                mode = SignInModes.Resolve(runner.Setting("Auth:Mode"), runner.EnvironmentName);
            }
            catch (InvalidOperationException e)
            {
                return Task.FromResult(runner.Reject($"dev token is only available in local sign-in mode: {e.Message}"));
            }

            if (mode != SignInModes.Local)
            {
                return Task.FromResult(runner.Reject("dev token is only available in local sign-in mode (Auth:Mode=Local, in Development); with Entra ID, get a token from Microsoft Entra."));
            }

            return runner.SendAsync(parse, parse.GetValue(actAs), new IssueDevToken(),
                (r, o) => o.WriteLine($"{r.Token}\n(expires {r.Expires:u}; send it as 'Authorization: Bearer <token>')"), ct);
        });
        return new Command("dev", "Developer tools for the embedded local mode.") { token };
    }
}
