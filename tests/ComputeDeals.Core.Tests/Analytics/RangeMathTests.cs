using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Tests.Analytics;

public class RangeMathTests
{
    [Fact]
    public void Division_takes_the_extremes()
    {
        // [3e9, 15e9] / [300, 300] = [1e7, 5e7]
        var perMw = RangeMath.Divide(FigureRange.Of(Figure.Range(3e9, 15e9)), FigureRange.Of(Figure.Exact(300)));
        Assert.NotNull(perMw);
        Assert.Equal((1e7, 5e7, false), (perMw.Low, perMw.High, perMw.IsOpenEnded));
    }

    [Fact]
    public void Dividing_by_an_undisclosed_range_is_undisclosed_not_zero()
    {
        var result = RangeMath.Divide(FigureRange.Of(Figure.Exact(5)), FigureRange.Of(Figure.Undisclosed()));
        Assert.NotNull(result);
        Assert.Equal((2, 2, 0), (result.Count, result.UndisclosedCount, result.DisclosedCount));
    }

    [Fact]
    public void A_divisor_that_can_be_zero_leaves_the_top_open()
    {
        // 5 / "up to 10": at least 0.5, no upper bound.
        var result = RangeMath.Divide(FigureRange.Of(Figure.Exact(5)), FigureRange.Of(Figure.UpTo(10)));
        Assert.NotNull(result);
        Assert.Equal((0.5, true), (result.Low, result.IsOpenEnded));
    }
}
