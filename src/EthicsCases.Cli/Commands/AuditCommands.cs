using System.CommandLine;
using EthicsCases.Features.Audit;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics audit verify</c>.</summary>
public static class AuditCommands
{
    /// <summary>Builds the <c>audit</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var verify = new Command("verify", "Check every audit hash chain; prints {\"events\",\"valid\",\"firstInvalidEvent\"}.");
        verify.SetAction((parse, ct) => runner.SendAsync(parse, null, new VerifyAudit(),
            (r, o) => o.WriteLine(r.Valid ? $"{r.Events} audit events verified." : $"Audit trail broken at event {r.FirstInvalidEvent} ({r.Events} events)."), ct));
        return new Command("audit", "The audit trail.") { verify };
    }
}
