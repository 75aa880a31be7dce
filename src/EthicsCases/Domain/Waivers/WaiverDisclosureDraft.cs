namespace EthicsCases.Domain.Waivers;

/// <summary>Which draft: the Form 8-K item, or the website posting that Item 5.05(c) allows instead.</summary>
public enum DraftVariant
{
    /// <summary>Text for Item 5.05 of a Current Report on Form 8-K.</summary>
    Form8K,

    /// <summary>Text for the company's website.</summary>
    Website,
}

/// <summary>What a waiver's disclosure states (Item 5.05(b): the nature of the waiver, the person's name, the date).</summary>
/// <param name="Company">The registrant.</param>
/// <param name="PersonName">The officer the waiver was granted to.</param>
/// <param name="PersonTitle">The officer's title; null when the directory holds none.</param>
/// <param name="Provision">The provision of the code waived.</param>
/// <param name="Nature">The nature of the waiver (the request's reason, or the departure of an implicit waiver).</param>
/// <param name="WaiverDate">The date of the waiver.</param>
/// <param name="Implicit">An implicit waiver.</param>
/// <param name="GrantedBy">Through whom the company granted it, e.g. "its Board of Directors".</param>
/// <param name="Due">The last day to disclose.</param>
/// <param name="PostedOn">When the website posting went up, if it has.</param>
/// <param name="Rationale">The reasons on record, shown to counsel only.</param>
public sealed record WaiverDraftFacts(
    string Company,
    string PersonName,
    string? PersonTitle,
    string Provision,
    string Nature,
    DateOnly WaiverDate,
    bool Implicit,
    string GrantedBy,
    DateOnly Due,
    DateOnly? PostedOn,
    string? Rationale);

/// <summary>A draft as headed paragraphs, so the text and the PDF say the same thing.</summary>
/// <param name="Title">The document's title.</param>
/// <param name="Blocks">Paragraphs in order.</param>
public sealed record DraftDocument(string Title, IReadOnlyList<DraftBlock> Blocks)
{
    /// <summary>Plain text: paragraphs separated by blank lines, headings as they are.</summary>
    public string Text => string.Join("\n\n", Blocks.Select(b => b.Text)) + "\n";
}

/// <summary>One paragraph; a heading is set in bold in the PDF.</summary>
public sealed record DraftBlock(string Text, bool Heading = false);

/// <summary>
/// Writes the Item 5.05 disclosure of a waiver for counsel to edit: the Form 8-K item, or the website posting. It
/// says what Item 5.05(b) asks (nature of the waiver, name of the person, date) and, in a part marked for deletion,
/// what counsel needs: the due date and the reasons on record.
/// </summary>
public static class WaiverDisclosureDraft
{
    /// <summary>The code's name as disclosures give it.</summary>
    public const string CodeName =
        "Code of Ethics for the Chief Executive Officer, Chief Financial Officer and senior financial officers (SOP II-031)";

    /// <summary>Composes the draft.</summary>
    public static DraftDocument Compose(WaiverDraftFacts facts, DraftVariant variant)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var date = DisclosureClock.LongDate(facts.WaiverDate);
        var due = DisclosureClock.LongDate(facts.Due);
        var who = $"{facts.PersonName}, the Company's {facts.PersonTitle ?? "[title: not in the directory]"}";
        var statement = facts.Implicit
            ? $"On {date}, {facts.Company} (the \"Company\") concluded that it had not taken action within a reasonable period of " +
              $"time regarding a material departure by {who}, from the following provision of the Company's {CodeName}: " +
              $"{facts.Provision.Trim()}. Under Instruction 2 to Item 5.05 of Form 8-K, this is an implicit waiver of that provision."
            : $"On {date}, {facts.Company} (the \"Company\"), acting through {facts.GrantedBy}, granted {who}, a waiver from the " +
              $"following provision of the Company's {CodeName}: {facts.Provision.Trim()}.";
        var nature = $"{(facts.Implicit ? "Nature of the departure" : "Nature of the waiver")}: {facts.Nature.Trim()}";

        var blocks = new List<DraftBlock>();
        string title;
        if (variant == DraftVariant.Form8K)
        {
            title = $"Form 8-K, Item 5.05: waiver granted to {facts.PersonName}";
            blocks.Add(new($"DRAFT FOR COUNSEL. Not filed. File on EDGAR by {due}, four business days after the waiver of {date}.", Heading: true));
            blocks.Add(new("Item 5.05 Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics.", Heading: true));
            blocks.Add(new(statement));
            blocks.Add(new(nature));
        }
        else
        {
            title = $"Website disclosure: waiver granted to {facts.PersonName}";
            var posted = facts.PostedOn is { } p ? DisclosureClock.LongDate(p) : "[date of posting]";
            var until = facts.PostedOn is { } q ? $", until at least {DisclosureClock.LongDate(DisclosureClock.KeepPostedUntil(q))}" : "";
            blocks.Add(new($"DRAFT FOR COUNSEL. Not posted. Post by {due}, four business days after the waiver of {date}, and keep it up for at least twelve months.", Heading: true));
            blocks.Add(new("Waiver of a Provision of the Code of Ethics for Senior Financial Officers", Heading: true));
            blocks.Add(new($"Posted {posted}."));
            blocks.Add(new(statement));
            blocks.Add(new(nature));
            blocks.Add(new(
                "The Company makes this disclosure on its website instead of on Form 8-K, as Item 5.05(c) of Form 8-K permits " +
                $"[and as the Company's most recent annual report states]. It will remain available on this website for at least twelve months{until}."));
        }

        blocks.Add(new("For counsel only; delete before filing or posting", Heading: true));
        blocks.Add(new(facts.Implicit
            ? $"Recorded as an implicit waiver when the General Counsel confirmed it on {date}; the clock runs from that date."
            : $"Granted through {facts.GrantedBy}."));
        if (!string.IsNullOrWhiteSpace(facts.Rationale))
        {
            blocks.Add(new($"Reasons on record: {facts.Rationale.Trim()}"));
        }

        blocks.Add(new("Item 5.05(b) asks for the nature of the waiver, the name of the person to whom it was granted, and its date; " +
            "describe them briefly. Disclose only if the provision relates to an element of the code of ethics definition in Item 406(b) of Regulation S-K."));
        return new DraftDocument(title, blocks);
    }
}
