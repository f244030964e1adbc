using System.Net;
using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Deals.Permalink;

/// <summary>Renames, drafts and edits change the data, so these tests have their own database.</summary>
public class DealChangesTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task ChangeAsync(Func<Web.Data.AppDbContext, Task> change)
    {
        await using (var db = app.CreateDbContext())
        {
            await change(db);
            await db.SaveLikeAWriteAsync();
        }

        await app.Services.GetRequiredService<ContentCache>().InvalidateAsync();
    }

    [Fact]
    public async Task A_renamed_deal_answers_301_from_its_old_slug_for_the_page_and_the_card()
    {
        await ChangeAsync(async db =>
        {
            var deal = await db.Deals.SingleAsync(d => d.Slug == "openai-coreweave-2025-05");
            deal.Slug = "openai-coreweave-may-2025";
            db.SlugHistory.Add(new SlugHistory { EntityKind = EntityKind.Deal, EntityId = deal.Id, OldSlug = "openai-coreweave-2025-05", ChangedAt = DateTimeOffset.UtcNow });
        });
        var client = app.NoRedirects();

        var page = await client.GetAsync(new Uri("/deals/openai-coreweave-2025-05", UriKind.Relative));
        var card = await client.GetAsync(new Uri("/deals/openai-coreweave-2025-05/card.png", UriKind.Relative));
        var renamed = await client.GetAsync(new Uri("/deals/openai-coreweave-may-2025", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, page.StatusCode);
        Assert.Equal("/deals/openai-coreweave-may-2025", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, card.StatusCode);
        Assert.Equal("/deals/openai-coreweave-may-2025/card.png", card.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
    }

    [Fact]
    public async Task A_renamed_company_and_data_center_answer_301_from_their_old_slugs()
    {
        await ChangeAsync(async db =>
        {
            var company = await db.Companies.SingleAsync(c => c.Slug == "cursor");
            company.Slug = "cursor-anysphere";
            db.SlugHistory.Add(new SlugHistory { EntityKind = EntityKind.Company, EntityId = company.Id, OldSlug = "cursor", ChangedAt = DateTimeOffset.UtcNow });
            var center = await db.DataCenters.SingleAsync(d => d.Slug == "barber-lake");
            center.Slug = "barber-lake-texas";
            db.SlugHistory.Add(new SlugHistory { EntityKind = EntityKind.DataCenter, EntityId = center.Id, OldSlug = "barber-lake", ChangedAt = DateTimeOffset.UtcNow });
        });
        var client = app.NoRedirects();

        var company = await client.GetAsync(new Uri("/companies/cursor", UriKind.Relative));
        var center = await client.GetAsync(new Uri("/datacenters/barber-lake", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, company.StatusCode);
        Assert.Equal("/companies/cursor-anysphere", company.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, center.StatusCode);
        Assert.Equal("/datacenters/barber-lake-texas", center.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_draft_or_deleted_deal_is_404_to_readers_with_the_not_found_page()
    {
        var client = app.NoRedirects();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/deals/openai-coreweave-2025-09", UriKind.Relative))).StatusCode);

        await ChangeAsync(async db =>
        {
            (await db.Deals.SingleAsync(d => d.Slug == "openai-coreweave-2025-09")).IsPublished = false;
            (await db.Deals.SingleAsync(d => d.Slug == "meta-coreweave-expansion")).IsDeleted = true;
        });

        foreach (var url in new[] { "/deals/openai-coreweave-2025-09", "/deals/meta-coreweave-expansion" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("We could not find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/deals/openai-coreweave-2025-09/card.png", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_edit_shows_on_the_cached_permalink_once_the_cache_is_invalidated()
    {
        var before = await app.GetPageAsync("/deals/openai-coreweave-2025-03");
        Assert.Equal("$11.9B", before.QuerySelector("[data-figure='value'] .cd-figure-text")!.TextContent);

        await ChangeAsync(async db =>
        {
            var deal = await db.Deals.SingleAsync(d => d.Slug == "openai-coreweave-2025-03");
            deal.Value = Core.Figures.Figure.UpTo(12_000_000_000);
            deal.Summary = "**Bold move.** <script>alert('x')</script> See [the filing](https://example.com/filing).";
        });

        var after = await app.GetPageAsync("/deals/openai-coreweave-2025-03");
        Assert.Equal("up to $12B", after.QuerySelector("[data-figure='value'] .cd-figure-text")!.TextContent);
        var summary = after.QuerySelector(".cd-markdown")!;
        Assert.Equal("Bold move.", summary.QuerySelector("strong")!.TextContent);
        Assert.Null(summary.QuerySelector("script"));
        Assert.Equal("https://example.com/filing", summary.QuerySelector("a")!.GetAttribute("href"));
    }
}
