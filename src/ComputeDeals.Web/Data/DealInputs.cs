using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;

namespace ComputeDeals.Web.Data;

/// <summary>The one projection of stored deals into Core's <see cref="DealInput"/> (without parties or sources).</summary>
public static class DealInputs
{
    /// <summary>The fields Core's deal rules read: status, type, dates, term, figures and data-center shares.</summary>
    public static IQueryable<DealInput> Project(IQueryable<Deal> deals) => deals.Select(d => new DealInput
    {
        Id = d.Id,
        Slug = d.Slug,
        Title = d.Title,
        Type = d.Type,
        Status = d.Status,
        AnnouncedOn = d.AnnouncedOn,
        AnnouncedPrecision = d.AnnouncedPrecision,
        Value = d.Value,
        ValuePeriod = d.ValuePeriod,
        Capacity = d.Capacity,
        Accelerators = d.Accelerators,
        TermStart = d.TermStart,
        TermEnd = d.TermEnd,
        TermMonths = d.TermMonths,
        DataCenters = d.DataCenters.OrderBy(x => x.Id).Select(x => new DealDataCenterInput(x.DataCenterId, x.Share)).ToList(),
    });
}
