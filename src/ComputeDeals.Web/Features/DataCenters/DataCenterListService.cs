using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.DataCenters;

/// <summary>A data center as a list row, with the capacity in force on the given date.</summary>
public sealed record DataCenterRow(
    string Slug, string Name, string OperatorSlug, string OperatorName, string Location, FacilityStatus Status,
    Figure? CurrentPower, string? AcceleratorType, Figure? CurrentAccelerators, DateOnly? CapacityAsOf);

/// <summary>Reads the data center list.</summary>
public sealed class DataCenterListService(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public async Task<IReadOnlyList<DataCenterRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var centers = await db.DataCenters.AsNoTracking()
            .Where(d => !d.IsDeleted)
            .Include(d => d.Operator)
            .Include(d => d.Capacity)
            .OrderBy(d => d.Name)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return centers.Select(d =>
        {
            var row = d.CapacityAt(today);
            var location = string.Join(", ", new[] { d.City, d.Region, d.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new DataCenterRow(
                d.Slug, d.Name, d.Operator!.Slug, d.Operator.Name, location, d.Status,
                row?.Power, row?.AcceleratorType, row?.Accelerators, row?.EffectiveDate);
        }).ToList();
    }
}
