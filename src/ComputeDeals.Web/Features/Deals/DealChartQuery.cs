using ComputeDeals.Core.Analytics;

namespace ComputeDeals.Web.Features.Deals;

/// <summary>A company that can be picked in the timeline's company filter.</summary>
public sealed record CompanyChoice(string Slug, string Name);

/// <summary>Aggregates behind the timeline chart and the choices of its filter bar.</summary>
public sealed class DealChartQuery(ReadModel.ReadModel readModel)
{
    /// <summary>
    /// <see cref="DealTotals"/> per quarter for every filtered deal (paging and sort ignored), oldest
    /// quarter first, gaps filled; read from the snapshot.
    /// </summary>
    public Task<IReadOnlyList<QuarterTotals>> ByQuarterAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        var snapshot = readModel.Current;
        var deals = DealListQuery.Matching(snapshot, filter).Select(p => snapshot.Deals[p].Input);
        return Task.FromResult(DealTotals.ByQuarter(deals));
    }

    /// <summary>Companies that are party to at least one published deal, by name.</summary>
    public Task<IReadOnlyList<CompanyChoice>> CompaniesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(readModel.Current.CompanyChoices);
}
