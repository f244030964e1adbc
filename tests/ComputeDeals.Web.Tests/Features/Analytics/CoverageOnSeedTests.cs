using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Analytics;

/// <summary>
/// Capacity coverage on the seed (data/seed/README.md, "Coverage"), through the public AnalyticsQuery, the
/// /analytics page and the JSON API. The numbers are worked out by hand from data/seed on 1 June 2026.
/// </summary>
public class CoverageOnSeedTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private static readonly DateOnly June2026 = new(2026, 6, 1);

    private AnalyticsQuery Service => app.Services.CreateScope().ServiceProvider.GetRequiredService<AnalyticsQuery>();

    [Fact]
    public async Task Google_whose_own_sites_are_not_tracked_has_unknown_owned_and_available_capacity_not_at_most_minus_1_GW()
    {
        var google = (await Service.CompanyPositionAsync("google", June2026))!;

        // Google operates no data center in the seed (not tracked) and provides "well over a gigawatt" of TPUs
        // to Anthropic: owned 0 − at least 1,000 read "at most −1 GW" before; nothing about its own sites is known.
        Assert.Equal(CapacityCoverage.NotTracked, google.Coverage);
        Assert.Equal("at least 1 GW", google.ContractedOut.Text);
        Assert.Null(google.Owned);
        Assert.Null(google.Available);
        Assert.Equal("not tracked", google.AvailableText);
        Assert.Equal("not tracked", google.OwnedOperationalText);
    }

    [Fact]
    public async Task Amazon_with_one_tracked_site_owns_at_least_New_Carlisle_and_its_available_capacity_is_not_proven()
    {
        var amazon = (await Service.CompanyPositionAsync("amazon", June2026))!;

        // Partial: New Carlisle, about 1,092 MW (Epoch AI estimate), operational from 2026 → owned at least 1,092.
        Assert.Equal(CapacityCoverage.Partial, amazon.Coverage);
        Assert.Equal((1092d, 1092d, true), (amazon.Owned!.Low, amazon.Owned.High, amazon.Owned.IsOpenEnded));
        Assert.Equal("at least 1.09 GW", amazon.OwnedText);
        // Out: Anthropic up to 5,000 MW + the OpenAI–AWS deal (MW undisclosed) = [0, 5,000] + 1 undisclosed.
        Assert.Equal((0d, 5000d, 2, 1), (amazon.ContractedOut.Range.Low, amazon.ContractedOut.Range.High, amazon.ContractedOut.Range.Count, amazon.ContractedOut.Range.UndisclosedCount));
        // Available ≥ max(1,092 − 5,000, 0) + 0 = 0: nothing above zero is proven (was "−3.91–1.09 GW").
        Assert.Null(amazon.Available);
        Assert.Equal("not tracked", amazon.AvailableText);
    }

    [Fact]
    public async Task XAI_whose_sites_are_all_tracked_keeps_its_sum()
    {
        var xai = (await Service.CompanyPositionAsync("xai", June2026))!;

        // Complete: Colossus 1 (at least 300) + Colossus 2 (about 661) = 961, open at the top; out at least 300.
        Assert.Equal(CapacityCoverage.Complete, xai.Coverage);
        Assert.Equal(961d, xai.Owned!.Low);
        // 961 − 300 = 661; open above (Colossus 1 is "at least") and below (the sale is "over 300 MW").
        Assert.Equal((661d, 661d, true, true), (xai.Available!.Low, xai.Available.High, xai.Available.IsOpenEnded, xai.Available.IsOpenBelow));
        Assert.Null(xai.CoverageNote);
    }

    [Fact]
    public async Task Anthropic_which_operates_no_data_center_has_what_it_contracts_in()
    {
        var anthropic = (await Service.CompanyPositionAsync("anthropic", June2026))!;

        // Complete with no site: owned none. In: Colossus 1 (at least 300) + Amazon (up to 5,000) + Google (at least 1,000).
        Assert.Equal(CapacityCoverage.Complete, anthropic.Coverage);
        Assert.Equal("none", anthropic.OwnedText);
        Assert.Equal((1300d, 6300d, true), (anthropic.Available!.Low, anthropic.Available.High, anthropic.Available.IsOpenEnded));
        Assert.Equal("1.3–6.3 GW+", anthropic.AvailableText);
    }

    [Fact]
    public async Task The_league_table_never_shows_a_negative_and_sorts_unknown_capacity_last()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/analytics?asOf=2026-06-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        var rows = page.QuerySelectorAll(".cd-league tbody tr[data-company]").ToList();
        var available = rows.Select(r => r.QuerySelector("[data-field=available]")!.TextContent.Trim()).ToList();
        Assert.DoesNotContain(available, a => a.Contains('−', StringComparison.Ordinal) || a.Contains('-', StringComparison.Ordinal));
        Assert.Equal("not tracked", rows.Single(r => r.GetAttribute("data-company") == "google").QuerySelector("[data-field=available]")!.TextContent.Trim());
        var firstUnknown = available.IndexOf("not tracked");
        Assert.True(firstUnknown > 0);
        Assert.All(available.Skip(firstUnknown), a => Assert.Equal("not tracked", a));
        Assert.Contains("partly tracked", rows.Single(r => r.GetAttribute("data-company") == "amazon").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_this_number_says_what_is_missing()
    {
        var html = await app.CreateClient().GetStringAsync(new Uri("/analytics?asOf=2026-06-01&why=google:available", UriKind.Relative));
        var page = await new HtmlParser().ParseDocumentAsync(html);

        var note = page.QuerySelector("#why-google [data-coverage-note]")!;
        Assert.Contains("not tracked", note.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_carries_coverage_and_no_number_for_unknown_capacity()
    {
        var client = app.CreateClient();
        var capacity = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/analytics/capacity?asOf=2026-06-01", UriKind.Relative))).RootElement;
        var google = capacity.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("company").GetProperty("slug").GetString() == "google");

        Assert.Equal("notTracked", google.GetProperty("coverage").GetString());
        Assert.Equal(JsonValueKind.Null, google.GetProperty("availableMw").ValueKind);
        Assert.Equal(JsonValueKind.Null, google.GetProperty("ownedMw").ValueKind);
        Assert.Equal("not tracked", google.GetProperty("availableText").GetString());

        var amazon = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/companies/amazon", UriKind.Relative))).RootElement;
        Assert.Equal("partial", amazon.GetProperty("coverage").GetString());
    }

    [Fact]
    public async Task The_company_page_states_its_coverage()
    {
        var html = await app.CreateClient().GetStringAsync(new Uri("/companies/google", UriKind.Relative));
        var page = await new HtmlParser().ParseDocumentAsync(html);

        Assert.Equal("NotTracked", page.QuerySelector("[data-coverage]")!.GetAttribute("data-coverage"));
        Assert.DoesNotContain("at most", page.QuerySelector(".cd-capacity-position")!.TextContent, StringComparison.Ordinal);
    }
}
