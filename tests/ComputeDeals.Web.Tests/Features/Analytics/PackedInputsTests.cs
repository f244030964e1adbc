using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Features.Analytics;

namespace ComputeDeals.Web.Tests.Features.Analytics;

public class PackedInputsTests
{
    [Fact]
    public void Packed_inputs_unpack_to_the_same_results()
    {
        var data = new AnalyticsData(
            [new CompanyInput { Id = 1, Slug = "a", Name = "A" }, new CompanyInput { Id = 2, Slug = "b", Name = "B", ParentId = 1 }],
            [new DataCenterInput { Id = 1, Slug = "dc", OperatorId = 1, Capacity = [new CapacityRowInput { Id = 1, EffectiveDate = new DateOnly(2025, 1, 1), Power = Figure.AtLeast(300) }] }],
            [new DealInput
            {
                Id = 1, Slug = "d", AnnouncedOn = new DateOnly(2025, 2, 1), Capacity = Figure.UpTo(100),
                Parties = [new(1, PartyRole.Seller), new(2, PartyRole.Buyer)],
                Sources = [new SourceRef(1, "Report", "https://example.com/", "Example")],
            }],
            [new ValuationInput { Id = 1, CompanyId = 1, AsOf = new DateOnly(2025, 1, 1), Amount = Figure.Range(1e9, 2e9) }]);
        var asOf = new DateOnly(2025, 6, 1);

        var unpacked = PackedInputs.Unpack(PackedInputs.Pack(new PackedInputs.Inputs(asOf, data)))!;

        Assert.Equal(asOf, unpacked.AsOf);
        var before = new AnalyticsCalculator(data).Position(1, asOf, rollUp: true);
        var after = new AnalyticsCalculator(unpacked.Data).Position(1, asOf, rollUp: true);
        Assert.Equal((before.Owned, before.ContractedOut.Range, before.Available), (after.Owned, after.ContractedOut.Range, after.Available));
        Assert.Equal("Report", after.ContractedOut.Inputs.Single().Sources.Single().Title);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8=")]
    public void Anything_else_unpacks_to_nothing(string? packed)
    {
        Assert.Null(PackedInputs.Unpack(packed));
    }
}
