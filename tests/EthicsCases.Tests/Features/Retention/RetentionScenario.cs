using System.Text;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Evidence;
using EthicsCases.Features.Messages;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Features.Retention;

/// <summary>Cases with content in every place the purge must reach.</summary>
internal static class RetentionScenario
{
    /// <summary>Words that appear only in the scenario's narrative, to look for after a purge.</summary>
    public static readonly string[] NarrativeWords = ["Quillfeather", "Zanzibarite", "Marrowgate", "Thistlewick", "Oxbowquay"];

    /// <summary>
    /// A Fraud concern (routed to the Audit Committee) with an account, a reviewer's note, a document and a dismissal
    /// reason, dismissed now (the test clock).
    /// </summary>
    public static async Task<FiledConcern> Dismissed(TestDatabase db)
    {
        var filed = await WithContent(db);
        await db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Dismiss", "Duplicate of the Thistlewick report"));
        return filed;
    }

    /// <summary>The same case, left open after acceptance.</summary>
    public static async Task<FiledConcern> WithContent(TestDatabase db)
    {
        var filed = await db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Quillfeather invoices paid twice",
            "The Zanzibarite supplier was paid twice for the Marrowgate order.", []));
        await db.SendAs(Cast.AuditChair, new PostMessage(filed.Reference, "Called the Oxbowquay office about the Marrowgate order.", false));
        await db.SendAs(Cast.AuditChair, new UploadEvidence(filed.Reference, "ledger.txt", Encoding.UTF8.GetBytes("Quillfeather ledger line 42")));
        return filed;
    }
}
