namespace EthicsCases.Domain.Oversight;

/// <summary>
/// Who may see a case in a reviewing role, as the part of the visibility rule metrics can pre-aggregate by: the Audit
/// Committee sees every class, the General Counsel the classes with <see cref="GeneralCounsel"/>, the Board those with
/// <see cref="Board"/> (<see cref="CaseAccess.IsReviewer"/>). Recusal (subjects) is per person and subtracted live.
/// </summary>
[Flags]
public enum RoutingClass
{
    /// <summary>Visible to the Audit Committee only.</summary>
    AuditCommitteeOnly = 0,

    /// <summary>Routed to the General Counsel too.</summary>
    GeneralCounsel = 1,

    /// <summary>Referred to the Board too.</summary>
    Board = 2,
}

/// <summary>The routing classes a reviewer's roles open.</summary>
public static class RoutingClasses
{
    /// <summary>Every class.</summary>
    public static IReadOnlyList<RoutingClass> All { get; } =
        [RoutingClass.AuditCommitteeOnly, RoutingClass.GeneralCounsel, RoutingClass.Board, RoutingClass.GeneralCounsel | RoutingClass.Board];

    /// <summary>The class of a case: whether it is routed to the General Counsel and whether it was referred to the Board.</summary>
    public static RoutingClass Of(bool routedToGeneralCounsel, bool referredToBoard) =>
        (routedToGeneralCounsel ? RoutingClass.GeneralCounsel : 0) | (referredToBoard ? RoutingClass.Board : 0);

    /// <summary>The classes a person with these roles reviews (any one role is enough, as in <see cref="CaseAccess.VisibleTo"/>).</summary>
    public static IReadOnlyList<RoutingClass> VisibleTo(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return All.Where(c => person.Has(Role.AuditCommittee)
                || (person.Has(Role.GeneralCounsel) && c.HasFlag(RoutingClass.GeneralCounsel))
                || (person.Has(Role.Board) && c.HasFlag(RoutingClass.Board)))
            .ToList();
    }
}

/// <summary>
/// One stored bucket: the counts of the cases of one routing class in one (quarter, category), as
/// <see cref="MetricsBucket.ToJson"/>. Maintained in the transaction of every event that changes a case's fact.
/// </summary>
public sealed class MetricsBucketRow
{
    /// <summary>A row for a bucket.</summary>
    public MetricsBucketRow(string quarter, ConcernCategory category, RoutingClass routingClass, string json)
    {
        Quarter = quarter;
        Category = category;
        RoutingClass = routingClass;
        Json = json;
    }

    /// <summary>The quarter, as <c>2026Q4</c>.</summary>
    public string Quarter { get; private set; }

    /// <summary>The category.</summary>
    public ConcernCategory Category { get; private set; }

    /// <summary>The routing class.</summary>
    public RoutingClass RoutingClass { get; private set; }

    /// <summary>The bucket's counts.</summary>
    public string Json { get; set; }

    /// <summary>Bumped on every change: a concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>The bucket.</summary>
    public MetricsBucket Read() => MetricsBucket.FromJson(Json);
}

/// <summary>
/// The fact a case currently counts with, and in which routing class: what must be subtracted, exactly, before its new
/// fact is added (and what a recused viewer's view subtracts).
/// </summary>
public sealed class MetricsCaseFactRow
{
    /// <summary>A row for a case.</summary>
    public MetricsCaseFactRow(Guid caseId, RoutingClass routingClass, string json)
    {
        CaseId = caseId;
        RoutingClass = routingClass;
        Json = json;
    }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The class the fact was counted in.</summary>
    public RoutingClass RoutingClass { get; set; }

    /// <summary>The fact (<see cref="CaseFacts.ToJson"/>).</summary>
    public string Json { get; set; }
}
