using EthicsCases.Domain.Filings;

namespace EthicsCases.Domain.Waivers;

/// <summary>Where a waiver stands.</summary>
public enum WaiverState
{
    /// <summary>Asked for, awaiting the Board's decision.</summary>
    Requested,

    /// <summary>Granted; the disclosure clock runs.</summary>
    Granted,

    /// <summary>Refused; nothing to disclose.</summary>
    Denied,

    /// <summary>Granted and disclosed (Form 8-K or website).</summary>
    Disclosed,
}

/// <summary>On what footing the waiver was decided.</summary>
public enum WaiverDecisionBasis
{
    /// <summary>A Board member decided, as the Board.</summary>
    Board,

    /// <summary>A designee of the Board decided, under a designation in force on the decision date.</summary>
    Designee,

    /// <summary>
    /// No one granted it: the company took no action in reasonable time on a known material departure (Instruction 2
    /// to Item 5.05), and the General Counsel confirmed it as an implicit waiver.
    /// </summary>
    ImplicitWaiver,
}

/// <summary>
/// A waiver of a provision of the code of ethics (SOP II-031 and the Code of Ethics II-030) for a covered officer,
/// from request to disclosure: Requested → Granted | Denied; Granted → Disclosed. A grant starts the Item 5.05 clock
/// (<see cref="DisclosureTrack"/>). The person it is for never decides it; the request and decision texts stay on this
/// row, and the audit trail keeps only their hashes.
/// </summary>
public sealed class Waiver : ISealedContent
{
    private string? _reason;
    private string? _rationale;
    private bool _open;
    private bool _dirty;

    private Waiver()
    {
    }

    private Waiver(Guid id, Person person, string provision, string reason, Person requestedBy, DateTime requestedAt)
    {
        Id = id;
        PersonId = person.Id;
        Provision = provision.Trim();
        _reason = reason.Trim();
        _open = true;
        _dirty = true;
        RequestedById = requestedBy.Id;
        RequestedAt = requestedAt;
        State = WaiverState.Requested;
    }

    /// <summary>Stable identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The officer the waiver is for.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>The officer, when loaded.</summary>
    public Person? Person { get; private set; }

    /// <summary>The provision of the code waived, as the request names it.</summary>
    public string Provision { get; private set; } = "";

    /// <summary>Why the waiver is asked for (for an implicit waiver: the departure).</summary>
    public string Reason => _open ? _reason! : throw new SealedContentException("A waiver");

    /// <summary>The reason as stored, sealed with this waiver's own data key (a waiver belongs to no case).</summary>
    public byte[]? SealedReason { get; private set; }

    /// <summary>The officer, or the General Counsel on the officer's behalf.</summary>
    public Guid RequestedById { get; private set; }

    /// <summary>When the request was recorded.</summary>
    public DateTime RequestedAt { get; private set; }

    /// <summary>Where it stands.</summary>
    public WaiverState State { get; private set; }

    /// <summary>An implicit waiver (Instruction 2 to Item 5.05), confirmed from a proposal.</summary>
    public bool IsImplicit { get; private set; }

    /// <summary>The proposal an implicit waiver was confirmed from.</summary>
    public Guid? ProposalId { get; private set; }

    /// <summary>The decision date (for an implicit waiver, the confirmation date).</summary>
    public DateOnly? DecidedOn { get; private set; }

    /// <summary>The reasons given with the decision.</summary>
    public string? Rationale => _open ? _rationale : throw new SealedContentException("A waiver");

    /// <summary>The rationale as stored, sealed.</summary>
    public byte[]? SealedRationale { get; private set; }

    /// <summary>The purpose the reason is sealed for.</summary>
    public const string ReasonPurpose = "waiver.reason";

    /// <summary>The purpose the rationale is sealed for.</summary>
    public const string RationalePurpose = "waiver.rationale";

    Guid ISealedContent.ContentOwner => Id;

    bool ISealedContent.NeedsSealing => _dirty;

    void ISealedContent.Seal(IContentSealer sealer)
    {
        if (_dirty)
        {
            SealedReason = sealer.Seal(ReasonPurpose, _reason);
            SealedRationale = sealer.Seal(RationalePurpose, _rationale);
            _dirty = false;
        }
    }

    void ISealedContent.MarkUnsealed() => _dirty = true;

    void ISealedContent.Open(IContentSealer sealer)
    {
        if (!_open)
        {
            _reason = sealer.OpenText(ReasonPurpose, SealedReason) ?? "";
            _rationale = sealer.OpenText(RationalePurpose, SealedRationale);
            _open = true;
        }
    }

    /// <summary>Who decided (for an implicit waiver, the General Counsel who confirmed it).</summary>
    public Guid? DecidedById { get; private set; }

    /// <summary>On what footing.</summary>
    public WaiverDecisionBasis? DecidedAs { get; private set; }

    /// <summary>The Board designation a designee relied on.</summary>
    public Guid? DesignationId { get; private set; }

    /// <summary>When the decision was recorded.</summary>
    public DateTime? DecisionRecordedAt { get; private set; }

    /// <summary>The Item 5.05 clock and what was disclosed.</summary>
    public DisclosureTrack Disclosure { get; private set; } = new();

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; private set; }

    /// <summary>Granted (disclosed or not).</summary>
    public bool WasGranted => State is WaiverState.Granted or WaiverState.Disclosed;

    /// <summary>Whether the waiver is for this person (who is then recused from it).</summary>
    public bool IsFor(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return PersonId == person.Id;
    }

    /// <summary>
    /// An officer asks for a waiver for themselves, or the General Counsel asks on an officer's behalf.
    /// </summary>
    /// <exception cref="ForbiddenException">Someone else asks.</exception>
    /// <exception cref="ValidationFailedException">The person is not a covered officer, or the provision or reason is missing.</exception>
    public static Waiver Request(Guid id, Person person, Person requestedBy, string provision, string reason, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(requestedBy);
        var forSelf = person.Id == requestedBy.Id && requestedBy.Has(Role.Officer);
        if (!forSelf && !requestedBy.Has(Role.GeneralCounsel))
        {
            throw new ForbiddenException("An officer asks for a waiver for themselves; the General Counsel may ask on an officer's behalf.");
        }

        if (!person.Has(Role.Officer))
        {
            throw ValidationFailedException.For("person", $"'{person.Email}' is not an officer covered by SOP II-031, so the code grants them nothing to waive.");
        }

        RequireText("provision", provision);
        RequireText("reason", reason);
        return new Waiver(id, person, provision, reason, requestedBy, at);
    }

    /// <summary>
    /// Records an implicit waiver the General Counsel confirmed: granted on the confirmation date, the clock starting
    /// then (the company's failure to act has no single date of its own; the confirmation is when it recognises one).
    /// </summary>
    public static Waiver Implicit(Guid id, ImplicitWaiverProposal proposal, Person person, Person confirmedBy, string provision,
        string departure, string reason, DateOnly confirmedOn, DateTime at, SecBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(confirmedBy);
        RequireText("provision", provision);
        RequireText("reason", reason);
        var waiver = new Waiver(id, person, provision, departure, confirmedBy, at)
        {
            IsImplicit = true,
            ProposalId = proposal.Id,
        };
        waiver.Grant(true, confirmedOn, reason, confirmedBy, WaiverDecisionBasis.ImplicitWaiver, null, at, calendar);
        return waiver;
    }

    /// <summary>
    /// The Board, or its designee, grants or denies the request. A grant starts the disclosure clock on the decision
    /// date.
    /// </summary>
    /// <exception cref="ConflictException">Already decided.</exception>
    /// <exception cref="NotFoundException">The decider is the person the waiver is for.</exception>
    /// <exception cref="ValidationFailedException">No rationale.</exception>
    public void Decide(bool granted, DateOnly decidedOn, string rationale, Person decider, DecisionAuthority authority, DateTime at,
        SecBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(authority);
        if (IsFor(decider))
        {
            throw new NotFoundException($"Waiver '{Id}' was not found.");
        }

        if (State != WaiverState.Requested)
        {
            throw new ConflictException($"Waiver {Id} is {State}: only a Requested waiver can be decided.");
        }

        // The decision date may precede the request's recording: a waiver granted at a Board meeting is often entered
        // afterwards. Refusing that would push people to date the grant the day they type it, hiding a late disclosure.
        RequireText("rationale", rationale);
        var basis = authority.Capacity == DecisionCapacity.Board ? WaiverDecisionBasis.Board : WaiverDecisionBasis.Designee;
        Grant(granted, decidedOn, rationale, decider, basis, authority.DesignationId, at, calendar);
    }

    /// <summary>Records the disclosure: Granted → Disclosed.</summary>
    public void RecordDisclosure(DateOnly on, DisclosureChannel channel, string? url)
    {
        if (State != WaiverState.Granted)
        {
            throw new ConflictException(State == WaiverState.Disclosed
                ? $"Waiver {Id} was already disclosed on {Disclosure.DisclosedOn:yyyy-MM-dd}."
                : $"Waiver {Id} is {State}: only a granted waiver is disclosed.");
        }

        Disclosure.Record(on, channel, url, $"Waiver {Id}");
        State = WaiverState.Disclosed;
        Version++;
    }

    /// <summary>Records that the website posting came down; see <see cref="DisclosureTrack.RemovedEarly"/> for the warning.</summary>
    public void RecordPostingRemoval(DateOnly on)
    {
        Disclosure.RecordRemoval(on, $"Waiver {Id}");
        Version++;
    }

    private void Grant(bool granted, DateOnly decidedOn, string rationale, Person decider, WaiverDecisionBasis basis, Guid? designationId,
        DateTime at, SecBusinessCalendar calendar)
    {
        State = granted ? WaiverState.Granted : WaiverState.Denied;
        DecidedOn = decidedOn;
        // Sealing writes both texts: an unopened waiver would lose its reason.
        if (!_open)
        {
            throw new SealedContentException("A waiver");
        }

        _rationale = rationale.Trim();
        _dirty = true;
        DecidedById = decider.Id;
        DecidedAs = basis;
        DesignationId = designationId;
        DecisionRecordedAt = at;
        if (granted)
        {
            Disclosure.Start(decidedOn, calendar);
        }

        Version++;
    }

    private static void RequireText(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ValidationFailedException.For(field, $"The {field} is required.");
        }
    }
}
