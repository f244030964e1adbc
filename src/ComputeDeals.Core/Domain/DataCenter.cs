using System.ComponentModel.DataAnnotations;
using ComputeDeals.Core.Figures;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Domain;

/// <summary>A site with power and accelerators, owned and operated by one company.</summary>
public sealed class DataCenter : ISoftDeletable
{
    public int Id { get; set; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; set; }

    [MaxLength(Slugs.MaxLength)]
    public required string Slug { get; set; }

    public int OperatorId { get; set; }

    public Company? Operator { get; set; }

    [MaxLength(FieldLimits.Name)]
    public string? City { get; set; }

    [MaxLength(FieldLimits.Name)]
    public string? Region { get; set; }

    [MaxLength(FieldLimits.CountryCode)]
    public string? Country { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public FacilityStatus Status { get; set; }

    [MaxLength(FieldLimits.Description)]
    public string? Description { get; set; }

    public List<CapacityRow> Capacity { get; set; } = [];

    public bool IsDeleted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Where it is, as every page, export and API shows it: see <see cref="LocationOf"/>.</summary>
    public string Location => LocationOf(City, Region, Country);

    /// <summary>The capacity in force at a date: the latest row at or before it.</summary>
    public CapacityRow? CapacityAt(DateOnly date) => CapacityTimeline.At(Capacity, date);

    /// <summary>
    /// A data center's location text: "City, Region, Country" with blank parts left out (the country
    /// is its two-letter code), or "" when all three are blank. The one definition the pages, the
    /// search results, the JSON and CSV lists and the embeds show.
    /// </summary>
    public static string LocationOf(string? city, string? region, string? country) =>
        string.Join(", ", new[] { city, region, country }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>One dated row of a data center's capacity timeline.</summary>
public sealed class CapacityRow
{
    /// <summary>An empty row (EF Core and the editor form fill it in).</summary>
    public CapacityRow()
    {
    }

    /// <summary>
    /// A row with its reading: the date it takes effect, how precise that date is, the power in MW, the
    /// accelerators and the facility status. Every mapping into a row (snapshot, seed, as-recorded,
    /// editor save, merge) goes through here, so none can leave a field of the reading out.
    /// </summary>
    public CapacityRow(DateOnly effectiveDate, DatePrecision precision, Figure power, string? acceleratorType, Figure? accelerators, FacilityStatus status)
    {
        EffectiveDate = effectiveDate;
        Precision = precision;
        Power = power;
        AcceleratorType = acceleratorType;
        Accelerators = accelerators;
        Status = status;
    }

    public int Id { get; set; }

    public int DataCenterId { get; set; }

    public DateOnly EffectiveDate { get; set; }

    public DatePrecision Precision { get; set; }

    /// <summary>Power in MW.</summary>
    public Figure Power { get; set; } = Figure.Undisclosed();

    [MaxLength(FieldLimits.Name)]
    public string? AcceleratorType { get; set; }

    /// <summary>Accelerator count, when known.</summary>
    public Figure? Accelerators { get; set; }

    public FacilityStatus Status { get; set; }

    public int? SourceId { get; set; }

    public Source? Source { get; set; }

    /// <summary>A new, unsaved row (no id, no data center) with this row's reading and the given source.</summary>
    public CapacityRow Copy(Source? source) =>
        new(EffectiveDate, Precision, Power, AcceleratorType, Accelerators, Status) { Source = source };
}

/// <summary>Looks up the row of a capacity timeline in force at a date.</summary>
public static class CapacityTimeline
{
    public static CapacityRow? At(IEnumerable<CapacityRow> rows, DateOnly date) => At(rows, date, r => r.EffectiveDate, r => r.Id);

    /// <summary>
    /// The row in force at <paramref name="date"/>, in any shape of row (entity, read-model record,
    /// analytics input): the latest on or before it; of rows on the same date, the one with the higher id
    /// (entered later); of rows equal in both, the first. Null before the first row. The rows may be in any order.
    /// </summary>
    public static T? At<T>(IEnumerable<T> rows, DateOnly date, Func<T, DateOnly> dateOf, Func<T, int> idOf)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(dateOf);
        ArgumentNullException.ThrowIfNull(idOf);
        T? found = null;
        var (foundDate, foundId) = (DateOnly.MinValue, 0);
        foreach (var row in rows)
        {
            var (rowDate, rowId) = (dateOf(row), idOf(row));
            if (rowDate <= date && (found is null || rowDate > foundDate || (rowDate == foundDate && rowId > foundId)))
            {
                (found, foundDate, foundId) = (row, rowDate, rowId);
            }
        }

        return found;
    }
}
