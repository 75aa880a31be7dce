using System.CommandLine;
using EthicsCases.Domain.Workflow;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics docs workflow</c>: prints the generated workflow document.</summary>
public static class DocsCommands
{
    /// <summary>Builds the <c>docs</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var workflow = new Command("workflow", "Print docs/workflow.md, generated from the workflow itself.");
        workflow.SetAction(_ =>
        {
            runner.Out.Write(WorkflowDocument.Render());
            return EthicsCli.Ok;
        });
        return new Command("docs", "Generated documentation.") { workflow };
    }
}
