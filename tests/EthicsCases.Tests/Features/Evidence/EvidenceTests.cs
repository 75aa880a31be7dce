using System.Security.Cryptography;
using System.Text;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Evidence;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Evidence;

public sealed class EvidenceTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Test]
    public async Task A_reviewer_attaches_a_document_whose_hash_enters_the_audit_chain_and_downloads_it_unchanged()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("BooksAndRecords", "Rebate booked to the wrong account", null, []));

        var uploaded = await Db.SendAs(Cast.GeneralCounsel, new UploadEvidence(filed.Reference, "../../ledger extract.pdf", Pdf));

        var listed = await Db.SendAs(Cast.AuditChair, new ListEvidence(filed.Reference));
        var download = await Db.SendAs(Cast.AuditChair, new DownloadEvidence(filed.Reference, uploaded.EvidenceId));
        var evt = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == filed.CaseId).OrderBy(e => e.Id).LastAsync());
        Assert.Multiple(() =>
        {
            Assert.That(uploaded.FileName, Does.Not.Contain("/"), "the client's path is dropped");
            Assert.That(uploaded.ContentType, Is.EqualTo("application/pdf"));
            Assert.That(uploaded.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Pdf))));
            Assert.That(listed.Single().EvidenceId, Is.EqualTo(uploaded.EvidenceId));
            Assert.That(download.Content, Is.EqualTo(Pdf));
            Assert.That(evt.Action, Is.EqualTo("EvidenceAdded"));
            Assert.That(evt.Data, Does.Contain(uploaded.Sha256));
        });
    }

    [Test]
    public async Task The_reporter_attaches_to_their_own_report_but_does_not_see_the_case_evidence()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Duplicated receipts", null, []));
        await Db.SendAs(Cast.AuditChair, new UploadEvidence(filed.Reference, "receipts.pdf", Pdf));

        var mine = await Db.SendAs(Cast.Cfo, new UploadEvidence(filed.Reference, "mine.pdf", Pdf));

        var listed = await Db.SendAs(Cast.AuditChair, new ListEvidence(filed.Reference));
        var evidenceEvent = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == filed.CaseId && e.Action == "EvidenceAdded").OrderBy(e => e.Id).LastAsync());
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(e => e.FileName), Is.EquivalentTo(new[] { "receipts.pdf", "mine.pdf" }));
            Assert.That(evidenceEvent.Actor, Is.EqualTo(Cast.Cfo));
            Assert.That(evidenceEvent.Data, Does.Contain(mine.Sha256));
            Assert.That(() => Db.SendAs(Cast.Cfo, new ListEvidence(filed.Reference)), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.Controller, new UploadEvidence(filed.Reference, "other.pdf", Pdf)), Throws.TypeOf<NotFoundException>());
        });
    }

    [Test]
    public async Task A_file_whose_content_does_not_match_its_type_is_refused_and_nothing_is_stored()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Vendor bank details changed", null, []));
        var before = await Db.AuditCount(filed.CaseId);

        var error = Assert.ThrowsAsync<ValidationFailedException>(() =>
            Db.SendAs(Cast.AuditChair, new UploadEvidence(filed.Reference, "invoice.pdf", Encoding.ASCII.GetBytes("MZ\u0090\u0000 not a pdf"))));

        Assert.That(error!.Errors.Keys, Does.Contain("file"));
        Assert.That(await Db.Read(db => db.EvidenceFiles.CountAsync()), Is.Zero);
        Assert.That(await Db.AuditCount(filed.CaseId), Is.EqualTo(before));
    }

    [Test]
    public async Task A_document_of_another_case_is_not_found_through_this_one()
    {
        var first = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "First", null, []));
        var second = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Second", null, []));
        var uploaded = await Db.SendAs(Cast.AuditChair, new UploadEvidence(first.Reference, "a.pdf", Pdf));

        Assert.That(() => Db.SendAs(Cast.AuditChair, new DownloadEvidence(second.Reference, uploaded.EvidenceId)), Throws.TypeOf<NotFoundException>());
    }
}
