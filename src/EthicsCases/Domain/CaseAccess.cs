using System.Linq.Expressions;

namespace EthicsCases.Domain;

/// <summary>
/// Who may see a case. A subject never does (recusal beats every role); the reporter sees their own report; the Audit
/// Committee sees every case, dismissals included; the General Counsel sees what is routed to the General Counsel;
/// the Board sees what was referred to it. The Administrator keeps the directory and sees no case.
/// </summary>
public static class CaseAccess
{
    /// <summary>
    /// The visibility rule as an expression that EF Core translates to SQL. It is built for the person's roles rather
    /// than carrying them as parameters, so that the database plans each list as the index range it is (the Audit
    /// Committee: every case; the General Counsel: the routed column).
    /// </summary>
    public static Expression<Func<EthicsCase, bool>> VisibleTo(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var id = person.Id;
        var isGeneralCounsel = person.Has(Role.GeneralCounsel);
        var isBoard = person.Has(Role.Board);
        if (person.Has(Role.AuditCommittee))
        {
            return c => !c.Subjects.Any(s => s.PersonId == id);
        }

        return (isGeneralCounsel, isBoard) switch
        {
            (true, true) => c => !c.Subjects.Any(s => s.PersonId == id) && (c.RoutedToGeneralCounsel || c.ReferredToBoard || c.ReporterId == id),
            (true, false) => c => !c.Subjects.Any(s => s.PersonId == id) && (c.RoutedToGeneralCounsel || c.ReporterId == id),
            (false, true) => c => !c.Subjects.Any(s => s.PersonId == id) && (c.ReferredToBoard || c.ReporterId == id),
            _ => c => !c.Subjects.Any(s => s.PersonId == id) && c.ReporterId == id,
        };
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
