using EthicsCases.Domain.Waivers;
using PdfSharp;

namespace EthicsCases.Tests.Domain.Waivers;

/// <summary>What the Item 5.05 draft says: the nature of the waiver, the person's name and title, the date, the provision.</summary>
[NonParallelizable]
public sealed class WaiverDisclosureDraftTests
{
    private static readonly WaiverDraftFacts Facts = new(
        Company: "Alto Ingredients, Inc.",
        PersonName: "Jordan Whitaker",
        PersonTitle: "Chief Financial Officer",
        Provision: "Code of Ethics II-030, conflicts of interest: outside directorships",
        Nature: "Permission to serve on the board of Pacific Grain Cooperative, a supplier, with recusal from its dealings with the Company.",
        WaiverDate: new DateOnly(2026, 11, 25),
        Implicit: false,
        GrantedBy: "its Board of Directors",
        Due: new DateOnly(2026, 12, 2),
        PostedOn: null,
        Rationale: "The cooperative's sales to the Company are under 1% of purchases.");

    [SetUp]
    public void LoadPdfSharpLicense() => PdfSharpLicense.SetAgplLicense();

    [Test]
    public void The_8K_draft_names_the_person_title_date_provision_nature_and_due_date()
    {
        var text = PdfText.Flatten(WaiverDisclosureDraft.Compose(Facts, DraftVariant.Form8K).Text);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Item 5.05 Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics."));
            Assert.That(text, Does.Contain("On November 25, 2026, Alto Ingredients, Inc. (the \"Company\"), acting through its Board of Directors, granted " +
                "Jordan Whitaker, the Company's Chief Financial Officer, a waiver from the following provision"));
            Assert.That(text, Does.Contain("Code of Ethics II-030, conflicts of interest: outside directorships."));
            Assert.That(text, Does.Contain("Nature of the waiver: Permission to serve on the board of Pacific Grain Cooperative"));
            Assert.That(text, Does.Contain("File on EDGAR by December 2, 2026"));
            Assert.That(text, Does.Contain("Reasons on record: The cooperative's sales"), "counsel sees the reasons, marked for deletion");
            Assert.That(text, Does.Not.Contain("twelve months"), "the 8-K is not a website posting");
        });
    }

    [Test]
    public void The_website_draft_states_the_posting_date_and_twelve_months_until_the_anniversary()
    {
        var unposted = PdfText.Flatten(WaiverDisclosureDraft.Compose(Facts, DraftVariant.Website).Text);
        var posted = PdfText.Flatten(WaiverDisclosureDraft.Compose(Facts with { PostedOn = new DateOnly(2026, 11, 30) }, DraftVariant.Website).Text);

        Assert.Multiple(() =>
        {
            Assert.That(unposted, Does.Contain("Posted [date of posting]."));
            Assert.That(unposted, Does.Contain("Item 5.05(c)"));
            Assert.That(unposted, Does.Contain("Post by December 2, 2026"));
            Assert.That(posted, Does.Contain("Posted November 30, 2026."));
            Assert.That(posted, Does.Contain("for at least twelve months, until at least November 30, 2027."));
            Assert.That(posted, Does.Contain("Jordan Whitaker, the Company's Chief Financial Officer"));
        });
    }

    [Test]
    public void An_implicit_waiver_is_described_as_the_Companys_failure_to_act_under_Instruction_2()
    {
        var text = PdfText.Flatten(WaiverDisclosureDraft.Compose(Facts with { Implicit = true, Nature = "Case EC-2026-0007 left without action." },
            DraftVariant.Form8K).Text);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("concluded that it had not taken action within a reasonable period of time regarding a material departure by Jordan Whitaker"));
            Assert.That(text, Does.Contain("Under Instruction 2 to Item 5.05 of Form 8-K, this is an implicit waiver"));
            Assert.That(text, Does.Contain("Nature of the departure: Case EC-2026-0007 left without action."));
        });
    }

    [Test]
    public void A_missing_title_is_left_for_counsel_to_fill()
    {
        var text = WaiverDisclosureDraft.Compose(Facts with { PersonTitle = null }, DraftVariant.Form8K).Text;

        Assert.That(text, Does.Contain("Jordan Whitaker, the Company's [title: not in the directory]"));
    }

    [Test]
    public void The_PDF_reads_back_with_the_same_statement()
    {
        var draft = WaiverDisclosureDraft.Compose(Facts, DraftVariant.Form8K);

        var text = PdfText.Of(DraftPdf.Render(draft, "Alto Ingredients, Inc.", "Alto Ingredients, Inc. | Draft"));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Item 5.05 Amendments to the Registrant's Code of Ethics"));
            Assert.That(text, Does.Contain("On November 25, 2026, Alto Ingredients, Inc."));
            Assert.That(text, Does.Contain("granted Jordan Whitaker, the Company's Chief Financial Officer, a waiver"));
            Assert.That(text, Does.Contain("Pacific Grain Cooperative"));
            Assert.That(text, Does.Contain("December 2, 2026"));
            Assert.That(text, Does.Contain("Page 1"));
        });
    }
}
