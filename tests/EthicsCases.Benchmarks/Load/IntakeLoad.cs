using EthicsCases.Features.Concerns;

namespace EthicsCases.Benchmarks.Load;

/// <summary>What every filing of the load sends: the body of <c>POST /api/concerns</c>.</summary>
public static class IntakeLoad
{
    public static FileConcern Concern(int i, string subject) => new("Fraud", $"Load test concern {i}",
        "Expense reports with duplicated receipts were approved in the same week; the approver is the submitter's manager.", [subject]);
}
