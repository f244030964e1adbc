using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;

namespace ComputeDeals.Web.Tests.Features.Rules;

/// <summary>
/// A recorded change reads the same wherever it is listed: its time and what it did on a record's
/// history and on the editors' recent changes (both from <see cref="Core.Domain.Labels"/>).
/// </summary>
public class ChangeLabelsAgreeTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task A_change_reads_the_same_on_the_record_history_and_on_recent_changes()
    {
        var editor = await app.SignedInClientAsync("change-labels@example.com", AppRoles.Editor);

        var history = await PageClient.ParseAsync(await editor.GetStringAsync(new Uri("/datacenters/colossus-1", UriKind.Relative)));
        var recent = await PageClient.ParseAsync(await editor.GetStringAsync(new Uri("/editor/changes", UriKind.Relative)));

        var item = history.QuerySelector(".cd-history-list > li")!;
        var at = item.QuerySelector("time")!.GetAttribute("datetime")!;
        var row = recent.QuerySelectorAll("table.cd-changes tbody tr")
            .First(tr => tr.QuerySelector("time")!.GetAttribute("datetime") == at && tr.QuerySelector("a")!.TextContent == "Colossus 1");
        var cells = row.QuerySelectorAll("td");
        Assert.Equal(item.QuerySelector("time")!.TextContent, cells[0].TextContent.Trim());
        Assert.EndsWith(" UTC", cells[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(item.QuerySelector("strong")!.TextContent, char.ToUpperInvariant(cells[2].TextContent.Trim()[0]) + cells[2].TextContent.Trim()[1..]);
    }
}
