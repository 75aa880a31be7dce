using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Domain.Determinations;

/// <summary>
/// The Board's determination on a case, as recorded by the Audit Committee (SOP II-031, final paragraph): whether
/// there has been a violation, against whom, the factors the Board took into account, what the sanction policy
/// recommended, the actions chosen and, when they depart from the recommendation, why. A reopened and re-determined
/// case keeps every determination; the newest one stands.
/// </summary>
public sealed class Determination : ISealedContent
{
    private string? _rationale;
    private string? _advisedOverrideReason;
    private string? _departureRationale;
    private byte[]? _noticePdf;
    private List<DeterminedSanction>? _sanctions;
    private bool _open;
    private bool _dirty;

    private Determination()
    {
    }

    /// <summary>Records a determination. Factors and recommendation are null when no violation was found.</summary>
    public Determination(Guid id, Guid caseId, Guid? personId, bool violationFound, DateOnly boardMeetingDate, string rationale,
        SanctionFactors? factors, string? advisedOverrideReason, SanctionRecommendation? recommendation,
        IEnumerable<DeterminedSanction> sanctions, bool departsFromRecommendation, string? departureRationale,
        Guid recordedById, DateTime recordedAt, Waivers.DecisionAuthority? authority = null)
    {
        Id = id;
        DecidedAs = authority?.Capacity;
        DesignationId = authority?.DesignationId;
        CaseId = caseId;
        PersonId = personId;
        ViolationFound = violationFound;
        BoardMeetingDate = boardMeetingDate;
        _rationale = rationale;
        Severity = factors?.Severity;
        Occurrences = factors?.Occurrences;
        Intent = factors?.Intent;
        Advised = factors?.Advised;
        PriorViolations = factors?.PriorViolations;
        _advisedOverrideReason = advisedOverrideReason;
        Recommendation = recommendation?.Recommendation;
        Score = recommendation?.Score;
        PolicyVersion = recommendation?.PolicyVersion;
        _sanctions = sanctions.ToList();
        SanctionsAsStored = DeterminedSanction.WithDetailsSealed(_sanctions);
        DepartsFromRecommendation = departsFromRecommendation;
        _departureRationale = departureRationale;
        _open = true;
        _dirty = true;
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
    public string Rationale => Opened(_rationale) ?? "";

    /// <summary>Nature and severity, 1 to 5.</summary>
    public int? Severity { get; private set; }

    /// <summary>Number of occurrences.</summary>
    public int? Occurrences { get; private set; }

    /// <summary>Intentional or inadvertent.</summary>
    public Intent? Intent { get; private set; }

    /// <summary>Whether the individual had been advised beforehand of the proper course.</summary>
    public bool? Advised { get; private set; }

    /// <summary>Why <see cref="Advised"/> differs from what the prior-advice ledger shows; null when it does not.</summary>
    public string? AdvisedOverrideReason => Opened(_advisedOverrideReason);

    /// <summary>Earlier violations counted from the records when this determination was made.</summary>
    public int? PriorViolations { get; private set; }

    /// <summary>What the sanction policy recommended.</summary>
    public Sanction? Recommendation { get; private set; }

    /// <summary>The recommendation's score.</summary>
    public decimal? Score { get; private set; }

    /// <summary>The sanction policy version applied.</summary>
    public string? PolicyVersion { get; private set; }

    /// <summary>
    /// The actions the Board chose, in its order, with their details (the Board's words, e.g. the new position): those
    /// are sealed, so a determination whose actions have details must be opened first. After a purge each one that had
    /// details shows <see cref="DeterminedSanction.PurgedDetails"/>.
    /// </summary>
    public IReadOnlyList<DeterminedSanction> Sanctions =>
        PurgedAt is not null || !SanctionsAsStored.Any(s => s.Details == DeterminedSanction.SealedDetails) ? SanctionsAsStored
        : _sanctions ?? throw new SealedContentException("A determination's actions");

    /// <summary>
    /// The actions as stored, which queries read: each action with its dates, and <see cref="DeterminedSanction.SealedDetails"/>
    /// in place of details (held in <see cref="SealedSanctionDetails"/>).
    /// </summary>
    public List<DeterminedSanction> SanctionsAsStored { get; private set; } = [];

    /// <summary>The actions' details as stored: one JSON array in the actions' order, encrypted with the case's data key.</summary>
    public byte[]? SealedSanctionDetails { get; private set; }

    /// <summary>Whether the most severe action chosen differs from the recommendation.</summary>
    public bool DepartsFromRecommendation { get; private set; }

    /// <summary>Why the Board departed from the recommendation.</summary>
    public string? DepartureRationale => Opened(_departureRationale);

    /// <summary>The Audit Committee member who recorded it.</summary>
    public Guid RecordedById { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>
    /// Whether the Board itself (a Board member, or the Audit Committee recording the Board's decision) or a designee of
    /// the Board decided; null on determinations recorded before designations existed.
    /// </summary>
    public Waivers.DecisionCapacity? DecidedAs { get; private set; }

    /// <summary>The Board designation a designee relied on; null when the Board decided.</summary>
    public Guid? DesignationId { get; private set; }

    /// <summary>The written notice PDF; null until generated (demo data generates it on first fetch).</summary>
    public byte[]? NoticePdf => PurgedAt is not null ? null : _open ? _noticePdf : throw new SealedContentException("A written notice");

    /// <summary>The Board's rationale as stored, encrypted with the case's data key.</summary>
    public byte[]? SealedRationale { get; private set; }

    /// <summary>The advised-override reason as stored.</summary>
    public byte[]? SealedAdvisedOverrideReason { get; private set; }

    /// <summary>The departure rationale as stored.</summary>
    public byte[]? SealedDepartureRationale { get; private set; }

    /// <summary>The written notice as stored.</summary>
    public byte[]? SealedNoticePdf { get; private set; }

    /// <summary>When the retention policy removed the texts and the notice.</summary>
    public DateTime? PurgedAt { get; private set; }

    /// <summary>SHA-256 of the texts the audit event commits to: rationale, advised-override reason, departure rationale.</summary>
    public (string Rationale, string? AdvisedOverrideReason, string? DepartureRationale) TextHashes() =>
        (ContentHash.Of(Rationale), AdvisedOverrideReason is null ? null : ContentHash.Of(AdvisedOverrideReason),
            DepartureRationale is null ? null : ContentHash.Of(DepartureRationale));

    /// <summary>The factors as recorded, with the case's category; null when no violation was found.</summary>
    public SanctionFactors? FactorsFor(ConcernCategory category) =>
        Severity is { } s && Occurrences is { } o && Intent is { } i && Advised is { } a && PriorViolations is { } p
            ? new SanctionFactors(s, o, i, a, p, category)
            : null;

    /// <summary>Stores the generated written notice.</summary>
    public void AttachNotice(byte[] pdf)
    {
        _noticePdf = pdf;
        _dirty = true;
    }

    Guid ISealedContent.ContentOwner => CaseId;

    bool ISealedContent.NeedsSealing => _dirty && PurgedAt is null;

    void ISealedContent.Seal(IContentSealer sealer)
    {
        if (_dirty && PurgedAt is null)
        {
            SealedRationale = sealer.Seal($"determination:{Id:N}:rationale", _rationale);
            SealedAdvisedOverrideReason = sealer.Seal($"determination:{Id:N}:advised", _advisedOverrideReason);
            SealedDepartureRationale = sealer.Seal($"determination:{Id:N}:departure", _departureRationale);
            SealedNoticePdf = sealer.Seal($"determination:{Id:N}:notice", _noticePdf);
            if (_sanctions is not null)
            {
                SealedSanctionDetails = _sanctions.Any(s => s.Details is not null)
                    ? sealer.Seal(SanctionDetailsPurpose, System.Text.Json.JsonSerializer.Serialize(_sanctions.Select(s => s.Details)))
                    : null;
                SanctionsAsStored = DeterminedSanction.WithDetailsSealed(_sanctions);
            }

            _dirty = false;
        }
    }

    void ISealedContent.MarkUnsealed() => _dirty = true;

    /// <summary>The purpose the actions' details are sealed for.</summary>
    internal string SanctionDetailsPurpose => $"determination:{Id:N}:sanctions";

    /// <summary>Whether the stored actions hold details in clear (recorded before they were sealed).</summary>
    internal bool HasClearSanctionDetails =>
        SanctionsAsStored.Any(s => s.Details is not null and not DeterminedSanction.SealedDetails and not DeterminedSanction.PurgedDetails);

    /// <summary>
    /// Puts the opened details (<see cref="SealedSanctionDetails"/>, opened; null when there are none, or they are still
    /// in clear) back in the actions. The verifier opens them itself to rebuild <see cref="DeterminationRecord.Facts"/>.
    /// </summary>
    internal void OpenSanctionDetails(string? detailsJson)
    {
        var details = detailsJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<List<string?>>(detailsJson);
        _sanctions = SanctionsAsStored.Select((s, i) => s.Details == DeterminedSanction.SealedDetails
                ? s with { Details = details is not null && i < details.Count ? details[i] : null }
                : s)
            .ToList();
    }

    void ISealedContent.Open(IContentSealer sealer)
    {
        if (!_open)
        {
            _rationale = sealer.OpenText($"determination:{Id:N}:rationale", SealedRationale);
            _advisedOverrideReason = sealer.OpenText($"determination:{Id:N}:advised", SealedAdvisedOverrideReason);
            _departureRationale = sealer.OpenText($"determination:{Id:N}:departure", SealedDepartureRationale);
            _noticePdf = sealer.OpenBytes($"determination:{Id:N}:notice", SealedNoticePdf);
            OpenSanctionDetails(sealer.OpenText(SanctionDetailsPurpose, SealedSanctionDetails));
            _open = true;
        }
    }

    /// <summary>
    /// Removes the texts and the notice, and tombstones each action's free-text details (the Board's words, e.g. the
    /// new position): the action, its dates and the fact that details existed stay. The details are part of
    /// <see cref="DeterminationRecord.Facts"/>, so the purge re-commits the record to the facts as they now stand
    /// (<see cref="DeterminationRecord.PurgedFactsCommitment"/>).
    /// </summary>
    internal void Purge(DateTime at)
    {
        SanctionsAsStored = SanctionsAsStored.Select(s => s.Details is null ? s : s with { Details = DeterminedSanction.PurgedDetails }).ToList();
        _sanctions = null;
        PurgedAt = at;
        SealedRationale = SealedAdvisedOverrideReason = SealedDepartureRationale = SealedNoticePdf = SealedSanctionDetails = null;
        _rationale = _advisedOverrideReason = _departureRationale = null;
        _noticePdf = null;
        _open = true;
    }

    private string? Opened(string? value) => PurgedAt is not null ? null : _open ? value : throw new SealedContentException("A determination's texts");
}

/// <summary>One action the Board chose, with its dates and details where it has them.</summary>
/// <param name="Sanction">The action.</param>
/// <param name="From">When it takes effect (a suspension's first day).</param>
/// <param name="To">When it ends (a suspension's last day).</param>
/// <param name="Details">Anything the Board specified, e.g. the new position on re-assignment.</param>
public sealed record DeterminedSanction(Sanction Sanction, DateOnly? From = null, DateOnly? To = null, string? Details = null)
{
    /// <summary>What stands in place of an action's details once the retention policy removed the case's content.</summary>
    public const string PurgedDetails = "[removed under the retention policy]";

    /// <summary>What the stored actions hold in place of details, which are sealed apart (<see cref="Determination.SealedSanctionDetails"/>).</summary>
    public const string SealedDetails = "[sealed]";

    /// <summary>The actions as stored: details replaced by <see cref="SealedDetails"/>.</summary>
    internal static List<DeterminedSanction> WithDetailsSealed(IEnumerable<DeterminedSanction> sanctions) =>
        sanctions.Select(s => s.Details is null ? s : s with { Details = SealedDetails }).ToList();
}

/// <summary>What the record commits to about a determination.</summary>
public static class DeterminationRecord
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>
    /// The data of the <c>RecordDetermination</c> event: the decision in structured form (no narrative), the hash of its
    /// canonical facts, and the hashes of its texts and written notice; with what the records contributed (the
    /// individual's e-mail, advice on record, prior-violation references).
    /// </summary>
    public static string EventData(Determination d, string? subjectEmail, bool? advisedOnRecord, IReadOnlyList<string> priorViolationReferences, ConcernCategory category)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (rationale, advised, departure) = d.TextHashes();
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            determinationId = d.Id,
            violationFound = d.ViolationFound,
            personId = d.PersonId,
            subject = subjectEmail,
            boardMeetingDate = d.BoardMeetingDate,
            factors = d.Severity is null ? null : new
            {
                severity = d.Severity,
                occurrences = d.Occurrences,
                intent = d.Intent is { } i ? Sanctions.IntentScale.Name(i) : null,
                advised = d.Advised is { } a ? Sanctions.SanctionFactors.YesNo(a) : null,
                advisedOnRecord = advisedOnRecord is { } r ? Sanctions.SanctionFactors.YesNo(r) : null,
                priorViolations = d.PriorViolations,
                priorViolationReferences,
                category,
            },
            recommendation = d.Recommendation,
            score = d.Score,
            policyVersion = d.PolicyVersion,
            sanctions = d.SanctionsAsStored.Select(s => new { s.Sanction, s.From, s.To }),
            departsFromRecommendation = d.DepartsFromRecommendation,
            decidedAs = d.DecidedAs,
            designationId = d.DesignationId,
            factsSha256 = ContentHash.Of(Facts(d)),
            rationaleSha256 = rationale,
            advisedOverrideReasonSha256 = advised,
            departureRationaleSha256 = departure,
            noticeSha256 = d.NoticePdf is { } pdf ? ContentHash.Of(pdf) : null,
        }, Json);
    }

    /// <summary>
    /// What a purge commits the record to for a determination whose texts it removed: the SHA-256 of its facts as they
    /// now stand (actions' details tombstoned), under the <c>ContentCommitted</c> event the verifier replays; the text
    /// hashes are gone with the texts. An edit of a purged determination's decision still shows.
    /// </summary>
    public static object PurgedFactsCommitment(Determination d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new { factsSha256 = ContentHash.Of(Facts(d)) };
    }

    /// <summary>
    /// The determination's structured decision in one canonical text (field order fixed, numbers and instants normalised
    /// to what every provider round-trips): the record stores its SHA-256, so any edit of a recorded decision shows.
    /// Determinations that say who decided (v2) add the capacity and the designation; older ones keep their v1 text, so
    /// their recorded hashes still hold, and blanking the capacity of a v2 one changes the text all the same.
    /// </summary>
    public static string Facts(Determination d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var sanctions = string.Join(";", d.Sanctions.Select(s =>
            $"{s.Sanction}|{s.From?.ToString("yyyy-MM-dd", c)}|{s.To?.ToString("yyyy-MM-dd", c)}|{s.Details}"));
        var v1 = string.Join("\n",
            "determination-v1",
            d.CaseId.ToString("N"),
            d.PersonId?.ToString("N"),
            d.ViolationFound,
            d.BoardMeetingDate.ToString("yyyy-MM-dd", c),
            d.Severity?.ToString(c),
            d.Occurrences?.ToString(c),
            d.Intent?.ToString(),
            d.Advised?.ToString(),
            d.PriorViolations?.ToString(c),
            d.Recommendation?.ToString(),
            d.Score?.ToString("0.00", c),
            d.PolicyVersion,
            sanctions,
            d.DepartsFromRecommendation,
            d.RecordedById.ToString("N"),
            (d.RecordedAt.Ticks - (d.RecordedAt.Ticks % 10)).ToString(c));
        return d.DecidedAs is null
            ? v1
            : string.Join("\n", "determination-v2", v1, d.DecidedAs.ToString(), d.DesignationId?.ToString("N"));
    }
}
