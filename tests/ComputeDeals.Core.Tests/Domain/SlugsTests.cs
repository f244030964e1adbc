using ComputeDeals.Core.Domain;

namespace ComputeDeals.Core.Tests.Domain;

public class SlugsTests
{
    [Theory]
    [InlineData("xAI sells Colossus 1 compute to Anthropic", "xai-sells-colossus-1-compute-to-anthropic")]
    [InlineData("  Hürriyet — Daily News!! ", "hurriyet-daily-news")]
    [InlineData("OpenAI/AWS: $38B", "openai-aws-38b")]
    public void Slug_is_lowercase_ascii_with_single_hyphens(string name, string expected) =>
        Assert.Equal(expected, Slugs.From(name));

    [Fact]
    public void Valid_slugs_are_their_own_slug()
    {
        Assert.True(Slugs.IsValid("colossus-1"));
        Assert.False(Slugs.IsValid("Colossus 1"));
        Assert.False(Slugs.IsValid(""));
        Assert.False(Slugs.IsValid(new string('a', Slugs.MaxLength + 1)));
    }
}

public class CapacityTimelineTests
{
    private static readonly CapacityRow[] Rows =
    [
        new() { Id = 1, EffectiveDate = new DateOnly(2024, 7, 1), Power = ComputeDeals.Core.Figures.Figure.About(150) },
        new() { Id = 2, EffectiveDate = new DateOnly(2025, 2, 1), Power = ComputeDeals.Core.Figures.Figure.About(300) },
    ];

    [Fact]
    public void Capacity_at_a_date_is_the_latest_row_on_or_before_it()
    {
        Assert.Null(CapacityTimeline.At(Rows, new DateOnly(2024, 6, 30)));
        Assert.Equal(150, CapacityTimeline.At(Rows, new DateOnly(2024, 7, 1))!.Power.Low);
        Assert.Equal(150, CapacityTimeline.At(Rows, new DateOnly(2025, 1, 31))!.Power.Low);
        Assert.Equal(300, CapacityTimeline.At(Rows, new DateOnly(2026, 5, 6))!.Power.Low);
    }

    [Fact]
    public void Term_end_comes_from_the_end_date_or_the_start_plus_months()
    {
        var deal = new Deal { Title = "t", Slug = "t", TermStart = new DateOnly(2025, 11, 3), TermMonths = 84 };
        Assert.Equal(new DateOnly(2032, 11, 3), deal.EffectiveTermEnd);
        deal.TermEnd = new DateOnly(2031, 12, 31);
        Assert.Equal(new DateOnly(2031, 12, 31), deal.EffectiveTermEnd);
    }
}
