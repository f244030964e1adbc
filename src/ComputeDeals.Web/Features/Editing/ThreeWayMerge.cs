namespace ComputeDeals.Web.Features.Editing;

/// <summary>Which version of a field the merged record takes.</summary>
public enum MergeSide
{
    Theirs,
    Mine,
}

/// <summary>One field as it was when the editor opened the record, as the other editor saved it, and as this editor has it.</summary>
public sealed record MergeField(string Field, string? Original, string? Theirs, string? Mine)
{
    public bool MineChanged => !string.Equals(Original, Mine, StringComparison.Ordinal);

    public bool TheirsChanged => !string.Equals(Original, Theirs, StringComparison.Ordinal);

    /// <summary>Both changed it, differently: the editor picks.</summary>
    public bool NeedsChoice => MineChanged && TheirsChanged && !string.Equals(Mine, Theirs, StringComparison.Ordinal);

    /// <summary>The side taken without asking: whoever changed it (theirs when both made the same change).</summary>
    public MergeSide Automatic => MineChanged && !TheirsChanged ? MergeSide.Mine : MergeSide.Theirs;
}

/// <summary>
/// A three-way merge of two edits of one record, field by field on the snapshot fields (the same fields the
/// change history shows): a field only one side changed merges by itself; the rest the editor resolves.
/// </summary>
public static class ThreeWayMerge
{
    /// <summary>Every field that is not the same in all three versions.</summary>
    public static IReadOnlyList<MergeField> Compare(Snapshot original, Snapshot theirs, Snapshot mine) =>
        original.Keys.Union(theirs.Keys).Union(mine.Keys)
            .Select(k => new MergeField(k, original.GetValueOrDefault(k), theirs.GetValueOrDefault(k), mine.GetValueOrDefault(k)))
            .Where(f => f.MineChanged || f.TheirsChanged)
            .ToList();

    /// <summary>
    /// The merged record: their saved version (with its concurrency version, so the next save goes through),
    /// and from mine every field whose side is <see cref="MergeSide.Mine"/> (the choice, or else the automatic side).
    /// </summary>
    public static T Apply<T>(T theirs, T mine, IReadOnlyList<MergeField> fields, IReadOnlyDictionary<string, MergeSide> choices, MergeCopiers<T> copiers)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(copiers);
        foreach (var field in fields)
        {
            var side = field.NeedsChoice && choices.TryGetValue(field.Field, out var chosen) ? chosen : field.Automatic;
            if (side == MergeSide.Mine && copiers.TryGetValue(field.Field, out var copy))
            {
                copy(mine, theirs);
            }
        }

        return theirs;
    }

    /// <summary>The merged deal (see the generic overload).</summary>
    public static Deal Apply(Deal theirs, Deal mine, IReadOnlyList<MergeField> fields, IReadOnlyDictionary<string, MergeSide> choices) =>
        Apply(theirs, mine, fields, choices, MergeCopiers.Deal);
}

/// <summary>For one kind of record: snapshot field -> copy that field from one version (mine) onto another (theirs).</summary>
public sealed class MergeCopiers<T> : Dictionary<string, Action<T, T>>
{
    public MergeCopiers()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>
/// The copiers of each editable record, keyed as in <see cref="Snapshots"/>. A snapshot field without a copier
/// ("Deleted") always keeps their side. Lists are copied deep, so the merged record shares nothing with mine.
/// </summary>
public static class MergeCopiers
{
    public static MergeCopiers<Deal> Deal { get; } = new()
    {
        ["Title"] = (from, to) => to.Title = from.Title,
        ["Slug"] = (from, to) => to.Slug = from.Slug,
        ["Announced"] = (from, to) => (to.AnnouncedOn, to.AnnouncedPrecision) = (from.AnnouncedOn, from.AnnouncedPrecision),
        ["Type"] = (from, to) => to.Type = from.Type,
        ["Status"] = (from, to) => to.Status = from.Status,
        ["Parties"] = (from, to) => to.Parties = from.Parties.Select(p => new DealParty { CompanyId = p.CompanyId, Role = p.Role }).ToList(),
        ["DataCenters"] = (from, to) => to.DataCenters = from.DataCenters.Select(d => new DealDataCenter { DataCenterId = d.DataCenterId, Share = d.Share }).ToList(),
        ["Value"] = (from, to) => to.Value = from.Value,
        ["ValuePeriod"] = (from, to) => to.ValuePeriod = from.ValuePeriod,
        ["Capacity"] = (from, to) => to.Capacity = from.Capacity,
        ["Accelerators"] = (from, to) => to.Accelerators = from.Accelerators,
        ["TermStart"] = (from, to) => to.TermStart = from.TermStart,
        ["TermEnd"] = (from, to) => to.TermEnd = from.TermEnd,
        ["TermMonths"] = (from, to) => to.TermMonths = from.TermMonths,
        ["Summary"] = (from, to) => to.Summary = from.Summary,
        ["Sources"] = (from, to) => to.Sources = from.Sources.Select(s => new DealSource
        {
            Ordinal = s.Ordinal,
            Supports = s.Supports,
            Source = CopyOf(s.Source),
        }).ToList(),
        ["Published"] = (from, to) => to.IsPublished = from.IsPublished,
    };

    public static MergeCopiers<Company> Company { get; } = new()
    {
        ["Name"] = (from, to) => to.Name = from.Name,
        ["Slug"] = (from, to) => to.Slug = from.Slug,
        ["Kind"] = (from, to) => to.Kind = from.Kind,
        ["Coverage"] = (from, to) => to.Coverage = from.Coverage,
        ["Country"] = (from, to) => to.Country = from.Country,
        ["Website"] = (from, to) => to.Website = from.Website,
        ["Description"] = (from, to) => to.Description = from.Description,
        ["Parent"] = (from, to) => to.ParentId = from.ParentId,
        ["ParentSince"] = (from, to) => to.ParentSince = from.ParentSince,
        ["Aliases"] = (from, to) => to.Aliases = from.Aliases.Select(a => new CompanyAlias { Name = a.Name }).ToList(),
    };

    public static MergeCopiers<DataCenter> DataCenter { get; } = new()
    {
        ["Name"] = (from, to) => to.Name = from.Name,
        ["Slug"] = (from, to) => to.Slug = from.Slug,
        ["Operator"] = (from, to) => to.OperatorId = from.OperatorId,
        ["City"] = (from, to) => to.City = from.City,
        ["Region"] = (from, to) => to.Region = from.Region,
        ["Country"] = (from, to) => to.Country = from.Country,
        ["Location"] = (from, to) => (to.Latitude, to.Longitude) = (from.Latitude, from.Longitude),
        ["Status"] = (from, to) => to.Status = from.Status,
        ["Description"] = (from, to) => to.Description = from.Description,
        ["Capacity"] = (from, to) => to.Capacity = from.Capacity.Select(r => r.Copy(CopyOf(r.Source))).ToList(),
    };

    public static MergeCopiers<Valuation> Valuation { get; } = new()
    {
        ["Company"] = (from, to) => to.CompanyId = from.CompanyId,
        ["AsOf"] = (from, to) => to.AsOf = from.AsOf,
        ["Amount"] = (from, to) => to.Amount = from.Amount,
        ["Basis"] = (from, to) => to.Basis = from.Basis,
        ["Source"] = (from, to) => to.Source = CopyOf(from.Source),
    };

    private static Source? CopyOf(Source? source) =>
        source is null ? null : new Source { Url = source.Url, Title = source.Title, Publisher = source.Publisher, PublishedOn = source.PublishedOn };
}
