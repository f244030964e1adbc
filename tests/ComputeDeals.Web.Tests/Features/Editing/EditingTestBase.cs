using System.Security.Claims;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Editing;

/// <summary>Helpers for calling the write services directly as a given user.</summary>
public abstract class EditingTestBase(TestAppFactory app)
{
    protected TestAppFactory App => app;

    protected static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    protected async Task<ClaimsPrincipal> UserAsync(string email, string? role)
    {
        var id = await app.CreateUserAsync(email, role);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email)], "test"));
    }

    protected T Service<T>()
        where T : notnull => app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    protected async Task<int> CompanyIdAsync(string slug)
    {
        await using var db = app.CreateDbContext();
        return await db.Companies.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Counts of every table a deal write touches, to prove a refused write changed nothing.</summary>
    protected async Task<(int Deals, int Parties, int Sources, int Links, int Changes, int Slugs, int Companies)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (
            await db.Deals.IgnoreQueryFilters().CountAsync(),
            await db.DealParties.CountAsync(),
            await db.Sources.CountAsync(),
            await db.DealSources.CountAsync(),
            await db.ChangeRecords.CountAsync(),
            await db.SlugHistory.CountAsync(),
            await db.Companies.CountAsync());
    }

    /// <summary>A valid new deal between two seeded companies with one source.</summary>
    protected async Task<Deal> NewDealAsync(string title)
    {
        var seller = await CompanyIdAsync("xai");
        var buyer = await CompanyIdAsync("anthropic");
        return new Deal
        {
            Title = title,
            Slug = string.Empty,
            AnnouncedOn = new DateOnly(2026, 3, 1),
            AnnouncedPrecision = DatePrecision.Day,
            Type = DealType.CapacitySaleOrLease,
            Status = DealStatus.Announced,
            Value = Figure.UpTo(2e9),
            Capacity = Figure.About(100),
            Parties = [new DealParty { CompanyId = seller, Role = PartyRole.Seller }, new DealParty { CompanyId = buyer, Role = PartyRole.Buyer }],
            Sources = [new DealSource { Source = new Source { Url = $"https://example.com/{Guid.NewGuid():N}", Title = "A report" }, Supports = SourceSupports.Value }],
            Summary = "A **test** deal.",
        };
    }
}
