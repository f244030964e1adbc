using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Components.Shared;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.DataCenters;

/// <summary>A data center as a list row, with the capacity in force on the given date.</summary>
public sealed record DataCenterRow(
    string Slug, string Name, string OperatorSlug, string OperatorName, string Location, FacilityStatus Status,
    Figure? CurrentPower, string? AcceleratorType, Figure? CurrentAccelerators, DateOnly? CapacityAsOf);

/// <summary>Filters and sort of the data center list, as they appear in the query string.</summary>
public sealed record DataCenterListFilter(string? Text = null, string? Country = null, FacilityStatus? Status = null, string? Sort = null)
{
    public static readonly IReadOnlyList<string> Sorts = ["name", "operator", "power", "status"];

    public string SortKey => Sort is { } s && Sorts.Contains(s) ? s : "name";
}

/// <summary>Reads the data center list.</summary>
public sealed class DataCenterListService(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public Task<IReadOnlyList<DataCenterRow>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(new DataCenterListFilter(), cancellationToken);

    public async Task<IReadOnlyList<DataCenterRow>> ListAsync(DataCenterListFilter filter, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.DataCenters.AsNoTracking().Where(d => !d.IsDeleted);
        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(d => d.Country == country);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + LikePattern.Escape(filter.Text.Trim().ToLowerInvariant()) + "%";
            query = query.Where(d => EF.Functions.Like(d.Name.ToLower(), pattern, LikePattern.EscapeCharacter)
                || (d.City != null && EF.Functions.Like(d.City.ToLower(), pattern, LikePattern.EscapeCharacter))
                || (d.Region != null && EF.Functions.Like(d.Region.ToLower(), pattern, LikePattern.EscapeCharacter))
                || EF.Functions.Like(d.Operator!.Name.ToLower(), pattern, LikePattern.EscapeCharacter));
        }

        var centers = await query
            .Include(d => d.Operator)
            .Include(d => d.Capacity)
            .OrderBy(d => d.Name)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var rows = centers.Select(d =>
        {
            var row = d.CapacityAt(today);
            var location = string.Join(", ", new[] { d.City, d.Region, d.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new DataCenterRow(
                d.Slug, d.Name, d.Operator!.Slug, d.Operator.Name, location, d.Status,
                row?.Power, row?.AcceleratorType, row?.Accelerators, row?.EffectiveDate);
        });
        // Sorting by power uses the figure's floor; undisclosed power sorts last, never as zero.
        return filter.SortKey switch
        {
            "operator" => [.. rows.OrderBy(r => r.OperatorName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
            "power" => [.. rows.OrderBy(r => r.CurrentPower?.Floor is null).ThenByDescending(r => r.CurrentPower?.Floor).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
            "status" => [.. rows.OrderBy(r => r.Status).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
            _ => [.. rows],
        };
    }

    /// <summary>The countries that data centers are in, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> CountriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.DataCenters.AsNoTracking()
            .Where(d => !d.IsDeleted && d.Country != null)
            .Select(d => d.Country!)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);
    }
}
