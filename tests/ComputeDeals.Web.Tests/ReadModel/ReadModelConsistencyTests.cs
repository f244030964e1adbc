using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.ReadModel;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.ReadModel;

/// <summary>
/// The read model after any sequence of writes equals a fresh load of the store: generated
/// sequences of edits, publishes, deletes and restores of deals, companies, data centers and
/// valuations, each committed with its change record and followed by the cache invalidation every
/// write path calls. Runs on SQLite and (through test.sh) on PostgreSQL.
/// </summary>
public class ReadModelConsistencyTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private Web.Features.ReadModel.ReadModel Model => app.Services.GetRequiredService<Web.Features.ReadModel.ReadModel>();

    private async Task<string> FreshLoadAsync()
    {
        await using var db = app.CreateDbContext();
        return (await PublishedDatasetLoader.LoadAsync(db)).ToJson();
    }

    [Fact]
    public async Task The_loaded_snapshot_holds_the_published_seed()
    {
        _ = app.Server;
        var snapshot = Model.Current;
        await using var db = app.CreateDbContext();
        Assert.Equal(await db.Deals.CountAsync(d => d.IsPublished), snapshot.Deals.Count);
        Assert.Equal(await db.Companies.CountAsync(c => !c.IsDeleted), snapshot.Companies.Count);
        Assert.True(snapshot.DealsBySlug.ContainsKey("xai-anthropic-colossus-1"));
        Assert.Equal(await FreshLoadAsync(), snapshot.Dataset.ToJson());
    }

    [Fact]
    public async Task A_dataset_survives_a_json_round_trip()
    {
        _ = app.Server;
        var dataset = Model.Current.Dataset;
        var json = dataset.ToJson();
        var back = PublishedDataset.FromJson(dataset.ToJsonBytes());
        Assert.Equal(json, back.ToJson());
        var rebuilt = ReadSnapshot.Build(back, 1);
        Assert.Equal(Model.Current.Deals.Select(d => d.Deal.Slug), rebuilt.Deals.Select(d => d.Deal.Slug));
        Assert.Equal(
            Model.Current.Deals.Select(d => d.Summary.ValueText + d.Summary.CapacityText + string.Join(",", d.Summary.Parties)),
            rebuilt.Deals.Select(d => d.Summary.ValueText + d.Summary.CapacityText + string.Join(",", d.Summary.Parties)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task After_generated_edit_sequences_the_snapshot_equals_a_fresh_rebuild(int seed)
    {
        _ = app.Server;
        var random = new Random(seed);
        var cache = app.Services.GetRequiredService<ContentCache>();
        for (var step = 0; step < 25; step++)
        {
            var description = await ApplyRandomEditAsync(random);
            await cache.InvalidateAsync();
            var expected = await FreshLoadAsync();
            var actual = Model.Current.Dataset.ToJson();
            Assert.True(expected == actual, $"seed {seed}, step {step} ({description}): the snapshot differs from a fresh load");
        }
    }

    [Fact]
    public async Task A_snapshot_only_changes_by_a_swap_and_readers_keep_theirs()
    {
        _ = app.Server;
        var before = Model.Current;
        await using (var db = app.CreateDbContext())
        {
            var deal = await db.Deals.OrderBy(d => d.Id).FirstAsync(d => d.IsPublished);
            deal.Title += " (swap test)";
            db.ChangeRecords.Add(Record(EntityKind.Deal, deal.Id, ChangeAction.Update));
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<ContentCache>().InvalidateAsync();
        var after = Model.Current;
        Assert.NotSame(before, after);
        Assert.True(after.Version > before.Version);
        Assert.DoesNotContain(before.Deals, d => d.Deal.Title.EndsWith("(swap test)", StringComparison.Ordinal));
        Assert.Contains(after.Deals, d => d.Deal.Title.EndsWith("(swap test)", StringComparison.Ordinal));
    }

    private static ChangeRecord Record(EntityKind kind, int id, ChangeAction action) => new()
    {
        At = DateTimeOffset.UtcNow,
        ChangedBy = "read-model-test",
        EntityKind = kind,
        EntityId = id,
        Action = action,
        Changes = "[]",
    };

    private async Task<string> ApplyRandomEditAsync(Random random)
    {
        await using var db = app.CreateDbContext();
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string description;
        switch (random.Next(9))
        {
            case 0:
            {
                var deal = Pick(await db.Deals.IgnoreQueryFilters().OrderBy(d => d.Id).ToListAsync());
                deal.Title = $"Edited deal {random.Next(100_000)}";
                deal.Value = random.Next(3) == 0 ? Figure.Undisclosed() : Figure.About(random.Next(1, 500) * 1e8);
                deal.Capacity = random.Next(2) == 0 ? null : Figure.UpTo(random.Next(1, 900));
                deal.AnnouncedOn = new DateOnly(2020 + random.Next(7), 1 + random.Next(12), 1 + random.Next(28));
                db.ChangeRecords.Add(Record(EntityKind.Deal, deal.Id, ChangeAction.Update));
                description = $"edit deal {deal.Id}";
                break;
            }

            case 1:
            {
                var deal = Pick(await db.Deals.IgnoreQueryFilters().OrderBy(d => d.Id).ToListAsync());
                deal.IsPublished = !deal.IsPublished;
                db.ChangeRecords.Add(Record(EntityKind.Deal, deal.Id, deal.IsPublished ? ChangeAction.Publish : ChangeAction.Unpublish));
                description = $"toggle publish deal {deal.Id}";
                break;
            }

            case 2:
            {
                var deal = Pick(await db.Deals.IgnoreQueryFilters().OrderBy(d => d.Id).ToListAsync());
                deal.IsDeleted = !deal.IsDeleted;
                db.ChangeRecords.Add(Record(EntityKind.Deal, deal.Id, deal.IsDeleted ? ChangeAction.Delete : ChangeAction.Restore));
                description = $"toggle delete deal {deal.Id}";
                break;
            }

            case 3:
            {
                var deal = Pick(await db.Deals.IgnoreQueryFilters().Include(d => d.Parties).Include(d => d.Sources).OrderBy(d => d.Id).ToListAsync());
                var company = Pick(await db.Companies.OrderBy(c => c.Id).ToListAsync());
                if (deal.Parties.Count > 1 && random.Next(2) == 0)
                {
                    deal.Parties.RemoveAt(random.Next(deal.Parties.Count));
                }
                else
                {
                    deal.Parties.Add(new DealParty { CompanyId = company.Id, Role = (PartyRole)random.Next(9) });
                }

                deal.Sources.Add(new DealSource
                {
                    Source = new Source { Url = $"https://example.com/generated/{random.Next(1_000_000)}", Title = "Generated source" },
                    Ordinal = deal.Sources.Count + 1,
                });
                db.ChangeRecords.Add(Record(EntityKind.Deal, deal.Id, ChangeAction.Update));
                description = $"parties and sources of deal {deal.Id}";
                break;
            }

            case 4:
            {
                var company = Pick(await db.Companies.Include(c => c.Aliases).OrderBy(c => c.Id).ToListAsync());
                company.Name = $"Renamed company {random.Next(100_000)}";
                company.Aliases.Add(new CompanyAlias { Name = $"Alias {random.Next(100_000)}" });
                db.ChangeRecords.Add(Record(EntityKind.Company, company.Id, ChangeAction.Update));
                description = $"rename company {company.Id}";
                break;
            }

            case 5:
            {
                var company = Pick(await db.Companies.OrderBy(c => c.Id).ToListAsync());
                company.IsDeleted = !company.IsDeleted;
                db.ChangeRecords.Add(Record(EntityKind.Company, company.Id, company.IsDeleted ? ChangeAction.Delete : ChangeAction.Restore));
                description = $"toggle delete company {company.Id}";
                break;
            }

            case 6:
            {
                var center = Pick(await db.DataCenters.Include(d => d.Capacity).OrderBy(d => d.Id).ToListAsync());
                if (random.Next(3) == 0)
                {
                    center.IsDeleted = !center.IsDeleted;
                }
                else
                {
                    center.Capacity.Add(new CapacityRow
                    {
                        EffectiveDate = new DateOnly(2026, 1 + random.Next(12), 1),
                        Power = Figure.About(random.Next(10, 2000)),
                        Status = FacilityStatus.Operational,
                        Source = new Source { Url = $"https://example.com/capacity/{random.Next(1_000_000)}", Title = "Capacity source" },
                    });
                }

                db.ChangeRecords.Add(Record(EntityKind.DataCenter, center.Id, ChangeAction.Update));
                description = $"data center {center.Id}";
                break;
            }

            case 7:
            {
                var valuation = Pick(await db.Valuations.IgnoreQueryFilters().OrderBy(v => v.Id).ToListAsync());
                if (random.Next(2) == 0)
                {
                    valuation.IsDeleted = !valuation.IsDeleted;
                }
                else
                {
                    valuation.Amount = Figure.Exact(random.Next(1, 400) * 1e9);
                }

                db.ChangeRecords.Add(Record(EntityKind.Valuation, valuation.Id, ChangeAction.Update));
                description = $"valuation {valuation.Id}";
                break;
            }

            default:
            {
                var company = Pick(await db.Companies.OrderBy(c => c.Id).ToListAsync());
                var deal = new Deal
                {
                    Title = $"Generated deal {random.Next(1_000_000)}",
                    Slug = $"generated-deal-{Guid.NewGuid():N}",
                    AnnouncedOn = new DateOnly(2026, 1 + random.Next(12), 1),
                    Type = DealType.CapacitySaleOrLease,
                    Status = DealStatus.Announced,
                    IsPublished = random.Next(4) != 0,
                    Value = Figure.Exact(random.Next(1, 90) * 1e9),
                    Parties = [new DealParty { CompanyId = company.Id, Role = PartyRole.Buyer }],
                    Sources = [new DealSource { Source = new Source { Url = "https://example.com/new", Title = "New" }, Ordinal = 1 }],
                };
                db.Deals.Add(deal);
                await db.SaveChangesAsync();
                db.ChangeRecords.Add(Record(EntityKind.Deal, deal.Id, ChangeAction.Create));
                description = $"create deal {deal.Id}";
                break;
            }
        }

        await db.SaveChangesAsync();
        return description;
    }
}
