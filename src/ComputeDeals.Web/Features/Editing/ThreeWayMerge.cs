using ComputeDeals.Core.Domain;

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
    /// The merged deal: their saved version (with its concurrency version, so the next save goes through),
    /// and from mine every field whose side is <see cref="MergeSide.Mine"/> (the choice, or else the automatic side).
    /// </summary>
    public static Deal Apply(Deal theirs, Deal mine, IReadOnlyList<MergeField> fields, IReadOnlyDictionary<string, MergeSide> choices)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        foreach (var field in fields)
        {
            var side = field.NeedsChoice && choices.TryGetValue(field.Field, out var chosen) ? chosen : field.Automatic;
            if (side == MergeSide.Mine && DealFields.TryGetValue(field.Field, out var copy))
            {
                copy(mine, theirs);
            }
        }

        return theirs;
    }

    // Snapshot field -> copy that field from one deal to another (keys as in Snapshots.Of(Deal)).
    private static readonly Dictionary<string, Action<Deal, Deal>> DealFields = new(StringComparer.Ordinal)
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
            Source = s.Source is { } source ? new Source { Url = source.Url, Title = source.Title, Publisher = source.Publisher, PublishedOn = source.PublishedOn } : null,
        }).ToList(),
        ["Published"] = (from, to) => to.IsPublished = from.IsPublished,
    };
}
