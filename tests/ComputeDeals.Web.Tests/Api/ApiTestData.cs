using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Api;

/// <summary>Deals the API tests add to their own test database.</summary>
public static class ApiTestData
{
    /// <summary>Adds a deal between two seeded companies, cited by a new source; returns its slug.</summary>
    public static async Task<string> AddDealAsync(
        TestAppFactory app,
        string slug,
        string title,
        string? summary = null,
        bool published = true,
        bool deleted = false,
        string sourceUrl = "https://example.org/report")
    {
        await using var db = app.CreateDbContext();
        var anthropic = await db.Companies.SingleAsync(c => c.Slug == "anthropic");
        var xai = await db.Companies.SingleAsync(c => c.Slug == "xai");
        var source = new Source { Url = sourceUrl, Title = "Report on " + slug, Publisher = "Example" };
        var deal = new Deal
        {
            Slug = slug,
            Title = title,
            Summary = summary,
            AnnouncedOn = new DateOnly(2024, 3, 15),
            AnnouncedPrecision = DatePrecision.Day,
            Type = DealType.CapacitySaleOrLease,
            Status = DealStatus.Announced,
            Value = Figure.Range(1_000_000_000, 1_500_000_000),
            Capacity = Figure.Exact(42),
            IsPublished = published,
            PublishedAt = published ? DateTimeOffset.UtcNow : null,
            IsDeleted = deleted,
            Parties =
            [
                new DealParty { CompanyId = xai.Id, Role = PartyRole.Seller },
                new DealParty { CompanyId = anthropic.Id, Role = PartyRole.Buyer },
            ],
            Sources = [new DealSource { Source = source, Ordinal = 1, Supports = SourceSupports.Value }],
        };
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        // Like every write path: a change record, then the read model and cache learn of it.
        db.ChangeRecords.Add(new ChangeRecord { At = DateTimeOffset.UtcNow, ChangedBy = "api-test", EntityKind = EntityKind.Deal, EntityId = deal.Id, Action = ChangeAction.Create });
        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<ContentCache>().InvalidateAsync();
        return slug;
    }
}
