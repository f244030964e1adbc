using System.Text.Json;

namespace ComputeDeals.Web.Features.Editing;

/// <summary>
/// An entity flattened to field -> text, so two versions can be compared field by field for the
/// change record and the conflict dialog.
/// </summary>
public sealed class Snapshot : Dictionary<string, string?>
{
    public Snapshot()
        : base(StringComparer.Ordinal)
    {
    }

    public static IReadOnlyList<FieldChange> Diff(Snapshot? before, Snapshot after)
    {
        var changes = new List<FieldChange>();
        foreach (var (field, value) in after)
        {
            string? old = null;
            if (before is not null && before.TryGetValue(field, out var previous))
            {
                old = previous;
            }

            if (!string.Equals(old, value, StringComparison.Ordinal) && (before is not null || !string.IsNullOrEmpty(value)))
            {
                changes.Add(new FieldChange(field, old, value));
            }
        }

        return changes;
    }

    public static string ToJson(IReadOnlyList<FieldChange> changes) =>
        JsonSerializer.Serialize(changes.Select(c => new { field = c.Field, old = c.Old, @new = c.New }));

    public static IReadOnlyList<FieldChange> FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind != JsonValueKind.Array
                ? []
                : document.RootElement.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object)
                    .Select(e => new FieldChange(Text(e, "field") ?? "?", Text(e, "old"), Text(e, "new")))
                    .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string? Of(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Of(double? number) => number?.ToString("0.######", CultureInfo.InvariantCulture);

    public static string? Of(Figure? figure, FigureUnit unit)
    {
        if (figure is null)
        {
            return null;
        }

        var text = $"{FigureFormatter.Format(figure, unit)} [{figure.Qualifier}, {figure.Basis}";
        if (figure.Low is not null || figure.High is not null)
        {
            text += $", {Of(figure.Low) ?? "–"}..{Of(figure.High) ?? "–"}";
        }

        return string.IsNullOrEmpty(figure.Note) ? text + "]" : $"{text}; {figure.Note}]";
    }
}

/// <summary>The snapshots of each editable entity.</summary>
public static class Snapshots
{
    public static Snapshot Of(Deal deal, IReadOnlyDictionary<int, string> companyNames, IReadOnlyDictionary<int, string> dataCenterNames) => new()
    {
        ["Title"] = deal.Title,
        ["Slug"] = deal.Slug,
        ["Announced"] = $"{Snapshot.Of(deal.AnnouncedOn)} ({deal.AnnouncedPrecision})",
        ["Type"] = deal.Type.ToString(),
        ["Status"] = deal.Status.ToString(),
        ["Parties"] = string.Join("; ", deal.Parties.Select(p => $"{Name(companyNames, p.CompanyId)} ({p.Role})")),
        ["DataCenters"] = string.Join("; ", deal.DataCenters.Select(d => d.Share is null
            ? Name(dataCenterNames, d.DataCenterId)
            : $"{Name(dataCenterNames, d.DataCenterId)} ({Snapshot.Of(d.Share, FigureUnit.Megawatts)})")),
        ["Value"] = Snapshot.Of(deal.Value, FigureUnit.Usd),
        ["ValuePeriod"] = deal.ValuePeriod.ToString(),
        ["Capacity"] = Snapshot.Of(deal.Capacity, FigureUnit.Megawatts),
        ["Accelerators"] = Snapshot.Of(deal.Accelerators, FigureUnit.Count),
        ["TermStart"] = Snapshot.Of(deal.TermStart),
        ["TermEnd"] = Snapshot.Of(deal.TermEnd),
        ["TermMonths"] = deal.TermMonths?.ToString(CultureInfo.InvariantCulture),
        ["Summary"] = deal.Summary,
        ["Sources"] = string.Join("; ", deal.Sources.OrderBy(s => s.Ordinal).Select(s => $"{s.Source?.Title} <{s.Source?.Url}> [{s.Supports}]")),
        ["Published"] = deal.IsPublished ? "yes" : "no",
        ["Deleted"] = deal.IsDeleted ? "yes" : "no",
    };

    public static Snapshot Of(Company company, string? parentName) => new()
    {
        ["Name"] = company.Name,
        ["Slug"] = company.Slug,
        ["Kind"] = company.Kind.ToString(),
        ["Coverage"] = company.Coverage.ToString(),
        ["Country"] = company.Country,
        ["Website"] = company.Website,
        ["Description"] = company.Description,
        ["Parent"] = parentName,
        ["ParentSince"] = Snapshot.Of(company.ParentSince),
        ["Aliases"] = string.Join("; ", company.Aliases.Select(a => a.Name)),
        ["Deleted"] = company.IsDeleted ? "yes" : "no",
    };

    public static Snapshot Of(DataCenter center, string? operatorName) => new()
    {
        ["Name"] = center.Name,
        ["Slug"] = center.Slug,
        ["Operator"] = operatorName,
        ["City"] = center.City,
        ["Region"] = center.Region,
        ["Country"] = center.Country,
        ["Location"] = center.Latitude is null ? null : $"{Snapshot.Of(center.Latitude)}, {Snapshot.Of(center.Longitude)}",
        ["Status"] = center.Status.ToString(),
        ["Description"] = center.Description,
        ["Capacity"] = string.Join("; ", center.Capacity.OrderBy(r => r.EffectiveDate).Select(r =>
            $"{Snapshot.Of(r.EffectiveDate)}: {Snapshot.Of(r.Power, FigureUnit.Megawatts)}, {r.Status}"
            + (r.Accelerators is null ? string.Empty : $", {Snapshot.Of(r.Accelerators, FigureUnit.Count)} {r.AcceleratorType}")
            + (r.Source is null ? string.Empty : $" <{r.Source.Url}>"))),
        ["Deleted"] = center.IsDeleted ? "yes" : "no",
    };

    public static Snapshot Of(Valuation valuation, string? companyName) => new()
    {
        ["Company"] = companyName,
        ["AsOf"] = Snapshot.Of(valuation.AsOf),
        ["Amount"] = Snapshot.Of(valuation.Amount, FigureUnit.Usd),
        ["Basis"] = valuation.Basis.ToString(),
        ["Source"] = valuation.Source is null ? null : $"{valuation.Source.Title} <{valuation.Source.Url}>",
        ["Deleted"] = valuation.IsDeleted ? "yes" : "no",
    };

    private static string Name(IReadOnlyDictionary<int, string> names, int id) =>
        names.TryGetValue(id, out var name) ? name : $"#{id}";
}
