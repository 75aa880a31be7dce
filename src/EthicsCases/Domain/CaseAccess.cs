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
    /// Recusal is written as <c>Id NOT IN (the cases naming the person)</c>, a subquery that does not depend on the case:
    /// the database reads the person's few subject rows once (the <c>PersonId</c> index) and checks each case against
    /// them in memory. Written per case (<c>NOT EXISTS</c> on the case's subjects) it cost a random read of the subjects'
    /// index for every case looked at, which at a million cases was most of a queue page (docs/performance.md).
    /// </remarks>
    /// <param name="person">Who looks.</param>
    /// <param name="subjects">The subject rows to recuse from (<c>db.CaseSubjects</c>).</param>
    public static Expression<Func<EthicsCase, bool>> VisibleTo(Person person, IQueryable<CaseSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(subjects);
        var id = person.Id;
        var naming = Naming(person, subjects);
        var isGeneralCounsel = person.Has(Role.GeneralCounsel);
        var isBoard = person.Has(Role.Board);
        if (person.Has(Role.AuditCommittee))
        {
            return c => !naming.Contains(c.Id);
        }

        return (isGeneralCounsel, isBoard) switch
        {
            (true, true) => c => !naming.Contains(c.Id) && (c.RoutedToGeneralCounsel || c.ReferredToBoard || c.ReporterId == id),
            (true, false) => c => !naming.Contains(c.Id) && (c.RoutedToGeneralCounsel || c.ReporterId == id),
            (false, true) => c => !naming.Contains(c.Id) && (c.ReferredToBoard || c.ReporterId == id),
            _ => c => !naming.Contains(c.Id) && c.ReporterId == id,
        };
    }

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
    /// <param name="subjects">The subject rows to recuse from (<c>db.CaseSubjects</c>).</param>
    public static Expression<Func<EthicsCase, bool>> VisibleWithDesignations(Person person, IQueryable<CaseSubject> subjects, BoardDesigneeScope? designee)
    {
        var rule = VisibleTo(person, subjects);
        if (designee is null)
        {
            return rule;
        }

        var naming = Naming(person, subjects);
        var decided = designee.DecidedCaseIds;
        Expression<Func<EthicsCase, bool>> asDesignee = c => !naming.Contains(c.Id)
            && (c.State == CaseState.BoardDetermination || decided.Contains(c.Id));
        var parameter = rule.Parameters[0];
        var widened = new ParameterSwap(asDesignee.Parameters[0], parameter).Visit(asDesignee.Body);
        return Expression.Lambda<Func<EthicsCase, bool>>(Expression.OrElse(rule.Body, widened), parameter);
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

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// What a designee of the Board may see beyond their roles, on the day asked: present only while a designation of the
/// person (by name) for determinations is in force.
/// </summary>
/// <param name="DecidedCaseIds">The cases whose determination the person recorded as designee (a query, translated to SQL).</param>
public sealed record BoardDesigneeScope(IQueryable<Guid> DecidedCaseIds);
