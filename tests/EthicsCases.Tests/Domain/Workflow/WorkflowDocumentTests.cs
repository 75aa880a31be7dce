using EthicsCases.Domain.Workflow;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Domain.Workflow;

public sealed class WorkflowDocumentTests
{
    [Test]
    public void Docs_workflow_md_is_the_diagram_generated_from_the_machine()
    {
        var path = Path.Combine(Repository.Root, "docs", "workflow.md");
        var generated = WorkflowDocument.Render();

        Assert.That(File.Exists(path), Is.True, "docs/workflow.md is missing: run 'dotnet run --project src/EthicsCases.Cli -- docs workflow > docs/workflow.md'");
        Assert.That(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), Is.EqualTo(generated),
            "docs/workflow.md drifted from CaseWorkflow: run 'dotnet run --project src/EthicsCases.Cli -- docs workflow > docs/workflow.md'");
    }

    [Test]
    public void The_diagram_shows_every_state_and_every_guard_description()
    {
        var diagram = CaseWorkflow.ToMermaid();
        Assert.Multiple(() =>
        {
            foreach (var state in Enum.GetNames<EthicsCases.Domain.CaseState>())
            {
                Assert.That(diagram, Does.Contain(state));
            }

            Assert.That(diagram, Does.Contain("General Counsel recused"));
            Assert.That(diagram, Does.Contain("recording the Board's decision"));
        });
    }
}
