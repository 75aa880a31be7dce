namespace EthicsCases.Domain.Waivers;

/// <summary>Why a case looks like an implicit waiver.</summary>
public enum ImplicitWaiverTrigger
{
    /// <summary>Closed with a violation found, and the standing determination took no action.</summary>
    ViolationWithoutAction,

    /// <summary>Open, and nothing happened on it for longer than the configured period.</summary>
    LeftUnacted,
}

/// <summary>Where a proposal stands.</summary>
public enum ProposalState
{
    /// <summary>Awaiting the General Counsel.</summary>
    Open,

    /// <summary>Confirmed: an implicit waiver was recorded.</summary>
    Confirmed,

    /// <summary>Dismissed with a reason.</summary>
    Dismissed,
}

/// <summary>
/// The system's suggestion to the General Counsel that a case about a covered officer amounts to an implicit waiver:
/// "the registrant's failure to take action within a reasonable period of time regarding a material departure from a
/// provision of the code of ethics that has been made known to an executive officer" (Instruction 2 to Form 8-K
/// Item 5.05). Made once per case and officer; the General Counsel confirms or dismisses it with a reason.
/// </summary>
public sealed class ImplicitWaiverProposal : ISealedContent
{
    private string? _reason;
    private bool _open;
    private bool _dirty;

    private ImplicitWaiverProposal()
    {
    }

    /// <summary>Proposes.</summary>
    /// <param name="id">Identifier.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="personId">The covered officer the case is about.</param>
    /// <param name="trigger">Which pattern matched.</param>
    /// <param name="since">The day the company's inaction is counted from: the case's closing, or its last event.</param>
    /// <param name="proposedAt">When.</param>
    public ImplicitWaiverProposal(Guid id, Guid caseId, Guid personId, ImplicitWaiverTrigger trigger, DateOnly since, DateTime proposedAt)
    {
        Id = id;
        CaseId = caseId;
        PersonId = personId;
        Trigger = trigger;
        Since = since;
        ProposedAt = proposedAt;
        State = ProposalState.Open;
        _open = true;
    }

    /// <summary>Stable identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The case, when loaded.</summary>
    public EthicsCase? Case { get; private set; }

    /// <summary>The officer.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>The officer, when loaded.</summary>
    public Person? Person { get; private set; }

    /// <summary>Which pattern matched.</summary>
    public ImplicitWaiverTrigger Trigger { get; private set; }

    /// <summary>The day the inaction is counted from.</summary>
    public DateOnly Since { get; private set; }

    /// <summary>When it was proposed.</summary>
    public DateTime ProposedAt { get; private set; }

    /// <summary>Where it stands.</summary>
    public ProposalState State { get; private set; }

    /// <summary>The General Counsel's reason for confirming or dismissing.</summary>
    public string? Reason => _open ? _reason : throw new SealedContentException("An implicit-waiver proposal");

    /// <summary>The reason as stored, sealed with this proposal's own data key (it outlives the case's content).</summary>
    public byte[]? SealedReason { get; private set; }

    /// <summary>The purpose the reason is sealed for.</summary>
    public const string ReasonPurpose = "proposal.reason";

    Guid ISealedContent.ContentOwner => Id;

    bool ISealedContent.NeedsSealing => _dirty;

    void ISealedContent.Seal(IContentSealer sealer)
    {
        if (_dirty)
        {
            SealedReason = sealer.Seal(ReasonPurpose, _reason);
            _dirty = false;
        }
    }

    void ISealedContent.MarkUnsealed() => _dirty = true;

    void ISealedContent.Open(IContentSealer sealer)
    {
        if (!_open)
        {
            _reason = sealer.OpenText(ReasonPurpose, SealedReason);
            _open = true;
        }
    }

    /// <summary>Who confirmed or dismissed it.</summary>
    public Guid? DecidedById { get; private set; }

    /// <summary>When.</summary>
    public DateTime? DecidedAt { get; private set; }

    /// <summary>The implicit waiver recorded on confirmation.</summary>
    public Guid? WaiverId { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>The departure, in words, for the waiver's record and the disclosure draft.</summary>
    public string Departure(string caseReference) => Trigger == ImplicitWaiverTrigger.ViolationWithoutAction
        ? $"The Board determined a violation of the code in case {caseReference}, and no action was taken."
        : $"Case {caseReference}, about a material departure from the code, has seen no action since {Since:yyyy-MM-dd}.";

    /// <summary>Confirms it as an implicit waiver.</summary>
    public void Confirm(Person by, string reason, Waiver waiver, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        Decide(by, reason, at, ProposalState.Confirmed);
        WaiverId = waiver.Id;
    }

    /// <summary>Dismisses it.</summary>
    public void Dismiss(Person by, string reason, DateTime at) => Decide(by, reason, at, ProposalState.Dismissed);

    private void Decide(Person by, string reason, DateTime at, ProposalState outcome)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.Id == PersonId)
        {
            throw new NotFoundException($"Proposal '{Id}' was not found.");
        }

        if (State != ProposalState.Open)
        {
            throw new ConflictException($"Proposal {Id} was already {State.ToString().ToLowerInvariant()}.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw ValidationFailedException.For("reason", "A reason is required.");
        }

        State = outcome;
        // The only narrative field, and an open proposal has none yet: nothing stored is overwritten unread.
        _reason = reason.Trim();
        _open = true;
        _dirty = true;
        DecidedById = by.Id;
        DecidedAt = at;
        Version++;
    }
}
