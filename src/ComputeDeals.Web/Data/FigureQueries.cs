using System.Linq.Expressions;

namespace ComputeDeals.Web.Data;

/// <summary>
/// Core's figure rules (<see cref="Figure.IsUndisclosedRule"/>, <see cref="Figure.SortKeyRule"/>) applied to a
/// figure column of a query, so SQL filters and sorts by the very expression the C# properties compile.
/// </summary>
public static class FigureQueries
{
    /// <summary><c>x =&gt; rule(figure(x))</c>.</summary>
    public static Expression<Func<T, TResult>> Apply<T, TResult>(Expression<Func<T, Figure?>> figure, Expression<Func<Figure, TResult>> rule)
    {
        var body = new Substitute(rule.Parameters[0], figure.Body).Visit(rule.Body);
        return Expression.Lambda<Func<T, TResult>>(body, figure.Parameters);
    }

    /// <summary>True when the figure is missing or undisclosed.</summary>
    public static Expression<Func<T, bool>> IsUndisclosed<T>(Expression<Func<T, Figure?>> figure) => Apply(figure, Figure.IsUndisclosedRule);

    /// <summary>The figure's sort key (null when undisclosed or missing).</summary>
    public static Expression<Func<T, double?>> SortKey<T>(Expression<Func<T, Figure?>> figure) => Apply(figure, Figure.SortKeyRule);

    /// <summary>True when the figure's sort key is at least <paramref name="minimum"/>.</summary>
    public static Expression<Func<T, bool>> AtLeast<T>(Expression<Func<T, Figure?>> figure, double minimum)
    {
        var key = SortKey(figure);
        return Expression.Lambda<Func<T, bool>>(
            Expression.GreaterThanOrEqual(key.Body, Expression.Constant(minimum, typeof(double?))), key.Parameters);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
