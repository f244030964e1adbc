namespace ComputeDeals.Web.Features.History;

/// <summary>How a recorded field reads in a history list: "value period", not "ValuePeriod".</summary>
public static class ChangeFieldLabels
{
    private static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["Slug"] = "address (slug)",
        ["Announced"] = "announcement date",
        ["TermMonths"] = "term in months",
        ["DataCenters"] = "data centers",
        ["ParentSince"] = "parent since",
        ["Coverage"] = "capacity coverage",
        ["OperatorId"] = "operator",
        ["AsOf"] = "as-of date",
        ["Published"] = "published",
        ["Deleted"] = "deleted",
    };

    public static string Of(string field)
    {
        if (Special.TryGetValue(field, out var label))
        {
            return label;
        }

        // "ValuePeriod" -> "value period"; "Capacity[0].Power" keeps its index.
        var builder = new StringBuilder(field.Length + 8);
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(field[i - 1]))
            {
                builder.Append(' ');
            }

            builder.Append(c == '.' ? ' ' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The fields worth listing: a publish, unpublish, delete or restore already says what changed,
    /// so its own flag is not listed again ("Published changed Published").
    /// </summary>
    public static IReadOnlyList<FieldChange> Listed(ChangeAction action, IReadOnlyList<FieldChange> fields)
    {
        var restated = action switch
        {
            ChangeAction.Publish or ChangeAction.Unpublish => "Published",
            ChangeAction.Delete or ChangeAction.Restore => "Deleted",
            _ => null,
        };
        return restated is null ? fields : fields.Where(f => f.Field != restated).ToList();
    }
}
