using ComputeDeals.Core.Domain;

namespace ComputeDeals.Web.Api;

/// <summary>
/// The one column layout of deals in CSV, shared by the export (/api/v1/deals.csv) and the import
/// (Features/Import): the same column names and the same spellings (enum names in camelCase, read back
/// case-insensitively; parties as "slug:role; slug:role"), so an exported file imports as it is.
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
        "source_url", "source_title", "source_publisher", "source_published_on", "permalink",
    ];

    /// <summary>Columns the export writes for readers; the import ignores them.</summary>
    public static readonly string[] Derived = ["value_text", "capacity_text", "permalink"];

    /// <summary>The columns the export writes (the timeline's list rows: no term, accelerators or sources).</summary>
    public static readonly string[] Exported =
    [
        "slug", "title", "announced_on", "announced_precision", "type", "status", "parties",
        "value_low", "value_high", "value_qualifier", "value_basis", "value_period", "value_note", "value_text",
        "capacity_low", "capacity_high", "capacity_qualifier", "capacity_basis", "capacity_note", "capacity_text", "summary", "permalink",
    ];

    /// <summary>One party: "slug:role".</summary>
    public static string Party(string companySlug, PartyRole role) => $"{companySlug}:{Name(role)}";

    /// <summary>An enum value as the CSV (and the JSON) writes it: camelCase.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => QueryValues.CamelCase(value.ToString());
}
