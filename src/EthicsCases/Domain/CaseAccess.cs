using System.Linq.Expressions;

namespace EthicsCases.Domain;

/// <summary>
/// Who may see a case. A subject never does (recusal beats every role); the reporter sees their own report; the Audit
/// Committee sees every case, dismissals included; the General Counsel sees what is routed to the General Counsel;
/// the Board sees what was referred to it; a person the Board designated for determinations sees, while the designation
/// is in force, the cases awaiting the Board's determination and those they decided. The Administrator keeps the
/// directory and sees no case.
/// </summary>
public static class CaseAccess
{
    /// <summary>
    /// The visibility rule as an expression that EF Core translates to SQL. It is built for the person's roles rather
    /// than carrying them as parameters, so that the database plans each list as the index range it is (the Audit
    /// Committee: every case; the General Counsel: the routed column).
    /// </summary>
    /// <remarks>
    /// Recusal can be written two ways, with the same result (<c>RecusalFormsTests</c> compares them for every person):
    /// <list type="bullet">
    /// <item>per case (the default): <c>NOT EXISTS</c> on the case's subjects, an index probe for every case looked at:
    /// cheap when a query looks at a few cases, whoever the person is;</item>
    /// <item>read once (<paramref name="subjects"/> given): <c>Id NOT IN</c> the cases naming the person, read once from
    /// the subjects' person index and checked in memory: cheap for a list that looks at many cases (a queue counting a
    /// state up to <c>CaseRows.CountLimit</c>), as long as few cases name the person (<see cref="ReadRecusalOnce"/>).</item>
    /// </list>
    /// </remarks>
    /// <param name="person">Who looks.</param>
    /// <param name="subjects">When given, the subject rows recusal reads once (<c>db.CaseSubjects</c>); null: per case.</param>
    public static Expression<Func<EthicsCase, bool>> VisibleTo(Person person, IQueryable<CaseSubject>? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Reach(person) is { } reach ? Combine(NotNaming(person, subjects), reach, Expression.AndAlso) : NotNaming(person, subjects);
    }

    // What the person's roles reach before recusal; null for the Audit Committee, who reaches every case.
    private static Expression<Func<EthicsCase, bool>>? Reach(Person person)
    {
        var id = person.Id;
        if (person.Has(Role.AuditCommittee))
        {
            return null;
        }

        return (person.Has(Role.GeneralCounsel), person.Has(Role.Board)) switch
        {
            (true, true) => c => c.RoutedToGeneralCounsel || c.ReferredToBoard || c.ReporterId == id,
            (true, false) => c => c.RoutedToGeneralCounsel || c.ReporterId == id,
            (false, true) => c => c.ReferredToBoard || c.ReporterId == id,
            _ => c => c.ReporterId == id,
        };
    }

    /// <summary>
    /// How many cases may name a person for a list to read their recusal once (<see cref="VisibleTo"/> with subjects):
    /// reading the cases naming them costs about what probing that many cases does, and a queue's first page probes up to
    /// a thousand per state. (The demo names 8 officers in a million cases, 40,000 to 134,000 each: read once, those
    /// took 0.1 s per query.)
    /// </summary>
    public const int ReadRecusalOnceLimit = 500;

    /// <summary>Whether a list should read recusal once for a person named in <paramref name="casesNamingPerson"/> cases (counted up to the limit).</summary>
    public static bool ReadRecusalOnce(int casesNamingPerson) => casesNamingPerson < ReadRecusalOnceLimit;

    /// <summary>The ids of the cases that name the person as a subject (a query, translated to SQL).</summary>
    public static IQueryable<Guid> Naming(Person person, IQueryable<CaseSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(subjects);
        var id = person.Id;
        return subjects.Where(s => s.PersonId == id).Select(s => s.CaseId);
    }

    /// <summary>
    /// The visibility rule for a person who may also be a designee of the Board: their roles' rule, widened, when
    /// <paramref name="designee"/> says a designation for determinations is in force today, to the cases in
    /// <see cref="CaseState.BoardDetermination"/> and those they decided as designee. Recusal holds: never a case naming them.
    /// </summary>
    /// <param name="person">Who looks.</param>
    /// <param name="designee">Null when no designation for determinations names the person today.</param>
    /// <param name="subjects">As for <see cref="VisibleTo"/>: when given, recusal is read once.</param>
    public static Expression<Func<EthicsCase, bool>> VisibleWithDesignations(Person person, BoardDesigneeScope? designee, IQueryable<CaseSubject>? subjects = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (designee is null || Reach(person) is not { } reach)
        {
            return VisibleTo(person, subjects);
        }

        var decided = designee.DecidedCaseIds;
        Expression<Func<EthicsCase, bool>> asDesignee = c => c.State == CaseState.BoardDetermination || decided.Contains(c.Id);
        return Combine(NotNaming(person, subjects), Combine(reach, asDesignee, Expression.OrElse), Expression.AndAlso);
    }

    // Recusal: never a case naming the person.
    private static Expression<Func<EthicsCase, bool>> NotNaming(Person person, IQueryable<CaseSubject>? subjects)
    {
        var id = person.Id;
        if (subjects is null)
        {
            return c => !c.Subjects.Any(s => s.PersonId == id);
        }

        var naming = Naming(person, subjects);
        return c => !naming.Contains(c.Id);
    }

    private static Expression<Func<EthicsCase, bool>> Combine(Expression<Func<EthicsCase, bool>> left, Expression<Func<EthicsCase, bool>> right,
        Func<Expression, Expression, BinaryExpression> with)
    {
        var parameter = left.Parameters[0];
        return Expression.Lambda<Func<EthicsCase, bool>>(with(left.Body, ExpressionParts.Substitute(right.Body, right.Parameters[0], parameter)), parameter);
    }

    /// <summary>Whether the person reviews the case (as opposed to only having reported it).</summary>
    public static bool IsReviewer(EthicsCase ethicsCase, Person person) =>
        !ethicsCase.Names(person)
        && (person.Has(Role.AuditCommittee)
            || (person.Has(Role.GeneralCounsel) && ethicsCase.IsRoutedToGeneralCounsel)
            || (person.Has(Role.Board) && ethicsCase.ReferredToBoard));

    /// <summary>Who may read the written notice of a determined violation: the Audit Committee and the Board.</summary>
    public static IReadOnlyList<Role> NoticeReaders { get; } = [Role.AuditCommittee, Role.Board];

    /// <summary>Whether the person may fetch the case's written notice (a determined violation, a reviewer who reads notices).</summary>
    public static bool MayFetchNotice(EthicsCase ethicsCase, Person person)
    {
        ArgumentNullException.ThrowIfNull(ethicsCase);
        ArgumentNullException.ThrowIfNull(person);
        return ethicsCase.Outcome == CaseOutcome.ViolationFound && IsReviewer(ethicsCase, person) && NoticeReaders.Any(person.Has);
    }
}

/// <summary>
/// What a designee of the Board may see beyond their roles, on the day asked: present only while a designation of the
/// person (by name) for determinations is in force.
/// </summary>
/// <param name="DecidedCaseIds">The cases whose determination the person recorded as designee (a query, translated to SQL).</param>
public sealed record BoardDesigneeScope(IQueryable<Guid> DecidedCaseIds);
