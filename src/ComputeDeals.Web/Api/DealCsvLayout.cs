namespace ComputeDeals.Web.Api;

/// <summary>
/// The one column layout of deals in CSV, shared by the export (/api/v1/deals.csv) and the import
/// (Features/Import): the same column names and the same spellings (enum names in camelCase, read back
/// case-insensitively; parties as "slug:role; slug:role"), so an exported file imports as it is and
/// gives the same deal back. A deal's sources and data centers are lists: each of their columns holds
/// one line per item, the n-th line of every column of the list describing the n-th item.
/// </summary>
public static class DealCsvLayout
{
    /// <summary>Every column, in file order.</summary>
    public static readonly string[] Columns =
    [
        "slug", "title", "announced_on", "announced_precision", "type", "status", "parties",
        "value_low", "value_high", "value_qualifier", "value_basis", "value_period", "value_note", "value_text",
        "capacity_low", "capacity_high", "capacity_qualifier", "capacity_basis", "capacity_note", "capacity_text",
        "accelerators_low", "accelerators_high", "accelerators_qualifier", "accelerators_basis", "accelerators_note",
        "term_start", "term_end", "term_months", "summary",
        "data_centers", "data_center_share_low", "data_center_share_high", "data_center_share_qualifier", "data_center_share_basis", "data_center_share_note",
        "source_url", "source_title", "source_publisher", "source_published_on", "source_supports", "permalink",
    ];

    /// <summary>The columns that hold one line per source, in footnote order (the first names the list's length).</summary>
    public static readonly string[] SourceColumns = ["source_url", "source_title", "source_publisher", "source_published_on", "source_supports"];

    /// <summary>The columns that hold one line per data center the deal covers (the first names the list's length).</summary>
    public static readonly string[] DataCenterColumns =
        ["data_centers", "data_center_share_low", "data_center_share_high", "data_center_share_qualifier", "data_center_share_basis", "data_center_share_note"];

    /// <summary>Columns the export writes for readers; the import ignores them.</summary>
    public static readonly string[] Derived = ["value_text", "capacity_text", "permalink"];

    /// <summary>
    /// Writes one published deal in <see cref="Columns"/> order, lossless: the import reads every column
    /// back. Links to records the snapshot does not hold (deleted data centers) are left out.
    /// </summary>
    public static void Write(CsvRecordBuilder csv, DealEntry entry, ReadSnapshot snapshot, string permalink)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(snapshot);
        var (d, row) = (entry.Deal, entry.Summary);
        csv.Text(d.Slug).Text(d.Title).Date(d.AnnouncedOn).Text(Name(d.AnnouncedPrecision)).Text(Name(d.Type)).Text(Name(d.Status))
            .Text(string.Join("; ", row.Parties.Select(p => Party(p.Slug, p.Role))));
        csv.Figure(d.Value).Text(Name(d.Value.Basis)).Text(Name(d.ValuePeriod)).Text(d.Value.Note).Text(row.ValueText);
        csv.Figure(d.Capacity).Text(d.Capacity is null ? null : Name(d.Capacity.Basis)).Text(d.Capacity?.Note).Text(d.Capacity is null ? null : row.CapacityText);
        csv.Figure(d.Accelerators).Text(d.Accelerators is null ? null : Name(d.Accelerators.Basis)).Text(d.Accelerators?.Note);
        csv.Date(d.TermStart).Date(d.TermEnd).Raw(d.TermMonths?.ToString(CultureInfo.InvariantCulture)).Text(d.Summary);

        var centers = d.DataCenters.Where(x => snapshot.DataCenters.ContainsKey(x.DataCenterId)).ToList();
        csv.Text(ListCell(centers, x => snapshot.DataCenters[x.DataCenterId].Slug))
            .Raw(ListCell(centers, x => Bound(x.Share, low: true)))
            .Raw(ListCell(centers, x => Bound(x.Share, low: false)))
            .Text(ListCell(centers, x => x.Share is null ? null : Name(x.Share.IsDisclosed ? x.Share.Qualifier : FigureQualifier.Undisclosed)))
            .Text(ListCell(centers, x => x.Share is null ? null : Name(x.Share.Basis)))
            .Text(ListCell(centers, x => x.Share?.Note));

        var sources = d.Sources.Where(s => snapshot.Sources.ContainsKey(s.SourceId)).Select(s => (Link: s, Source: snapshot.Sources[s.SourceId])).ToList();
        csv.Text(ListCell(sources, s => s.Source.Url))
            .Text(ListCell(sources, s => s.Source.Title))
            .Text(ListCell(sources, s => s.Source.Publisher))
            .Raw(ListCell(sources, s => s.Source.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Text(ListCell(sources, s => Supports(s.Link.Supports)))
            .Text(permalink);
    }

    /// <summary>A list cell: one line per item (an item without a value is an empty line); null when the list is empty.</summary>
    private static string? ListCell<T>(IReadOnlyList<T> items, Func<T, string?> value) =>
        items.Count == 0 ? null : string.Join('\n', items.Select(i => value(i) ?? string.Empty));

    private static string? Bound(Figure? figure, bool low) =>
        figure is { IsDisclosed: true } ? (low ? figure.Low : figure.High)?.ToString("R", CultureInfo.InvariantCulture) : null;

    /// <summary>One party: "slug:role".</summary>
    public static string Party(string companySlug, PartyRole role) => $"{companySlug}:{Name(role)}";

    /// <summary>What a source supports, as "value+capacity" ("general" when nothing in particular).</summary>
    public static string Supports(SourceSupports supports) =>
        supports == SourceSupports.General
            ? Name(SourceSupports.General)
            : string.Join('+', Enum.GetValues<SourceSupports>().Where(f => f != SourceSupports.General && supports.HasFlag(f)).Select(Name));

    /// <summary>Reads <see cref="Supports(SourceSupports)"/> back (names case-insensitive, joined by '+'); null when a name is unknown.</summary>
    public static SourceSupports? ParseSupports(string text)
    {
        var result = SourceSupports.General;
        foreach (var part in text.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<SourceSupports>(part, ignoreCase: true, out var flag) || !Enum.IsDefined(flag) || int.TryParse(part, out _))
            {
                return null;
            }

            result |= flag;
        }

        return result;
    }

    /// <summary>The lines of a list cell (see the class summary); an empty cell is an empty list.</summary>
    public static string[] Lines(string? cell) =>
        string.IsNullOrEmpty(cell) ? [] : cell.ReplaceLineEndings("\n").Split('\n');

    /// <summary>An enum value as the CSV (and the JSON) writes it: camelCase.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => QueryValues.CamelCase(value.ToString());
}
