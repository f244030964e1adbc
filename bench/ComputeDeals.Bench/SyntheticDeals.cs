using System.Diagnostics;
using System.Globalization;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComputeDeals.Bench;

/// <summary>
/// Fills a SQLite database with the real seed plus clearly synthetic companies and deals
/// ("Synthetic Co 0042", "synthetic-deal-000123"), deterministic (fixed random seed). Company
/// popularity is skewed so that a few companies have thousands of deals and most have few.
/// </summary>
public static class SyntheticDeals
{
    public const int CompanyCount = 400;
    private const int Batch = 5_000;

    public static async Task<int> GenerateAsync(string path, int dealCount)
    {
        var watch = Stopwatch.StartNew();
        var db = new BenchDb(path);
        await using (var context = db.CreateDbContext())
        {
            await context.Database.MigrateAsync();
            if (await context.Deals.IgnoreQueryFilters().AnyAsync(d => d.Slug.StartsWith("synthetic-")))
            {
                Console.Error.WriteLine($"{path} already holds synthetic deals; delete it to regenerate.");
                return 1;
            }
        }

        var seedDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../data/seed"));
        await new SeedLoader(db, TimeProvider.System, NullLogger<SeedLoader>.Instance).SeedIfEmptyAsync(seedDirectory);

        // Not security-relevant: a fixed seed makes every generated database the same.
#pragma warning disable CA5394
        var random = new Random(20260506);
        var now = DateTimeOffset.UtcNow;
        var kinds = Enum.GetValues<CompanyKind>();
        await using (var context = db.CreateDbContext())
        {
            for (var i = 1; i <= CompanyCount; i++)
            {
                context.Companies.Add(new Company
                {
                    Name = $"Synthetic Co {i:0000}",
                    Slug = $"synthetic-co-{i:0000}",
                    Kind = kinds[random.Next(kinds.Length)],
                    Description = "Synthetic company for benchmarks; not a real company.",
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            await context.SaveChangesAsync();
        }

        int[] companyIds;
        await using (var context = db.CreateDbContext())
        {
            companyIds = await context.Companies.Where(c => c.Slug.StartsWith("synthetic-co-")).OrderBy(c => c.Slug).Select(c => c.Id).ToArrayAsync();
        }

        var types = Enum.GetValues<DealType>();
        var statuses = Enum.GetValues<DealStatus>();
        var start = new DateOnly(2015, 1, 1);
        var days = new DateOnly(2026, 6, 30).DayNumber - start.DayNumber;
        for (var first = 1; first <= dealCount; first += Batch)
        {
            await using var context = db.CreateDbContext();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = first; n < first + Batch && n <= dealCount; n++)
            {
                // Squaring a uniform number skews towards the first companies (a few giants, a long tail).
                var a = companyIds[(int)(Math.Pow(random.NextDouble(), 2) * companyIds.Length)];
                var b = companyIds[random.Next(companyIds.Length)];
                if (b == a)
                {
                    b = companyIds[(Array.IndexOf(companyIds, a) + 1) % companyIds.Length];
                }

                var type = types[random.Next(types.Length)];
                var (giver, taker) = type switch
                {
                    DealType.Investment => (PartyRole.Investor, PartyRole.Investee),
                    DealType.MergerAcquisition => (PartyRole.Acquirer, PartyRole.Target),
                    DealType.CloudCommitment => (PartyRole.Provider, PartyRole.Customer),
                    DealType.Partnership or DealType.Other => (PartyRole.Partner, PartyRole.Partner),
                    _ => (PartyRole.Seller, PartyRole.Buyer),
                };
                var precision = random.Next(20) switch { 0 => DatePrecision.Year, 1 or 2 => DatePrecision.Month, _ => DatePrecision.Day };
                var date = start.AddDays(random.Next(days + 1));
                date = precision switch
                {
                    DatePrecision.Year => new DateOnly(date.Year, 1, 1),
                    DatePrecision.Month => new DateOnly(date.Year, date.Month, 1),
                    _ => date,
                };
                var number = n.ToString("000000", CultureInfo.InvariantCulture);
                context.Deals.Add(new Deal
                {
                    Title = $"Synthetic deal {number}",
                    Slug = $"synthetic-deal-{number}",
                    AnnouncedOn = date,
                    AnnouncedPrecision = precision,
                    Type = type,
                    Status = statuses[random.Next(statuses.Length)],
                    Parties =
                    [
                        new DealParty { CompanyId = a, Role = giver },
                        new DealParty { CompanyId = b, Role = taker },
                    ],
                    Value = Money(random),
                    ValuePeriod = random.Next(25) == 0 ? ValuePeriod.PerYear : ValuePeriod.Total,
                    Capacity = random.Next(5) < 2 ? Power(random) : null,
                    Summary = $"Synthetic benchmark deal {number}. Generated data, not a real agreement.",
                    IsPublished = random.Next(20) != 0,
                    CreatedAt = now,
                    UpdatedAt = now,
                    PublishedAt = now,
                });
            }

            await context.SaveChangesAsync();
            Console.Error.Write($"\r{Math.Min(first + Batch - 1, dealCount):#,0} deals");
        }
#pragma warning restore CA5394

        Console.Error.WriteLine($"\rGenerated {dealCount:#,0} synthetic deals and {CompanyCount} companies in {watch.Elapsed.TotalSeconds:0.0} s: {path}");
        return 0;
    }

#pragma warning disable CA5394 // see above
    private static Figure Money(Random random)
    {
        var amount = Math.Round(Math.Pow(10, 1 + (random.NextDouble() * 4))) * 1e6; // $10M to $100B, whole millions
        return random.Next(20) switch
        {
            < 3 => Figure.Undisclosed(),
            3 or 4 => Figure.UpTo(amount),
            5 => Figure.AtLeast(amount),
            6 or 7 => Figure.Range(amount, amount * 1.5),
            8 or 9 => Figure.About(amount),
            _ => Figure.Exact(amount),
        };
    }

    private static Figure Power(Random random)
    {
        var mw = Math.Round(10 + (random.NextDouble() * 990));
        return random.Next(4) switch
        {
            0 => Figure.About(mw),
            1 => Figure.UpTo(mw),
            _ => Figure.Exact(mw),
        };
    }
#pragma warning restore CA5394
}
