using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Determinations;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Features.Determinations;

/// <summary>Brings cases before the Board and determines them, as the Audit Committee would.</summary>
internal static class DeterminationScenario
{
    /// <summary>Files a Fraud concern (routed to the Audit Committee alone) naming the subjects and takes it to BoardDetermination.</summary>
    public static async Task<FiledConcern> BeforeTheBoard(TestDatabase db, params string[] subjects)
    {
        var filed = await db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Duplicate expense receipts", null, subjects));
        await db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));
        await db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "RequestBoardDetermination", null));
        return filed;
    }

    /// <summary>
    /// A first, minor, single, inadvertent violation of a Fraud case: 0 + 0 + 0 + 0 + Fraud 4 = 4 points, a written
    /// notice; with one prior violation 6 points, a censure (policy 2026-11-v1).
    /// </summary>
    public static DetermineCase Minor(string caseKey, params Sanction[] sanctions) =>
        new(caseKey, true, sanctions.Select(s => new DeterminedSanction(s)).ToList(), Severity: 1, Occurrences: 1, Intent: "inadvertent");
}
