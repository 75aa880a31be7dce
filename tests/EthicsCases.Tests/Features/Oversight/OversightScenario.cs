using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Anonymous;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Determinations;
using EthicsCases.Tests.Infrastructure;
using static EthicsCases.Tests.Features.Determinations.DeterminationScenario;

namespace EthicsCases.Tests.Features.Oversight;

/// <summary>
/// A hand-computed program, starting 2026-03-02 (2026Q1):
/// <list type="bullet">
/// <item>A: Fraud, filed by the CFO naming the controller, accepted, referred to the Board, determined on day 10 (a
/// written notice): ViolationFound, 10 days. Audit Committee only, then Board.</item>
/// <item>B: CodeOfEthicsViolation filed by the controller naming the Audit Committee member; General Counsel accepts,
/// refers it on day 20, the chair closes it: NoViolationFound, 20 days. General Counsel and Audit Committee.</item>
/// <item>C: DisclosureMatter filed anonymously; the reporter writes back on day 1; dismissed on day 2: Dismissed, 2 days.</item>
/// <item>D: Fraud filed by the CFO on 2026-04-15 (2026Q2), open.</item>
/// </list>
/// </summary>
internal sealed record OversightScenario(FiledConcern A, FiledConcern B, AnonymousReceipt C, FiledConcern D)
{
    public static async Task<OversightScenario> RunAsync(TestDatabase db)
    {
        var a = await db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Duplicate expense receipts", null, [Cast.Controller]));
        var b = await db.SendAs(Cast.Controller, new FileConcern("CodeOfEthicsViolation", "Undisclosed supplier interest", null, [Cast.AuditMember]));
        var c = await db.SendAs(null, new FileAnonymousReport("DisclosureMatter", "Backdated contract", null, []));

        db.Clock.Advance(TimeSpan.FromDays(1));
        await db.SendAs(Cast.AuditChair, new FireTrigger(a.Reference, "Accept", null));
        await db.SendAs(Cast.GeneralCounsel, new FireTrigger(b.Reference, "Accept", null));
        await db.SendAs(null, new ReplyAnonymously(c.ReportKey, c.Password, "More detail: the contract was signed in April."));

        db.Clock.Advance(TimeSpan.FromDays(1));
        await db.SendAs(Cast.AuditChair, new FireTrigger(c.Reference, "Dismiss", "Not a disclosure matter."));
        await db.SendAs(Cast.AuditChair, new FireTrigger(a.Reference, "RequestBoardDetermination", null));

        db.Clock.Advance(TimeSpan.FromDays(8));
        await db.SendAs(Cast.AuditChair, Minor(a.Reference, Sanction.WrittenNotice));

        db.Clock.Advance(TimeSpan.FromDays(10));
        await db.SendAs(Cast.GeneralCounsel, new FireTrigger(b.Reference, "ReferToAuditCommittee", "Needs the Committee."));
        await db.SendAs(Cast.AuditChair, new FireTrigger(b.Reference, "CloseNoViolation", "The interest was disclosed."));

        db.Clock.Advance(new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.Zero) - db.Clock.GetUtcNow());
        var d = await db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Cash drawer shortfall", null, []));
        return new OversightScenario(a, b, c, d);
    }
}
