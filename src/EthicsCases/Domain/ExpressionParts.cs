using System.Linq.Expressions;

namespace EthicsCases.Domain;

/// <summary>
/// Builds one LINQ expression out of parts. EF Core translates an expression it is given whole, not a call of another
/// expression inside it, so a rule written once as an expression is substituted into each query that needs it.
/// </summary>
internal static class ExpressionParts
{
    /// <summary><paramref name="body"/> with every use of <paramref name="parameter"/> replaced by <paramref name="with"/>.</summary>
    public static Expression Substitute(Expression body, ParameterExpression parameter, Expression with) => new Substitution(parameter, with).Visit(body);

    /// <summary>
    /// <c>x =&gt; outer(x, part(x))</c>: a projection that takes a part computed from the same row (for example a row's
    /// clock columns, written once in <c>CaseDeadlines</c>), as one expression.
    /// </summary>
    public static Expression<Func<T, TResult>> Including<T, TPart, TResult>(this Expression<Func<T, TPart, TResult>> outer, Expression<Func<T, TPart>> part)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(part);
        var row = outer.Parameters[0];
        return Expression.Lambda<Func<T, TResult>>(Substitute(outer.Body, outer.Parameters[1], Substitute(part.Body, part.Parameters[0], row)), row);
    }

    private sealed class Substitution(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : base.VisitParameter(node);
    }
}
