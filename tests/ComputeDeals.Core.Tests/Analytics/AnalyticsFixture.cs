using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Tests.Analytics;

/// <summary>
/// A small world with hand-checked numbers. "Lab" sits under "Parent" from 2025-06-01.
/// Data centers: alpha (Lab, 100 MW from 2024, 200 MW from 2025-03-01), beta (Lab, planned 50–80 MW),
/// gamma (Parent, 40 MW), delta (Cloud, power undisclosed).
/// Deals: D1 Lab sells alpha's 150 MW to Buyer (2025-05-01, 24 months, $1.2B);
/// D2 Cloud provides an undisclosed amount to Buyer (2025-02-01); D3 Cloud leased 30 MW to Buyer in
/// 2024 only; D4 Cloud commits up to 500 MW to Lab, announced 2025-09-01; D5 is a rumor;
/// D6 Parent leases at least 20 MW to Buyer from 2025-07-01 for 12 months at $10M a month.
/// </summary>
public static class AnalyticsFixture
{
    public const int Parent = 1;
    public const int Lab = 2;
    public const int Buyer = 3;
    public const int Cloud = 4;

    public static readonly DateOnly AsOf = new(2025, 8, 1);

    public static AnalyticsData Data => new(
        [
            new CompanyInput { Id = Parent, Slug = "parent", Name = "Parent", Kind = CompanyKind.Conglomerate },
            new CompanyInput { Id = Lab, Slug = "lab", Name = "Lab", Kind = CompanyKind.AiLab, ParentId = Parent, ParentSince = new DateOnly(2025, 6, 1) },
            new CompanyInput { Id = Buyer, Slug = "buyer", Name = "Buyer", Kind = CompanyKind.AiLab },
            new CompanyInput { Id = Cloud, Slug = "cloud", Name = "Cloud", Kind = CompanyKind.Hyperscaler },
        ],
        [
            new DataCenterInput
            {
                Id = 10, Slug = "alpha", Name = "Alpha", OperatorId = Lab,
                Capacity =
                [
                    new CapacityRowInput { Id = 100, EffectiveDate = new DateOnly(2024, 1, 1), Power = Figure.Exact(100), Accelerators = Figure.Exact(50_000) },
                    new CapacityRowInput
                    {
                        Id = 101, EffectiveDate = new DateOnly(2025, 3, 1), Power = Figure.About(200), Accelerators = Figure.About(100_000),
                        Source = new SourceRef(7, "Alpha doubles", "https://example.com/alpha", "Example"),
                    },
                ],
            },
            new DataCenterInput
            {
                Id = 11, Slug = "beta", Name = "Beta", OperatorId = Lab,
                Capacity = [new CapacityRowInput { Id = 110, EffectiveDate = new DateOnly(2025, 1, 1), Power = Figure.Range(50, 80), Status = FacilityStatus.Planned }],
            },
            new DataCenterInput
            {
                Id = 12, Slug = "gamma", Name = "Gamma", OperatorId = Parent,
                Capacity = [new CapacityRowInput { Id = 120, EffectiveDate = new DateOnly(2024, 6, 1), Power = Figure.Exact(40) }],
            },
            new DataCenterInput
            {
                Id = 13, Slug = "delta", Name = "Delta", OperatorId = Cloud,
                Capacity = [new CapacityRowInput { Id = 130, EffectiveDate = new DateOnly(2024, 1, 1), Power = Figure.Undisclosed() }],
            },
        ],
        [
            new DealInput
            {
                Id = 1, Slug = "alpha-sale", Title = "Lab sells Alpha", AnnouncedOn = new DateOnly(2025, 5, 1), TermMonths = 24,
                Value = Figure.Exact(1_200_000_000),
                Parties = [new(Lab, PartyRole.Seller), new(Buyer, PartyRole.Buyer)],
                DataCenters = [new(10, Figure.Exact(150))],
                Sources = [new SourceRef(8, "Lab sells Alpha", "https://example.com/sale", "Example")],
            },
            new DealInput
            {
                Id = 2, Slug = "cloud-undisclosed", AnnouncedOn = new DateOnly(2025, 2, 1), Type = DealType.CloudCommitment,
                Parties = [new(Cloud, PartyRole.Provider), new(Buyer, PartyRole.Customer)],
            },
            new DealInput
            {
                Id = 3, Slug = "ended-lease", AnnouncedOn = new DateOnly(2024, 1, 1), TermEnd = new DateOnly(2024, 12, 31), Capacity = Figure.Exact(30),
                Parties = [new(Cloud, PartyRole.Seller), new(Buyer, PartyRole.Buyer)],
            },
            new DealInput
            {
                Id = 4, Slug = "future-commitment", AnnouncedOn = new DateOnly(2025, 9, 1), Type = DealType.CloudCommitment, Status = DealStatus.Announced,
                Capacity = Figure.UpTo(500),
                Parties = [new(Cloud, PartyRole.Provider), new(Lab, PartyRole.Customer)],
            },
            new DealInput
            {
                Id = 5, Slug = "rumor", AnnouncedOn = new DateOnly(2025, 1, 1), Status = DealStatus.Rumored, Capacity = Figure.Exact(999),
                Parties = [new(Lab, PartyRole.Seller), new(Cloud, PartyRole.Buyer)],
            },
            new DealInput
            {
                Id = 6, Slug = "parent-lease", AnnouncedOn = new DateOnly(2025, 4, 1), TermStart = new DateOnly(2025, 7, 1), TermMonths = 12,
                Capacity = Figure.AtLeast(20), Value = Figure.Exact(10_000_000), ValuePeriod = ValuePeriod.PerMonth,
                Parties = [new(Parent, PartyRole.Seller), new(Buyer, PartyRole.Buyer)],
            },
        ],
        [
            new ValuationInput { Id = 1, CompanyId = Lab, AsOf = new DateOnly(2025, 1, 1), Amount = Figure.Exact(100e9) },
            new ValuationInput { Id = 2, CompanyId = Lab, AsOf = new DateOnly(2025, 7, 1), Amount = Figure.About(120e9) },
            new ValuationInput { Id = 3, CompanyId = Cloud, AsOf = new DateOnly(2025, 5, 1), Amount = Figure.UpTo(40e9), Basis = ValuationBasis.PublicMarketCap },
        ]);

    public static AnalyticsCalculator Calculator => new(Data);
}
