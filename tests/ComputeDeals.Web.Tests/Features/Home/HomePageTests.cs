using ComputeDeals.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Home;

public class HomePageTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> HomeOnAsync(DateTimeOffset now)
    {
        using var factory = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FixedTime(now))));
        var html = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));
        return await PageClient.ParseAsync(html);
    }

    [Fact]
    public async Task Headline_figures_are_sums_with_ranges_and_undisclosed_counts()
    {
        var page = await HomeOnAsync(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

        static string Figure(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
            page.QuerySelector($"[data-figure='{name}'] dd a")!.TextContent.Trim();

        Assert.Equal("15", Figure(page, "deals"));
        // Every deal is announced or closed, so all 15 count, each at its value over the whole term.
        // Lows 5+10+0+11.9+4+6.5+0+35+0+38+3+20 = 133.4B, highs 25+10+40+11.9+4+6.5+14.2+35+100+38+3+20 = 307.6B,
        // one "at least" (open top); undisclosed: the two deals without a value and the Colossus deal, whose
        // per-year value has no known term (so no total).
        Assert.Equal("$133–308B+ + 3 undisclosed", Figure(page, "value"));
        // Capacity deals: Colossus ≥300, Amazon ≤5000, Google ≥1000, Barber Lake 168; six more with no MW.
        Assert.Equal("1.47–6.47 GW+ + 6 undisclosed", Figure(page, "capacity"));
        Assert.Contains("3 undisclosed not counted", page.QuerySelector("[data-figure='value']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capacity_leaders_rank_operators_by_operational_mw_at_today()
    {
        var page = await HomeOnAsync(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

        var rows = page.QuerySelectorAll(".cd-leaders tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToArray();
        Assert.Equal(["Amazon", "xAI", "Microsoft", "Oracle", "Meta", "Cipher Mining"], rows.Select(r => r[0]).ToArray());
        // Amazon's coverage is partial (New Carlisle is one of many sites): at least its ~1,092 MW.
        Assert.Equal("at least 1.09 GW", rows[0][2]);
        // Colossus 1 (at least 300 MW since May 2026) + Colossus 2 (~661 MW).
        Assert.Equal("at least 961 MW", rows[1][2]);
        // Meta (partial): Prometheus, ~820 MW under construction, is at least what it has in the pipeline.
        Assert.Equal("at least 820 MW", rows[4][3]);
    }

    [Fact]
    public async Task Capacity_leaders_use_the_rows_in_force_at_the_date()
    {
        // In August 2024 only Colossus 1 had a row (about 150 MW since July 2024); every other row is from 2025 or later.
        var page = await HomeOnAsync(new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero));

        var rows = page.QuerySelectorAll(".cd-leaders tbody tr");
        var xai = Assert.Single(rows);
        Assert.Equal("xAI", xai.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("150 MW", xai.QuerySelectorAll("td")[2].TextContent.Trim());
    }
}
