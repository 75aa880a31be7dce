using System.Text;

namespace EthicsCases.Domain.Workflow;

/// <summary>Renders docs/workflow.md from the configured machine, so the document cannot drift from the code.</summary>
public static class WorkflowDocument
{
    /// <summary>The whole Markdown document.</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("""
            # Case workflow (generated)

            This file is generated from `CaseWorkflow` by `ethics docs workflow > docs/workflow.md`; a test fails when it
            drifts from the code. Guards name who may fire each trigger; a person named as a subject of a case is recused
            from every guard, whatever their role.

            ```mermaid

            """);
        text.Append(CaseWorkflow.ToMermaid().Trim());
        text.Append("""

            ```

            Triggers that carry a reason: 
            """);
        text.Append(string.Join(", ", CaseWorkflow.ReasonRequired.Order().Select(t => $"`{t}`")));
        text.Append(".\n\n`RecordDetermination` carries the Board's decision and is fired by `ethics case determine`.\n");
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
