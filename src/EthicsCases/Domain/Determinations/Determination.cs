using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Domain.Determinations;

/// <summary>
/// The Board's determination on a case, as recorded by the Audit Committee (SOP II-031, final paragraph): whether
/// there has been a violation, against whom, the factors the Board took into account, what the sanction policy
/// recommended, the actions chosen and, when they depart from the recommendation, why. A reopened and re-determined
/// case keeps every determination; the newest one stands.
/// </summary>
public sealed class Determination
{
    private Determination()
    {
    }

    /// <summary>Records a determination. Factors and recommendation are null when no violation was found.</summary>
    public Determination(Guid id, Guid caseId, Guid? personId, bool violationFound, DateOnly boardMeetingDate, string rationale,
        SanctionFactors? factors, string? advisedOverrideReason, SanctionRecommendation? recommendation,
        IEnumerable<DeterminedSanction> sanctions, bool departsFromRecommendation, string? departureRationale,
        Guid recordedById, DateTime recordedAt)
    {
        Id = id;
        CaseId = caseId;
        PersonId = personId;
        ViolationFound = violationFound;
        BoardMeetingDate = boardMeetingDate;
        Rationale = rationale;
        Severity = factors?.Severity;
        Occurrences = factors?.Occurrences;
        Intent = factors?.Intent;
        Advised = factors?.Advised;
        PriorViolations = factors?.PriorViolations;
        AdvisedOverrideReason = advisedOverrideReason;
        Recommendation = recommendation?.Recommendation;
        Score = recommendation?.Score;
        PolicyVersion = recommendation?.PolicyVersion;
        Sanctions = sanctions.ToList();
        DepartsFromRecommendation = departsFromRecommendation;
        DepartureRationale = departureRationale;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The case determined.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The individual determined against (a subject of the case); null when no violation was found and the case names nobody.</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>The individual, when loaded.</summary>
    public Person? Person { get; private set; }

    /// <summary>Whether the Board determined that there has been a violation.</summary>
    public bool ViolationFound { get; private set; }

    /// <summary>The date of the Board meeting that made the determination.</summary>
    public DateOnly BoardMeetingDate { get; private set; }

    /// <summary>The Board's reasons, in its own words.</summary>
    public string Rationale { get; private set; } = "";

    /// <summary>Nature and severity, 1 to 5.</summary>
    public int? Severity { get; private set; }

    /// <summary>Number of occurrences.</summary>
    public int? Occurrences { get; private set; }

    /// <summary>Intentional or inadvertent.</summary>
    public Intent? Intent { get; private set; }

    /// <summary>Whether the individual had been advised beforehand of the proper course.</summary>
    public bool? Advised { get; private set; }

    /// <summary>Why <see cref="Advised"/> differs from what the prior-advice ledger shows; null when it does not.</summary>
    public string? AdvisedOverrideReason { get; private set; }

    /// <summary>Earlier violations counted from the records when this determination was made.</summary>
    public int? PriorViolations { get; private set; }

    /// <summary>What the sanction policy recommended.</summary>
    public Sanction? Recommendation { get; private set; }

    /// <summary>The recommendation's score.</summary>
    public decimal? Score { get; private set; }

    /// <summary>The sanction policy version applied.</summary>
    public string? PolicyVersion { get; private set; }

    /// <summary>The actions the Board chose, in its order.</summary>
    public List<DeterminedSanction> Sanctions { get; private set; } = [];

    /// <summary>Whether the most severe action chosen differs from the recommendation.</summary>
    public bool DepartsFromRecommendation { get; private set; }

    /// <summary>Why the Board departed from the recommendation.</summary>
    public string? DepartureRationale { get; private set; }

    /// <summary>The Audit Committee member who recorded it.</summary>
    public Guid RecordedById { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>The written notice PDF; null until generated (demo data generates it on first fetch).</summary>
    public byte[]? NoticePdf { get; private set; }

    /// <summary>The factors as recorded, with the case's category; null when no violation was found.</summary>
    public SanctionFactors? FactorsFor(ConcernCategory category) =>
        Severity is { } s && Occurrences is { } o && Intent is { } i && Advised is { } a && PriorViolations is { } p
            ? new SanctionFactors(s, o, i, a, p, category)
            : null;

    /// <summary>Stores the generated written notice.</summary>
    public void AttachNotice(byte[] pdf) => NoticePdf = pdf;
}

/// <summary>One action the Board chose, with its dates and details where it has them.</summary>
/// <param name="Sanction">The action.</param>
/// <param name="From">When it takes effect (a suspension's first day).</param>
/// <param name="To">When it ends (a suspension's last day).</param>
/// <param name="Details">Anything the Board specified, e.g. the new position on re-assignment.</param>
public sealed record DeterminedSanction(Sanction Sanction, DateOnly? From = null, DateOnly? To = null, string? Details = null);
