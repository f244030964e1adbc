using System.Text.Json;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Releases;

/// <summary>A small independent BibTeX reader: one entry, braces balanced, fields name = {value}.</summary>
internal static class BibTeXReader
{
    public static (string Type, string Key, Dictionary<string, string> Fields) Parse(string text)
    {
        var i = text.IndexOf('@', StringComparison.Ordinal);
        if (i < 0)
        {
            throw new FormatException("No entry.");
        }

        var open = text.IndexOf('{', i);
        var type = text[(i + 1)..open].Trim();
        var comma = text.IndexOf(',', open);
        var key = text[(open + 1)..comma].Trim();
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '{' or '}' or ','))
        {
            throw new FormatException($"Bad key '{key}'.");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pos = comma + 1;
        while (true)
        {
            while (pos < text.Length && (char.IsWhiteSpace(text[pos]) || text[pos] == ','))
            {
                pos++;
            }

            if (pos >= text.Length)
            {
                throw new FormatException("Entry not closed.");
            }

            if (text[pos] == '}')
            {
                if (text[(pos + 1)..].Trim().Length != 0)
                {
                    throw new FormatException("Text after the entry.");
                }

                return (type, key, fields);
            }

            var eq = text.IndexOf('=', pos);
            var name = text[pos..eq].Trim();
            pos = eq + 1;
            while (char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (text[pos] != '{')
            {
                throw new FormatException($"Field {name} is not braced.");
            }

            var depth = 0;
            var start = pos + 1;
            for (; pos < text.Length; pos++)
            {
                if (text[pos] == '\\')
                {
                    pos++;
                    continue;
                }

                if (text[pos] == '{')
                {
                    depth++;
                }
                else if (text[pos] == '}' && --depth == 0)
                {
                    break;
                }
            }

            if (depth != 0)
            {
                throw new FormatException($"Unbalanced braces in {name}.");
            }

            fields.Add(name, text[start..pos]);
            pos++;
        }
    }
}

/// <summary>A small independent RIS reader: "XX  - value" lines from TY to ER.</summary>
internal static class RisReader
{
    public static List<(string Tag, string Value)> Parse(string text)
    {
        var lines = text.Split("\r\n");
        Assert.Equal(string.Empty, lines[^1]);
        var tags = new List<(string, string)>();
        foreach (var line in lines[..^1])
        {
            if (line.Length < 6 || !char.IsAsciiLetterUpper(line[0]) || !char.IsAsciiLetterUpper(line[1]) && !char.IsAsciiDigit(line[1]) || line[2..6] != "  - ")
            {
                throw new FormatException($"Not a RIS line: '{line}'.");
            }

            tags.Add((line[..2], line[6..]));
        }

        if (tags.Count < 2 || tags[0].Item1 != "TY" || tags[^1].Item1 != "ER")
        {
            throw new FormatException("A RIS record starts with TY and ends with ER.");
        }

        return tags;
    }
}

public class CitationTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public void Awkward_titles_still_give_parseable_BibTeX_and_RIS()
    {
        var citation = new Citation("Braces {unbalanced and 100% $5B & #1_x\\ \n second line", "ComputeDeals", "ComputeDeals", "2026-11-29.1", "https://example.com/deals/x?release=2026-11-29.1", new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 29));

        var (type, key, fields) = BibTeXReader.Parse(citation.BibTeX);
        Assert.Equal("misc", type);
        Assert.Equal(citation.Key, key);
        Assert.Equal("2026-11-29.1", fields["version"]);
        Assert.Equal("https://example.com/deals/x?release=2026-11-29.1", fields["url"]);
        Assert.DoesNotContain('\n', fields["title"]);

        var ris = RisReader.Parse(citation.Ris);
        Assert.Contains(("UR", "https://example.com/deals/x?release=2026-11-29.1"), ris);
        Assert.Contains(("ET", "2026-11-29.1"), ris);
        Assert.Contains(("Y2", "2026/11/29"), ris);
    }

    [Fact]
    public async Task Permalinks_analytics_and_data_have_a_cite_block_whose_downloads_parse()
    {
        await app.Services.CreateScope().ServiceProvider.GetRequiredService<ReleaseService>().CreateAsync("test");
        var release = await app.Services.CreateScope().ServiceProvider.GetRequiredService<ReleaseService>().LatestIdAsync();
        var client = app.CreateClient();
        foreach (var (path, title) in new[]
        {
            ("/deals/openai-coreweave-2025-05", (string?)null),
            ("/companies/cursor", "Cursor"),
            ("/datacenters/barber-lake", null),
            ("/analytics", "Analytics: compute capacity, valuations and deal value"),
            ("/data", null),
        })
        {
            var page = await app.GetPageAsync(path);
            var text = page.QuerySelector(".cd-cite [data-cite=text]")?.TextContent;
            Assert.NotNull(text);
            Assert.Contains($"release {release}", text, StringComparison.Ordinal);
            Assert.Contains($"{path}?release={release}", text, StringComparison.Ordinal);
            Assert.Contains("accessed", text, StringComparison.Ordinal);

            var bib = await client.GetStringAsync(new Uri(page.QuerySelector(".cd-cite a[data-cite=bib]")!.GetAttribute("href")!, UriKind.Relative));
            var (_, _, fields) = BibTeXReader.Parse(bib);
            Assert.EndsWith($"{path}?release={release}", fields["url"], StringComparison.Ordinal);
            if (title is not null)
            {
                Assert.Equal(title, fields["title"]);
            }

            var ris = RisReader.Parse(await client.GetStringAsync(new Uri(page.QuerySelector(".cd-cite a[data-cite=ris]")!.GetAttribute("href")!, UriKind.Relative)));
            Assert.Contains(ris, t => t.Tag == "TI" && t.Value.Length > 0);

            using var csl = JsonDocument.Parse(await client.GetStringAsync(new Uri(page.QuerySelector(".cd-cite a[data-cite=csl]")!.GetAttribute("href")!, UriKind.Relative)));
            var item = csl.RootElement[0];
            Assert.Equal("dataset", item.GetProperty("type").GetString());
            Assert.Equal(release, item.GetProperty("version").GetString());
            Assert.Equal(3, item.GetProperty("accessed").GetProperty("date-parts")[0].GetArrayLength());
        }

        var bad = await client.GetAsync(new Uri("/cite.bib?path=//evil.example/x", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
