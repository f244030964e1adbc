using System.IO.Compression;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Api;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Releases;
using ComputeDeals.Web.Tests.Api;
using ComputeDeals.Web.Tests.Features.AsRecorded;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Releases;

public class ReleaseTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    private const string Slug = "openai-coreweave-2025-05";

    private T Service<T>()
        where T : notnull => app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<ClaimsPrincipal> EditorAsync()
    {
        var id = await app.CreateUserAsync("release-editor@example.com", "Editor");
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "release-editor@example.com")], "test"));
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Releases_are_immutable_checksummed_counted_and_changelogged_against_the_previous_one()
    {
        var client = app.CreateClient();
        app.Clock.Set(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var first = await Service<ReleaseService>().CreateAsync("test");
        Assert.Equal("2026-11-29.1", first.Id);

        var json1 = await client.GetByteArrayAsync(new Uri("/data/releases/2026-11-29.1.json", UriKind.Relative));
        var zip1 = await client.GetByteArrayAsync(new Uri("/data/releases/2026-11-29.1.zip", UriKind.Relative));
        Assert.Equal(first.JsonSha256, Sha(json1));
        Assert.Equal(first.ZipSha256, Sha(zip1));

        // The JSON document: licence, counts equal to the records it holds.
        using (var document = JsonDocument.Parse(json1))
        {
            var root = document.RootElement;
            Assert.Equal("CC-BY-4.0", root.GetProperty("license").GetString());
            Assert.Equal(root.GetProperty("data").GetProperty("deals").GetArrayLength(), root.GetProperty("counts").GetProperty("deals").GetInt32());
            Assert.True(root.GetProperty("counts").GetProperty("deals").GetInt32() > 10);
        }

        // The zip: one CSV per table, deals.csv has one line per deal plus the header.
        using (var zip = new ZipArchive(new MemoryStream(zip1)))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "deals.csv");
            Assert.Contains(zip.Entries, e => e.FullName == "sources.csv");
            using var reader = new StreamReader(zip.GetEntry("deals.csv")!.Open());
            var rows = Rfc4180Reader.Parse(await reader.ReadToEndAsync());
            using var counted = JsonDocument.Parse(json1);
            Assert.Equal(counted.RootElement.GetProperty("counts").GetProperty("deals").GetInt32() + 1, rows.Count);

            // companies.csv carries each company's coverage, as stored.
            using var companiesReader = new StreamReader(zip.GetEntry("companies.csv")!.Open());
            var companies = Rfc4180Reader.ParseWithHeader(await companiesReader.ReadToEndAsync(), out var header);
            Assert.Contains("coverage", header);
            await using var db = app.CreateDbContext();
            // Enum values in camelCase, as in every CSV and the JSON.
            var stored = db.Companies.Where(c => !c.IsDeleted).AsEnumerable().ToDictionary(c => c.Slug, c => DealCsvLayout.Name(c.Coverage));
            Assert.Equal(stored.Count, companies.Count);
            Assert.All(companies, c => Assert.Equal(stored[c["slug"]], c["coverage"]));
            Assert.Contains(companies, c => c["coverage"] == "complete");
        }

        // A scripted sequence of edits a day later.
        app.Clock.Set(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var editor = Service<DealEditor>();
        var deal = (await editor.LoadBySlugAsync(Slug))!;
        var oldTitle = deal.Title;
        deal.Title = "Retitled for the changelog";
        deal.Capacity = Figure.Exact(321);
        Assert.Equal(EditOutcome.Saved, (await editor.SaveAsync(await EditorAsync(), deal)).Outcome);
        var toUnpublish = (await Service<DealEditor>().LoadBySlugAsync("openai-coreweave-2025-09"))!;
        Assert.Equal(EditOutcome.Saved, (await Service<DealEditor>().SetPublishedAsync(await EditorAsync(), toUnpublish.Id, toUnpublish.Version, false)).Outcome);

        // The first release's downloads are the same bytes after the edits and a day later.
        Assert.Equal(json1, await client.GetByteArrayAsync(new Uri("/data/releases/2026-11-29.1.json", UriKind.Relative)));
        Assert.Equal(zip1, await client.GetByteArrayAsync(new Uri("/data/releases/2026-11-29.1.zip", UriKind.Relative)));

        var second = await Service<ReleaseService>().CreateAsync("test");
        Assert.Equal("2026-11-30.1", second.Id);
        var found = await Service<ReleaseService>().FindAsync(second.Id);
        var log = found!.Value.Changelog;
        Assert.Equal("2026-11-29.1", log.PreviousId);
        Assert.Contains(log.Removed, r => r.Kind == "deal" && r.Id == toUnpublish.Id);
        var changed = Assert.Single(log.Changed, c => c.Kind == "deal" && c.Id == deal.Id);
        var title = Assert.Single(changed.Fields, f => f.Field == "title");
        Assert.Equal(oldTitle, title.Old);
        Assert.Equal("Retitled for the changelog", title.New);
        Assert.Contains(changed.Fields, f => f.Field == "capacity" && f.New!.Contains("321", StringComparison.Ordinal));
        Assert.Empty(log.Added);

        // The release page shows checksums, counts and the changelog.
        var page = await app.GetPageAsync($"/data/releases/{second.Id}");
        Assert.Equal(second.JsonSha256, page.QuerySelector("tr[data-download=json] .cd-sha")!.TextContent);
        Assert.Equal(second.ZipSha256, page.QuerySelector("tr[data-download=zip] .cd-sha")!.TextContent);
        Assert.NotNull(page.QuerySelector($"[data-changelog=changed] li[data-record='deal:{deal.Id}'] li[data-field=title]"));
        Assert.Contains(oldTitle, page.QuerySelector($"[data-changelog=changed] li[data-record='deal:{deal.Id}'] li[data-field=title] del")!.TextContent, StringComparison.Ordinal);

        // A permalink pinned to the first release shows the deal as it was then.
        var pinned = await app.GetPageAsync($"/deals/{Slug}?release=2026-11-29.1");
        Assert.Equal(oldTitle, pinned.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("release 2026-11-29.1", pinned.QuerySelector(".cd-as-recorded-banner")!.TextContent, StringComparison.Ordinal);

        // /data lists both releases and describes the dataset in schema.org terms.
        var data = await app.GetPageAsync("/data");
        Assert.NotNull(data.QuerySelector("tr[data-release='2026-11-29.1']"));
        Assert.NotNull(data.QuerySelector("tr[data-release='2026-11-30.1']"));
        var ld = data.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement).Single(e => e.GetProperty("@type").GetString() == "Dataset");
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", ld.GetProperty("license").GetString());
        Assert.Equal("2026-11-30.1", ld.GetProperty("version").GetString());
        foreach (var property in new[] { "name", "description", "creator", "temporalCoverage", "dateModified" })
        {
            Assert.True(ld.TryGetProperty(property, out _), property);
        }

        var distribution = ld.GetProperty("distribution").EnumerateArray().ToList();
        Assert.Contains(distribution, d => d.GetProperty("contentUrl").GetString()!.EndsWith("/data/releases/2026-11-30.1.json", StringComparison.Ordinal) && d.GetProperty("encodingFormat").GetString() == "application/json");
    }

    [Fact]
    public async Task Exports_carry_the_licence_link_and_every_page_footer_states_it()
    {
        var client = app.CreateClient();
        var csv = await client.GetAsync(new Uri("/api/v1/deals.csv", UriKind.Relative));
        Assert.Contains(csv.Headers.GetValues("Link"), v => v.Contains("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"", StringComparison.Ordinal));

        foreach (var path in new[] { "/", "/deals", "/data", $"/deals/{Slug}" })
        {
            var page = await app.GetPageAsync(path);
            Assert.Equal("https://creativecommons.org/licenses/by/4.0/", page.QuerySelector("footer .cd-license a[rel=license]")?.GetAttribute("href"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/data/releases/1999-01-01.1.json", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/data/releases/1999-01-01.1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Only_admins_create_releases_from_the_admin_page()
    {
        var anonymous = await app.NoRedirects().GetAsync(new Uri("/admin/releases", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        var admin = await app.SignedInClientAsync("release-admin@example.com", "Admin");
        var page = await admin.GetStringAsync(new Uri("/admin/releases", UriKind.Relative));
        var token = Corrections.SuggestForm.TokenOf(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["confirm"] = "yes" });
        var created = await admin.PostAsync(new Uri("/admin/releases", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/data/releases/", created.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var editor = await app.SignedInClientAsync("release-plain-editor@example.com", "Editor");
        var editorPage = await editor.GetStringAsync(new Uri("/suggest/deals/" + Slug, UriKind.Relative));
        using var editorForm = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Corrections.SuggestForm.TokenOf(editorPage), ["confirm"] = "yes" });
        var refused = await editor.PostAsync(new Uri("/admin/releases", UriKind.Relative), editorForm);
        Assert.False(refused.Headers.Location?.OriginalString.StartsWith("/data/releases/", StringComparison.Ordinal) == true, "An editor without the Admin role made a release.");
        Assert.Single(await Service<ReleaseService>().ListAsync(), r => r.Id == created.Headers.Location!.OriginalString["/data/releases/".Length..]);
    }
}
