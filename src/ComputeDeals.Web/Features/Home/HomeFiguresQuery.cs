namespace ComputeDeals.Web.Features.Home;

/// <summary>The home page's headline numbers over published deals.</summary>
/// <param name="DealsTracked">Published deals.</param>
/// <param name="TotalValue">
/// The value of every deal that counts, over its whole term (<see cref="DealTotals"/>: the same sum as the
/// timeline chart and the quarterly analytics; undisclosed values are counted, not taken as zero).
/// </param>
/// <param name="ContractedCapacity">MW of the capacity deals that count (<see cref="DealTerms.MovesCapacity"/>).</param>
public sealed record HomeFigures(int DealsTracked, FigureRange TotalValue, FigureRange ContractedCapacity);

/// <summary>Computes <see cref="HomeFigures"/> from the read model (no SQL), once per snapshot.</summary>
public sealed class HomeFiguresQuery(ReadModel.ReadModel readModel)
{
    public Task<HomeFigures> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(readModel.Current.Memo("home/figures", Compute));

    public static HomeFigures Compute(ReadSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var deals = snapshot.Deals.Select(e => e.Input).ToList();
        var all = DealTotals.Of(deals);
        var capacity = DealTotals.Of(deals.Where(d => DealTerms.MovesCapacity(d.Type)));
        return new HomeFigures(deals.Count, all.Value, capacity.Mw);
    }
}
