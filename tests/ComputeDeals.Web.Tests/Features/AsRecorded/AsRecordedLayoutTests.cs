using System.Security.Claims;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.AsRecorded;

/// <summary>
/// An as-recorded permalink is the live page's own layout with the values of then: render the page,
/// edit the record, render ?asOf= (or ?release=) of the earlier moment, and the record's part of the
/// page (header, figures, parties, data centers, summary, sources; a profile's description and
/// capacity timeline) is the same markup as before the edit.
/// </summary>
public partial class AsRecordedLayoutTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    /// <summary>The parts of a permalink that show the record itself (not the live page's tools, lists of other records or history).</summary>
    private static readonly string[] RecordSections =
        ["parties-heading", "figures-heading", "datacenters-heading", "summary-heading", "sources-heading", "capacity-heading"];

    private static string RecordPart(IHtmlDocument page)
    {
        var article = page.QuerySelector("article[data-record]");
        Assert.NotNull(article);
        var kept = article.Children.Where(e =>
            e.LocalName == "header"
            || (e.LocalName == "div" && e.ClassList.Contains("cd-markdown"))
            || (e.LocalName == "section" && RecordSections.Contains(e.GetAttribute("aria-labelledby"))));
        return Whitespace().Replace(string.Concat(kept.Select(e => e.OuterHtml)), " ").Trim();
    }

    private async Task<ClaimsPrincipal> EditorAsync()
    {
        var id = await app.CreateUserAsync("as-recorded-layout@example.com", "Editor");
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "as-recorded-layout@example.com")], "test"));
    }

    [Fact]
    public async Task A_deal_as_recorded_is_the_live_permalink_of_then_after_edits_to_every_part()
    {
        const string slug = "cipher-fluidstack-barber-lake";
        var live = await app.GetPageAsync($"/deals/{slug}");
        var before = RecordPart(live);
        Assert.Contains("figures-heading", before, StringComparison.Ordinal);
        Assert.Contains("sources-heading", before, StringComparison.Ordinal);

        app.Clock.Set(new DateTimeOffset(2026, 6, 15, 9, 30, 0, TimeSpan.Zero));
        using (var scope = app.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<DealEditor>();
            var deal = (await editor.LoadBySlugAsync(slug))!;
            deal.Title = "Retitled after the fact";
            deal.Value = Figure.Range(1e9, 2e9, FigureBasis.Estimated) with { Note = "reports differ; [sic]" };
            deal.Capacity = Figure.UpTo(123);
            deal.Accelerators = null;
            deal.Status = DealStatus.Cancelled;
            deal.TermMonths = 7;
            deal.Summary = "A **new** summary.";
            deal.Parties[0].Role = PartyRole.Partner;
            deal.Sources.Add(new DealSource { Source = new Source { Url = "https://example.com/later-report", Title = "A later report" }, Supports = SourceSupports.Value });
            Assert.Equal(EditOutcome.Saved, (await editor.SaveAsync(await EditorAsync(), deal)).Outcome);
        }

        var after = RecordPart(await app.GetPageAsync($"/deals/{slug}"));
        Assert.NotEqual(before, after);

        var recorded = await app.GetPageAsync($"/deals/{slug}?asOf=2026-05-01");
        Assert.Equal(before, RecordPart(recorded));
        Assert.Contains("As recorded on 1 May 2026", recorded.QuerySelector(".cd-as-recorded-banner")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(recorded.QuerySelector("#changes-since"));
        // The live page's tools are not part of a past version.
        Assert.Null(recorded.QuerySelector("#share-heading"));
        Assert.Null(recorded.QuerySelector("#cd-permalink-url"));

        // The day of the edit shows the edited version in the same layout.
        Assert.Equal(after, RecordPart(await app.GetPageAsync($"/deals/{slug}?asOf=2026-06-15")));
    }

    [Fact]
    public async Task A_company_and_a_data_center_as_recorded_are_their_live_pages_of_then()
    {
        app.Clock.Set(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
        var companyBefore = RecordPart(await app.GetPageAsync("/companies/cursor"));
        var centerBefore = RecordPart(await app.GetPageAsync("/datacenters/barber-lake"));
        Assert.Contains("capacity-heading", centerBefore, StringComparison.Ordinal);

        app.Clock.Set(new DateTimeOffset(2026, 7, 2, 8, 0, 0, TimeSpan.Zero));
        var user = await EditorAsync();
        using (var scope = app.Services.CreateScope())
        {
            var companies = scope.ServiceProvider.GetRequiredService<CompanyEditor>();
            int companyId, centerId;
            await using (var db = app.CreateDbContext())
            {
                companyId = await db.Companies.Where(c => c.Slug == "cursor").Select(c => c.Id).SingleAsync();
                centerId = await db.DataCenters.Where(c => c.Slug == "barber-lake").Select(c => c.Id).SingleAsync();
            }

            var company = (await companies.LoadAsync(companyId))!;
            company.Description = "Rewritten *later*.";
            company.Country = "FR";
            company.Website = "https://example.com/cursor-later";
            company.Kind = CompanyKind.Investor;
            company.Aliases = [new CompanyAlias { Name = "Anysphere Later" }];
            Assert.Equal(EditOutcome.Saved, (await companies.SaveAsync(user, company)).Outcome);

            var centers = scope.ServiceProvider.GetRequiredService<DataCenterEditor>();
            var center = (await centers.LoadAsync(centerId))!;
            center.City = "Elsewhere";
            center.Status = FacilityStatus.Decommissioned;
            center.Description = "Moved, on paper.";
            center.Capacity.Add(new CapacityRow
            {
                EffectiveDate = new DateOnly(2026, 7, 1),
                Precision = DatePrecision.Month,
                Power = Figure.About(999),
                Status = FacilityStatus.Planned,
                Source = new Source { Url = "https://example.com/barber-later", Title = "Later capacity report" },
            });
            Assert.Equal(EditOutcome.Saved, (await centers.SaveAsync(user, center)).Outcome);
        }

        var companyNow = RecordPart(await app.GetPageAsync("/companies/cursor"));
        var centerNow = RecordPart(await app.GetPageAsync("/datacenters/barber-lake"));
        Assert.NotEqual(companyBefore, companyNow);
        Assert.NotEqual(centerBefore, centerNow);

        var company1May = await app.GetPageAsync("/companies/cursor?asOf=2026-05-01");
        Assert.Equal(companyBefore, RecordPart(company1May));
        Assert.NotNull(company1May.QuerySelector("[data-recorded-note]"));
        Assert.Equal(centerBefore, RecordPart(await app.GetPageAsync("/datacenters/barber-lake?asOf=2026-05-01")));
        Assert.Equal(companyNow, RecordPart(await app.GetPageAsync("/companies/cursor?asOf=2026-07-02")));
        Assert.Equal(centerNow, RecordPart(await app.GetPageAsync("/datacenters/barber-lake?asOf=2026-07-02")));
    }

    [Fact]
    public async Task A_release_pinned_permalink_is_the_live_page_as_the_release_holds_it()
    {
        const string slug = "openai-aws-2025-11";
        app.Clock.Set(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
        string releaseId;
        using (var scope = app.Services.CreateScope())
        {
            releaseId = (await scope.ServiceProvider.GetRequiredService<ReleaseService>().CreateAsync("test")).Id;
        }

        var before = RecordPart(await app.GetPageAsync($"/deals/{slug}"));

        app.Clock.Set(new DateTimeOffset(2026, 8, 3, 12, 0, 0, TimeSpan.Zero));
        using (var scope = app.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<DealEditor>();
            var deal = (await editor.LoadBySlugAsync(slug))!;
            deal.Value = Figure.Exact(1);
            deal.Summary = "Changed after the release.";
            Assert.Equal(EditOutcome.Saved, (await editor.SaveAsync(await EditorAsync(), deal)).Outcome);
        }

        Assert.NotEqual(before, RecordPart(await app.GetPageAsync($"/deals/{slug}")));
        var pinned = await app.GetPageAsync($"/deals/{slug}?release={releaseId}");
        Assert.Equal(before, RecordPart(pinned));
        Assert.Contains($"As recorded on release {releaseId}", pinned.QuerySelector(".cd-as-recorded-banner")!.TextContent, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
