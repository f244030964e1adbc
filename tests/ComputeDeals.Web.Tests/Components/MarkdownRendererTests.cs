using ComputeDeals.Web.Components.Shared;

namespace ComputeDeals.Web.Tests.Components;

public class MarkdownRendererTests
{
    [Fact]
    public void Markdown_becomes_html_with_emphasis_and_links()
    {
        var html = MarkdownRenderer.ToSafeHtml("xAI sold **all** of [Colossus 1](https://example.com/a).");

        Assert.Equal(
            "<p>xAI sold <strong>all</strong> of <a href=\"https://example.com/a\" rel=\"nofollow noopener noreferrer\">Colossus 1</a>.</p>\n",
            html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Raw_html_and_script_links_never_survive(string markdown)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);

        // Raw HTML is shown as text, never as elements; links keep only safe schemes.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, img, iframe"));
        Assert.All(document.QuerySelectorAll("a"), a => Assert.DoesNotContain("javascript", a.GetAttribute("href") ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        Assert.All(document.Body!.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public void Blank_text_renders_nothing()
    {
        Assert.Equal(string.Empty, MarkdownRenderer.ToSafeHtml(null));
        Assert.Equal(string.Empty, MarkdownRenderer.ToSafeHtml("   "));
    }

    [Fact]
    public void Plain_text_drops_the_markup()
    {
        Assert.Equal("xAI sold all of Colossus 1.", MarkdownRenderer.ToPlainText("xAI sold **all** of [Colossus 1](https://example.com)."));
    }
}
