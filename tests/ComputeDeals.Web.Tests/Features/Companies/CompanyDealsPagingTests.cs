using AngleSharp.Html.Parser;
using ComputeDeals.Testing;
using ComputeDeals.Web.Tests.Api;

namespace ComputeDeals.Web.Tests.Features.Companies;

/// <summary>A busy company's page lists the latest deals per role and links to the paged timeline for the rest.</summary>
public class CompanyDealsPagingTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task A_role_with_more_deals_than_the_page_lists_shows_the_first_ones_and_links_to_the_timeline()
    {
        // The seed has 1 deal with xAI as seller; 30 more make 31.
        for (var i = 0; i < 30; i++)
        {
            await ApiTestData.AddDealAsync(app, $"paging-deal-{i:00}", $"Paging deal {i:00}");
        }

        var html = await app.CreateClient().GetStringAsync(new Uri("/companies/xai", UriKind.Relative));
        var page = await new HtmlParser().ParseDocumentAsync(html);

        var heading = page.QuerySelector("#deals-as-seller")!;
        Assert.Contains("(31)", heading.TextContent, StringComparison.Ordinal);
        var table = heading.NextElementSibling!;
        Assert.Equal(ComputeDeals.Web.Features.Companies.CompanyPage.MaxDealsPerRole, table.QuerySelectorAll("tbody tr").Length);
        var more = page.QuerySelector("[data-deals-more=seller]")!;
        Assert.Equal("/deals?company=xai", more.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-deals-more=target]"));
    }
}
