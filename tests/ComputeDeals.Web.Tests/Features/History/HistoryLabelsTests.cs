using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.History;

public class HistoryLabelsTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private static ChangeRecord Record(int id, int day, ChangeAction action, params FieldChange[] changes) => new()
    {
        At = new DateTimeOffset(2026, 3, day, 10, 0, 0, TimeSpan.Zero), ChangedBy = "someone@example.com", EntityKind = EntityKind.Deal, EntityId = id,
        Action = action, Changes = Snapshot.ToJson(changes),
    };

    [Fact]
    public async Task The_public_history_says_what_changed_in_words_and_does_not_repeat_the_action()
    {
        const string slug = "openai-coreweave-2025-05";
        await using (var db = app.CreateDbContext())
        {
            var id = await db.Deals.Where(d => d.Slug == slug).Select(d => d.Id).SingleAsync();
            db.ChangeRecords.Add(Record(id, 1, ChangeAction.Unpublish, new FieldChange("Published", "yes", "no")));
            db.ChangeRecords.Add(Record(id, 2, ChangeAction.Publish, new FieldChange("Published", "no", "yes")));
            db.ChangeRecords.Add(Record(id, 3, ChangeAction.Update, new FieldChange("ValuePeriod", "Total", "PerYear"), new FieldChange("TermMonths", null, "60")));
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<ContentCache>().InvalidateAsync();

        var html = await app.CreateClient().GetStringAsync(new Uri($"/deals/{slug}", UriKind.Relative));

        Assert.Contains("changed value period, term in months", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ValuePeriod", html, StringComparison.Ordinal);
        Assert.DoesNotContain("changed Published", html, StringComparison.Ordinal);
        Assert.DoesNotContain("changed published", html, StringComparison.Ordinal);
    }
}
