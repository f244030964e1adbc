using System.Globalization;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Network;

/// <summary>The map at the size the issue names: 200 companies and 2,000 deals between them.</summary>
public class NetworkScaleTests(TestAppFactory app) : IClassFixture<TestAppFactory>, IAsyncLifetime
{
    private const int Companies = 200;

    private const int Deals = 2_000;

    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.Companies.AnyAsync(c => c.Slug == "scale-company-001"))
        {
            return; // xunit makes an instance per test; the fixture's database is filled once.
        }

        var random = new Random(200);
        var companies = Enumerable.Range(1, Companies).Select(i => new Company
        {
            // Names of different lengths, like real ones, so label widths differ.
            Name = $"Scale company {i:000}" + new string('x', random.Next(0, 12)),
            Slug = $"scale-company-{i:000}",
            Kind = (CompanyKind)(i % 5),
        }).ToList();
        db.Companies.AddRange(companies);
        await db.SaveLikeAWriteAsync();

        for (var i = 0; i < Deals; i++)
        {
            var seller = companies[random.Next(Companies)];
            var buyer = companies[(companies.IndexOf(seller) + 1 + random.Next(Companies - 1)) % Companies];
            db.Deals.Add(new Deal
            {
                Title = $"Scale deal {i:0000}",
                Slug = $"scale-deal-{i:0000}",
                AnnouncedOn = new DateOnly(2025, 1 + (i % 12), 1 + (i % 28)),
                Type = DealType.ChipPurchase,
                Status = DealStatus.Announced,
                IsPublished = true,
                Value = Figure.Exact((1 + random.Next(500)) * 1e8),
                Parties =
                [
                    new DealParty { CompanyId = seller.Id, Role = PartyRole.Seller },
                    new DealParty { CompanyId = buyer.Id, Role = PartyRole.Buyer },
                ],
            });
        }

        await db.SaveLikeAWriteAsync();
        await app.Services.GetRequiredService<Web.Features.ReadModel.ReadModel>().RefreshAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/network?type=chipPurchase")]
    [InlineData("/network?type=chipPurchase&top=500")]
    public async Task At_200_companies_and_2000_deals_labels_are_capped_and_never_overlap(string url)
    {
        var page = await app.GetPageAsync(url);

        var nodes = page.QuerySelectorAll("svg.cd-network-svg .cd-node");
        var labels = page.QuerySelectorAll("svg.cd-network-svg .cd-node text");
        Assert.True(nodes.Length > NetworkQuery.MaxLabels, $"{nodes.Length} companies drawn");
        Assert.InRange(labels.Length, 1, NetworkQuery.MaxLabels);
        // Every company keeps its name: as a tooltip on the map and a row of the table.
        Assert.All(nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.QuerySelector("title")?.TextContent)));
        Assert.Equal(nodes.Length, page.QuerySelectorAll("table[data-network-nodes] tbody tr").Length);

        // No two written names overlap, measured from what the page wrote (x, baseline, text) at the label font's widest character.
        var boxes = labels.Select(t =>
        {
            var x = double.Parse(t.GetAttribute("x")!, CultureInfo.InvariantCulture);
            var baseline = double.Parse(t.GetAttribute("y")!, CultureInfo.InvariantCulture);
            var width = (t.TextContent.Length * NetworkQuery.LabelCharWidth) + 4;
            return (Name: t.TextContent, Box: new LabelBox(x - (width / 2), baseline - NetworkQuery.LabelFontSize, width, NetworkQuery.LabelFontSize + 3));
        }).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Box.Overlaps(boxes[j].Box), $"“{boxes[i].Name}” overlaps “{boxes[j].Name}”");
            }
        }
    }

    [Fact]
    public async Task By_default_the_map_draws_the_largest_deals_and_says_how_many_match()
    {
        var page = await app.GetPageAsync("/network?type=chipPurchase");

        var edges = page.QuerySelectorAll("svg.cd-network-svg .cd-flow");
        Assert.Equal(NetworkUrl.DefaultTop, edges.Length);
        // Chip purchases exist only in this generated data (the seed has none): exactly 2,000 match.
        Assert.Contains($"from the {NetworkUrl.DefaultTop} largest of 2,000 matching deals", page.QuerySelector("p.cd-count")!.TextContent, StringComparison.Ordinal);
    }
}
