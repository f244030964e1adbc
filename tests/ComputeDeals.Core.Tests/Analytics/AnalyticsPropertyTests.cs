using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Tests.Analytics;

/// <summary>Properties that hold for any inputs, checked on 200 seeded random worlds.</summary>
public class AnalyticsPropertyTests
{
    private const int Cases = 200;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= Cases; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Contracted_in_is_the_sum_over_the_deals_naming_the_company_as_buyer_or_customer(int seed)
    {
        var world = WorldGenerator.Generate(seed);
        var calculator = new AnalyticsCalculator(world.Data);

        foreach (var company in world.Data.Companies)
        {
            // Oracle written from PRODUCT.md section 5, not from the calculator: capacity deals, announced or
            // closed, started by the date and not ended, where the company is buyer or customer.
            var expected = FigureRange.Empty;
            foreach (var deal in world.Data.Deals)
            {
                var start = deal.TermStart ?? deal.AnnouncedOn;
                var end = deal.TermEnd ?? (deal.TermMonths is { } months ? start.AddMonths(months) : (DateOnly?)null);
                var inForce = start <= world.AsOf && (end is null || end >= world.AsOf);
                var capacityDeal = deal.Type is DealType.CapacitySaleOrLease or DealType.CloudCommitment;
                var counts = deal.Status is DealStatus.Announced or DealStatus.Closed;
                var receives = deal.Parties.Any(p => p.CompanyId == company.Id && p.Role is PartyRole.Buyer or PartyRole.Customer);
                if (!(inForce && capacityDeal && counts && receives))
                {
                    continue;
                }

                expected += deal.Capacity is not null ? FigureRange.Of(deal.Capacity)
                    : deal.DataCenters.Count > 0 ? FigureRange.Sum(deal.DataCenters.Select(d => d.Share))
                    : new FigureRange(0, 0, 1, 1, 0);
            }

            var actual = calculator.Position(company.Id, world.AsOf, rollUp: false).ContractedIn.Range;
            Assert.Equal(expected.Low, actual.Low, 6);
            Assert.Equal(expected.High, actual.High, 6);
            Assert.Equal((expected.Count, expected.UndisclosedCount, expected.OpenEndedCount), (actual.Count, actual.UndisclosedCount, actual.OpenEndedCount));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_rolled_up_parent_owns_the_sum_of_its_members_from_the_date_each_joined(int seed)
    {
        var world = WorldGenerator.Generate(seed);
        var calculator = new AnalyticsCalculator(world.Data);
        var byId = world.Data.Companies.ToDictionary(c => c.Id);

        // Oracle: a company's top parent at the date, following only links in force then (ParentSince on or before it).
        int Top(int id)
        {
            var seen = new HashSet<int> { id };
            var current = id;
            while (byId[current] is { ParentId: { } parent } c && byId.ContainsKey(parent)
                && (c.ParentSince is not { } since || since <= world.AsOf) && seen.Add(parent))
            {
                current = parent;
            }

            return current;
        }

        foreach (var group in world.Data.Companies.GroupBy(c => Top(c.Id)))
        {
            var rolled = calculator.Position(group.Key, world.AsOf, rollUp: true);
            var alone = group.Select(m => calculator.Position(m.Id, world.AsOf, rollUp: false)).ToList();
            var operational = alone.Aggregate(FigureRange.Empty, (sum, p) => sum + p.OwnedOperational.Range);
            var planned = alone.Aggregate(FigureRange.Empty, (sum, p) => sum + p.OwnedPlanned.Range);

            Assert.Equal(group.Select(c => c.Id).Order(), rolled.Members.Select(m => m.Id).Order());
            foreach (var (expected, actual) in new[] { (operational, rolled.OwnedOperational.Range), (planned, rolled.OwnedPlanned.Range) })
            {
                Assert.Equal(expected.Low, actual.Low, 6);
                Assert.Equal(expected.High, actual.High, 6);
                Assert.Equal((expected.Count, expected.UndisclosedCount), (actual.Count, actual.UndisclosedCount));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_range_has_its_low_at_or_below_its_high(int seed)
    {
        var world = WorldGenerator.Generate(seed);
        var calculator = new AnalyticsCalculator(world.Data);

        foreach (var range in AllRanges(calculator, world))
        {
            Assert.True(range.Low <= range.High, $"seed {seed}: {range}");
            Assert.True(range.UndisclosedCount <= range.Count, $"seed {seed}: {range}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Totals_do_not_depend_on_the_order_of_the_inputs(int seed)
    {
        var world = WorldGenerator.Generate(seed);
        var shuffled = WorldGenerator.Shuffle(world.Data, new Random(seed * 7919));

        var expected = AllRanges(new AnalyticsCalculator(world.Data), world).ToList();
        var actual = AllRanges(new AnalyticsCalculator(shuffled), world).ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k].Low, actual[k].Low, 6);
            Assert.Equal(expected[k].High, actual[k].High, 6);
            Assert.Equal((expected[k].Count, expected[k].UndisclosedCount, expected[k].OpenEndedCount), (actual[k].Count, actual[k].UndisclosedCount, actual[k].OpenEndedCount));
        }
    }

    // Every range the calculator produces for the world, in an order fixed by ids (not by input order).
    private static IEnumerable<FigureRange> AllRanges(AnalyticsCalculator calculator, WorldGenerator.World world)
    {
        var ids = world.Data.Companies.Select(c => c.Id).Order().ToList();
        foreach (var rollUp in new[] { false, true })
        {
            foreach (var p in calculator.Positions(world.AsOf, rollUp).OrderBy(p => p.Company.Id))
            {
                yield return p.OwnedOperational.Range;
                yield return p.OwnedPlanned.Range;
                yield return p.ContractedIn.Range;
                yield return p.ContractedOut.Range;
                // Unknown (null: nothing above zero proven, see CoverageRule) is never a number, so it yields no range.
                if (p.Available is { } available)
                {
                    yield return available;
                }

                yield return p.OwnedAccelerators.Range;
                if (p.AvailableAccelerators is { } accelerators)
                {
                    yield return accelerators;
                }
            }

            var comparison = calculator.CompareValuations(ids, world.AsOf, rollUp);
            foreach (var range in comparison.Companies.Select(c => c.ValuePerAvailableMw).Concat(comparison.Ratios.Select(r => r.Ratio)).OfType<FigureRange>())
            {
                yield return range;
            }
        }

        foreach (var row in calculator.DealValuePerMw(world.AsOf).OrderBy(r => r.Deal.Id))
        {
            yield return row.Mw;
            yield return row.TotalValue;
            yield return row.AnnualValue;
            foreach (var range in new[] { row.ValuePerMw, row.AnnualValuePerMw }.OfType<FigureRange>())
            {
                yield return range;
            }
        }

        foreach (var q in calculator.Quarterly(world.AsOf))
        {
            yield return q.Value;
            yield return q.Mw;
            yield return q.Accelerators;
        }
    }
}

/// <summary>Random but reproducible worlds: a seeded System.Random picks companies, parents, timelines, deals and valuations.</summary>
public static class WorldGenerator
{
    public sealed record World(AnalyticsData Data, DateOnly AsOf);

    private static readonly DateOnly Epoch = new(2023, 1, 1);

    public static World Generate(int seed)
    {
        var random = new Random(seed);
        var companyCount = random.Next(2, 8);
        var companies = Enumerable.Range(1, companyCount).Select(id => new CompanyInput
        {
            Id = id,
            Slug = "c" + id,
            Name = "Company " + id,
            // Parents have smaller ids, so the links never form a cycle.
            ParentId = id > 1 && random.Next(3) == 0 ? random.Next(1, id) : null,
            ParentSince = random.Next(2) == 0 ? null : Day(random),
        }).ToList();

        var rowId = 0;
        var centers = Enumerable.Range(1, random.Next(0, 6)).Select(id => new DataCenterInput
        {
            Id = id,
            Slug = "dc" + id,
            OperatorId = random.Next(1, companyCount + 1),
            Capacity = Enumerable.Range(0, random.Next(0, 4)).Select(_ => new CapacityRowInput
            {
                Id = ++rowId,
                EffectiveDate = Day(random),
                Power = Figure(random, 1000),
                Accelerators = random.Next(3) == 0 ? null : Figure(random, 100_000),
                Status = (FacilityStatus)random.Next(4),
            }).ToList(),
        }).ToList();

        var deals = Enumerable.Range(1, random.Next(0, 12)).Select(id =>
        {
            var parties = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => new DealPartyInput(random.Next(1, companyCount + 1), (PartyRole)random.Next(9)))
                .ToList();
            return new DealInput
            {
                Id = id,
                Slug = "d" + id,
                Type = (DealType)random.Next(7),
                Status = (DealStatus)random.Next(4),
                AnnouncedOn = Day(random),
                TermStart = random.Next(3) == 0 ? Day(random) : null,
                TermEnd = random.Next(4) == 0 ? Day(random) : null,
                TermMonths = random.Next(3) == 0 ? random.Next(1, 121) : null,
                Value = Figure(random, 50_000_000_000),
                ValuePeriod = (ValuePeriod)random.Next(3),
                Capacity = random.Next(3) == 0 ? null : Figure(random, 5000),
                Accelerators = random.Next(2) == 0 ? null : Figure(random, 1_000_000),
                Parties = parties,
                DataCenters = centers.Count == 0 || random.Next(2) == 0
                    ? []
                    : [new DealDataCenterInput(random.Next(1, centers.Count + 1), random.Next(3) == 0 ? null : Figure(random, 500))],
            };
        }).ToList();

        var valuations = Enumerable.Range(1, random.Next(0, 10)).Select(id => new ValuationInput
        {
            Id = id,
            CompanyId = random.Next(1, companyCount + 1),
            AsOf = Day(random),
            Amount = Figure(random, 500_000_000_000),
        }).ToList();

        return new World(new AnalyticsData(companies, centers, deals, valuations), Day(random));
    }

    /// <summary>The same world with every list (and every nested list) in a random order.</summary>
    public static AnalyticsData Shuffle(AnalyticsData data, Random random) => new(
        Mix(data.Companies, random),
        Mix(data.DataCenters.Select(d => d with { Capacity = Mix(d.Capacity, random) }).ToList(), random),
        Mix(data.Deals.Select(d => d with { DataCenters = Mix(d.DataCenters, random) }).ToList(), random),
        Mix(data.Valuations, random));

    private static List<T> Mix<T>(IReadOnlyList<T> items, Random random)
    {
        var copy = items.ToArray();
        random.Shuffle(copy);
        return [.. copy];
    }

    private static DateOnly Day(Random random) => Epoch.AddDays(random.Next(0, 4 * 365));

    // Whole numbers in steps of 5 keep sums exact in any order.
    private static Figure Figure(Random random, long max)
    {
        double Value() => random.NextInt64(1, (max / 5) + 1) * 5;
        return random.Next(6) switch
        {
            0 => Core.Figures.Figure.Undisclosed(),
            1 => Core.Figures.Figure.Exact(Value()),
            2 => Core.Figures.Figure.About(Value()),
            3 => Core.Figures.Figure.UpTo(Value()),
            4 => Core.Figures.Figure.AtLeast(Value()),
            _ => RangeOf(Value(), Value()),
        };
    }

    private static Figure RangeOf(double a, double b) => Core.Figures.Figure.Range(Math.Min(a, b), Math.Max(a, b));
}
