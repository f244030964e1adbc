using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Tests.Figures;

public class FigureRangeTests
{
    [Fact]
    public void Sum_of_ranges_adds_lows_and_highs()
    {
        // [3, 15] + [5, 5] + [0, 40] = [8, 60]
        var sum = FigureRange.Sum([Figure.Range(3, 15), Figure.Exact(5), Figure.UpTo(40)]);
        Assert.Equal(new FigureRange(8, 60, 3, 0, 0), sum);
    }

    [Fact]
    public void Undisclosed_inputs_are_counted_and_add_nothing()
    {
        var sum = FigureRange.Sum([Figure.Exact(300), Figure.Undisclosed(), null]);
        Assert.Equal((300d, 300d, 3, 2, 1), (sum.Low, sum.High, sum.Count, sum.UndisclosedCount, sum.DisclosedCount));
    }

    [Fact]
    public void At_least_inputs_leave_the_top_open()
    {
        var sum = FigureRange.Sum([Figure.AtLeast(300), Figure.Exact(100)]);
        Assert.Equal((400d, 400d, true), (sum.Low, sum.High, sum.IsOpenEnded));
    }

    [Fact]
    public void Subtraction_widens_the_range()
    {
        // [300, 300] - [100, 150] = [150, 200]
        var result = FigureRange.Of(Figure.Exact(300)) - FigureRange.Of(Figure.Range(100, 150));
        Assert.Equal((150d, 200d), (result.Low, result.High));
    }

    [Fact]
    public void Sum_does_not_depend_on_order()
    {
        Figure?[] figures = [Figure.Range(1.2e9, 1.25e9), Figure.Undisclosed(), Figure.AtLeast(10), Figure.UpTo(40e9), Figure.Exact(7)];
        var forward = FigureRange.Sum(figures);
        var backward = FigureRange.Sum(figures.Reverse());
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Subtracting_an_open_topped_range_opens_the_bottom()
    {
        // Owned 0, contracted out "at least 1,000 MW": available is at most -1,000 MW, not "at least".
        var available = FigureRange.Empty - FigureRange.Of(Figure.AtLeast(1000));

        Assert.Equal((-1000d, -1000d, false, true), (available.Low, available.High, available.IsOpenEnded, available.IsOpenBelow));
        Assert.Equal("at most -1 GW", FigureFormatter.Format(available, FigureUnit.Megawatts));
    }

    [Fact]
    public void Adding_back_an_open_topped_range_keeps_both_directions_counted()
    {
        var result = FigureRange.Empty - FigureRange.Of(Figure.AtLeast(100)) + FigureRange.Of(Figure.AtLeast(300));

        Assert.Equal((200d, true, true), (result.Low, result.IsOpenEnded, result.IsOpenBelow));
    }
}
