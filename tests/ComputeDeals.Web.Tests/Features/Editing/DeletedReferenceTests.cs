using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;

namespace ComputeDeals.Web.Tests.Features.Editing;

/// <summary>A company deleted after a form loaded it is refused by every editor that points at companies, in one wording.</summary>
public class DeletedReferenceTests(TestAppFactory app) : EditingTestBase(app), IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task A_deleted_company_is_refused_by_the_deal_valuation_data_center_and_company_editors_in_one_wording()
    {
        var editor = await UserAsync("gone-ref@example.com", AppRoles.Editor);
        var slug = $"gone-{Guid.NewGuid():N}"[..20];
        int gone;
        await using (var db = App.CreateDbContext())
        {
            var company = new Company { Name = "Gone " + slug, Slug = slug, Kind = CompanyKind.Other, IsDeleted = true };
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            gone = company.Id;
        }

        var deal = await NewDealAsync("Deal naming a gone company");
        deal.Parties[1].CompanyId = gone;
        var valuation = Service<ValuationEditor>().NewValuation();
        valuation.CompanyId = gone;
        valuation.Amount = Figure.Exact(1e9);
        var center = DataCenterEditor.NewDataCenter();
        center.Name = "Campus of a gone operator";
        center.OperatorId = gone;
        var child = CompanyEditor.NewCompany();
        child.Name = "Child of a gone parent";
        child.ParentId = gone;
        var before = await CountsAsync();

        var byDeal = await Service<DealEditor>().SaveAsync(editor, deal);
        var byValuation = await Service<ValuationEditor>().SaveAsync(editor, valuation);
        var byCenter = await Service<DataCenterEditor>().SaveAsync(editor, center);
        var byCompany = await Service<CompanyEditor>().SaveAsync(editor, child);

        Assert.Equal("That company does not exist (or was deleted): pick one from the list.", byDeal.Errors!.For("Parties[1].CompanyId"));
        Assert.Equal("That company does not exist (or was deleted): pick one from the list.", byValuation.Errors!.For("CompanyId"));
        Assert.Equal("That operator company does not exist (or was deleted): pick one from the list.", byCenter.Errors!.For("OperatorId"));
        Assert.Equal("That parent company does not exist (or was deleted): pick one from the list.", byCompany.Errors!.For("ParentId"));
        Assert.Equal(before, await CountsAsync());
    }
}
