namespace EthicsCases.Domain.Sanctions;

/// <summary>What the written notice to the individual says (SOP II-031: "written notices to the individual involved
/// that the Board has determined that there has been a violation").</summary>
/// <param name="Date">The letter's date.</param>
/// <param name="AddresseeName">The individual's name.</param>
/// <param name="AddresseeTitle">The individual's title, e.g. Chief Financial Officer.</param>
/// <param name="CaseReference">The case reference.</param>
/// <param name="ViolationFound">Whether the Board determined that there has been a violation.</param>
/// <param name="Sanctions">The actions the Board determined, with their dates; empty when no violation was found.</param>
/// <param name="Factors">The factors the Board took into account; null when no violation was found.</param>
/// <param name="Rationale">The Board's reasons, in its own words.</param>
/// <param name="BoardMeetingDate">The date of the Board meeting that made the determination.</param>
/// <param name="SignatoryName">Who signs for the Audit Committee.</param>
public sealed record NoticeContent(
    DateOnly Date,
    string AddresseeName,
    string AddresseeTitle,
    string CaseReference,
    bool ViolationFound,
    IReadOnlyList<NoticeSanction> Sanctions,
    SanctionFactors? Factors,
    string Rationale,
    DateOnly BoardMeetingDate,
    string SignatoryName)
{
    /// <summary>The company issuing the notice.</summary>
    public string Company { get; init; } = "Alto Ingredients, Inc.";

    /// <summary>"Decided by the Board's designee X under the resolution of D" when a designee decided; null when the Board did.</summary>
    public string? DecidedByStatement { get; init; }

    /// <summary>A violation was found and the Board decided to take no action (so <see cref="Sanctions"/> is empty).</summary>
    public bool NoAction { get; init; }

    /// <summary>The signatory's capacity.</summary>
    public string SignatoryTitle { get; init; } = "Chair of the Audit Committee";
}

/// <summary>One action determined by the Board, with its dates where it has them.</summary>
/// <param name="Sanction">The action.</param>
/// <param name="From">When it takes effect (a suspension's first day, a demotion's effective date).</param>
/// <param name="To">When it ends (a suspension's last day); null when it does not end.</param>
/// <param name="Details">Anything the Board specified, e.g. the new position on re-assignment.</param>
public sealed record NoticeSanction(Sanction Sanction, DateOnly? From = null, DateOnly? To = null, string? Details = null);
