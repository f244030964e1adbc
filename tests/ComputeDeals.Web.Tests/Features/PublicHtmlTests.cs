using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Features;

/// <summary>Public pages are valid HTML where validators most often complain: time values (a year, month, date or UTC moment) and form attributes.</summary>
public partial class PublicHtmlTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?)?)?$")]
    private static partial Regex ValidTime();

    [Theory]
    [InlineData("/")]
    [InlineData("/deals")]
    [InlineData("/deals?view=table")]
    [InlineData("/deals/xai-anthropic-colossus-1")]
    [InlineData("/companies/xai")]
    [InlineData("/datacenters/colossus-1")]
    [InlineData("/analytics")]
    public async Task Times_carry_at_most_three_fraction_digits_and_controls_only_allowed_attributes(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        foreach (var time in page.QuerySelectorAll("time[datetime]"))
        {
            Assert.Matches(ValidTime(), time.GetAttribute("datetime")!);
        }

        Assert.Empty(page.QuerySelectorAll("input[type=number][maxlength]"));
        Assert.Empty(page.QuerySelectorAll("select[value]"));
    }
}
