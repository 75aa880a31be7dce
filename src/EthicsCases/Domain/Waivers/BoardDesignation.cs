namespace EthicsCases.Domain.Waivers;

/// <summary>What the Board may designate someone to decide in its place.</summary>
public enum DesignatedMatter
{
    /// <summary>The action to be taken on a violation (SOP II-031, final paragraph).</summary>
    Determinations,

    /// <summary>Whether to grant a waiver of the code (Item 406 of Regulation S-K).</summary>
    Waivers,
}

/// <summary>A body the Board may designate as a whole.</summary>
public enum DesigneeBody
{
    /// <summary>The Audit Committee: every person holding <see cref="Role.AuditCommittee"/> on the decision date.</summary>
    AuditCommittee,
}

/// <summary>In what capacity a decision was taken.</summary>
public enum DecisionCapacity
{
    /// <summary>By a member of the Board of Directors, as the Board.</summary>
    Board,

    /// <summary>By a person (or a member of a body) the Board designated, under a designation in force that day.</summary>
    Designee,
}

/// <summary>Who may decide, and on what footing: the Board itself, or a designee under the named designation.</summary>
/// <param name="Capacity">Board or designee.</param>
/// <param name="DesignationId">The designation relied on; null when deciding as the Board.</param>
public sealed record DecisionAuthority(DecisionCapacity Capacity, Guid? DesignationId)
{
    /// <summary>Deciding as a member of the Board.</summary>
    public static DecisionAuthority AsBoard { get; } = new(DecisionCapacity.Board, null);
}

/// <summary>
/// A resolution of the Board designating a person, or the Audit Committee as a body, to decide some matters in its
/// place (SOP II-031: "The Board of Directors shall determine, or designate appropriate persons to determine...").
/// It works from <see cref="From"/> through <see cref="To"/>, both inclusive, and stops working the day after.
/// </summary>
public sealed class BoardDesignation
{
    private BoardDesignation()
    {
    }

    /// <summary>Records a designation.</summary>
    /// <param name="id">Identifier.</param>
    /// <param name="designee">The person designated; null when <paramref name="body"/> is.</param>
    /// <param name="body">The body designated; null when a person is.</param>
    /// <param name="matters">What the designee may decide (at least one).</param>
    /// <param name="from">First day in force.</param>
    /// <param name="to">Last day in force.</param>
    /// <param name="resolutionDate">When the Board resolved it; a designation cannot work before the Board made it.</param>
    /// <param name="recordedBy">The Board chair who recorded it.</param>
    /// <param name="recordedAt">When.</param>
    public BoardDesignation(Guid id, Person? designee, DesigneeBody? body, IEnumerable<DesignatedMatter> matters,
        DateOnly from, DateOnly to, DateOnly resolutionDate, Person recordedBy, DateTime recordedAt)
    {
        ArgumentNullException.ThrowIfNull(matters);
        ArgumentNullException.ThrowIfNull(recordedBy);
        var errors = new Dictionary<string, string[]>();
        if ((designee is null) == (body is null))
        {
            errors["designee"] = ["Name either a person or the Audit Committee as a body, not both and not neither."];
        }

        var list = matters.Distinct().Order().ToList();
        if (list.Count == 0)
        {
            errors["matters"] = ["Name at least one matter: determinations, waivers."];
        }

        if (to < from)
        {
            errors["to"] = [$"The designation ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})."];
        }

        if (from < resolutionDate)
        {
            errors["from"] = [$"A designation cannot work before the Board resolved it ({resolutionDate:yyyy-MM-dd}); it starts {from:yyyy-MM-dd}."];
        }

        if (!recordedBy.Has(Role.BoardChair))
        {
            throw new ForbiddenException("Only the Board chair records the Board's designations.");
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        Id = id;
        DesigneeId = designee?.Id;
        Body = body;
        Matters = list;
        From = from;
        To = to;
        ResolutionDate = resolutionDate;
        RecordedById = recordedBy.Id;
        RecordedAt = recordedAt;
    }

    /// <summary>Stable identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The person designated, when a person is.</summary>
    public Guid? DesigneeId { get; private set; }

    /// <summary>The person designated, when loaded.</summary>
    public Person? Designee { get; private set; }

    /// <summary>The body designated, when a body is.</summary>
    public DesigneeBody? Body { get; private set; }

    /// <summary>What the designee may decide.</summary>
    public List<DesignatedMatter> Matters { get; private set; } = [];

    /// <summary>First day in force.</summary>
    public DateOnly From { get; private set; }

    /// <summary>Last day in force (inclusive).</summary>
    public DateOnly To { get; private set; }

    /// <summary>The date of the Board's resolution.</summary>
    public DateOnly ResolutionDate { get; private set; }

    /// <summary>The Board chair who recorded it.</summary>
    public Guid RecordedById { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>Whether it covers the matter.</summary>
    public bool Covers(DesignatedMatter matter) => Matters.Contains(matter);

    /// <summary>Whether it works on the date: from <see cref="From"/> through <see cref="To"/>.</summary>
    public bool InForceOn(DateOnly date) => From <= date && date <= To;

    /// <summary>Whether it designates the person, by name or as a member of the designated body.</summary>
    public bool Designates(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return DesigneeId == person.Id || (Body == DesigneeBody.AuditCommittee && person.Has(Role.AuditCommittee));
    }
}

/// <summary>
/// Who may decide a matter on a date. Pure: the caller loads the designations. Waiver decisions use it now; the
/// Board's determinations are to use it too (where, unlike waivers, the Audit Committee also records the Board's
/// decision without any designation, as it does today).
/// </summary>
public static class Designations
{
    /// <summary>The designations that cover the matter and work on the date.</summary>
    public static IReadOnlyList<BoardDesignation> InForce(IEnumerable<BoardDesignation> designations, DesignatedMatter matter, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(designations);
        return designations.Where(d => d.Covers(matter) && d.InForceOn(on)).ToList();
    }

    /// <summary>
    /// The footing on which the person may decide the matter on the date: as the Board when they are a Board member,
    /// else as a designee under a designation in force that day; null when they may not decide. Recusal (the person
    /// the matter is about) is the caller's to apply first.
    /// </summary>
    public static DecisionAuthority? Authority(Person person, DesignatedMatter matter, DateOnly on, IEnumerable<BoardDesignation> designations)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Has(Role.Board))
        {
            return DecisionAuthority.AsBoard;
        }

        // A designation naming the person outranks one naming their body: it is the more specific act of the Board.
        var designation = InForce(designations, matter, on)
            .Where(d => d.Designates(person))
            .OrderBy(d => d.DesigneeId == person.Id ? 0 : 1)
            .ThenBy(d => d.ResolutionDate)
            .FirstOrDefault();
        return designation is null ? null : new DecisionAuthority(DecisionCapacity.Designee, designation.Id);
    }

    /// <summary>Whether the person may decide the matter on the date.</summary>
    public static bool CanDecide(Person person, DesignatedMatter matter, DateOnly on, IEnumerable<BoardDesignation> designations) =>
        Authority(person, matter, on, designations) is not null;

    /// <summary>Reads <c>determinations</c>, <c>waivers</c> or <c>both</c>, comma-separated or repeated.</summary>
    /// <exception cref="ValidationFailedException">An unknown matter.</exception>
    public static IReadOnlyList<DesignatedMatter> ParseMatters(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var matters = new List<DesignatedMatter>();
        foreach (var word in texts.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            switch (word.ToUpperInvariant())
            {
                case "DETERMINATIONS" or "DETERMINATION":
                    matters.Add(DesignatedMatter.Determinations);
                    break;
                case "WAIVERS" or "WAIVER":
                    matters.Add(DesignatedMatter.Waivers);
                    break;
                case "BOTH":
                    matters.AddRange([DesignatedMatter.Determinations, DesignatedMatter.Waivers]);
                    break;
                default:
                    throw ValidationFailedException.For("matters", $"'{word}' is not a matter; use determinations, waivers or both.");
            }
        }

        return matters.Distinct().Order().ToList();
    }

    /// <summary>The matter's name as users type it.</summary>
    public static string Name(DesignatedMatter matter) => matter == DesignatedMatter.Determinations ? "determinations" : "waivers";
}
