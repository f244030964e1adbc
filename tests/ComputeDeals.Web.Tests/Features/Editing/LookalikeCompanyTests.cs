using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Editing;

public class LookalikeCompanyTests(TestAppFactory app) : EditingTestBase(app), IClassFixture<TestAppFactory>
{
    private static Company Named(string name, string slug) => new() { Name = name, Slug = slug, Kind = CompanyKind.AiLab };

    [Fact]
    public async Task A_zero_width_space_cannot_make_a_second_Anthropic()
    {
        var editor = await UserAsync("lookalike-zw@example.com", AppRoles.Editor);
        var before = await CountsAsync();

        var result = await Service<CompanyEditor>().SaveAsync(editor, Named("Anthr\u200Bopic", "anthr-opic"), confirmedDistinct: true);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("U+200B", result.Errors!.For("Name"), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("ANTHROPIC", "anthropic-2")]
    [InlineData("Anthrópic", "anthropic-3")]
    [InlineData("\u0410nthr\u043Epic", "anthropic-4")]
    public async Task A_new_company_that_looks_like_an_existing_one_needs_an_explicit_confirmation(string name, string slug)
    {
        var editor = await UserAsync($"lookalike-{slug}@example.com", AppRoles.Editor);
        var service = Service<CompanyEditor>();

        var refused = await service.SaveAsync(editor, Named(name, slug));

        Assert.Equal(EditOutcome.Invalid, refused.Outcome);
        Assert.Contains("looks like the existing company \"Anthropic\" (/companies/anthropic)", refused.Errors!.For("ConfirmedDistinct"), StringComparison.Ordinal);
        await using (var db = App.CreateDbContext())
        {
            Assert.False(await db.Companies.AnyAsync(c => c.Slug == slug));
        }

        var confirmed = await service.SaveAsync(editor, Named(name, slug), confirmedDistinct: true);

        Assert.Equal(EditOutcome.Saved, confirmed.Outcome);
    }

    [Fact]
    public async Task Decomposed_accents_are_stored_composed_and_renaming_to_the_same_skeleton_needs_no_confirmation()
    {
        var editor = await UserAsync("lookalike-nfc@example.com", AppRoles.Editor);
        var service = Service<CompanyEditor>();
        var created = await service.SaveAsync(editor, Named("Socie\u0301te\u0301 Calcul", "societe-calcul"));
        Assert.Equal(EditOutcome.Saved, created.Outcome);

        var company = (await service.LoadAsync(created.Id))!;
        Assert.Equal("Soci\u00E9t\u00E9 Calcul", company.Name);
        company.Name = "SOCIÉTÉ CALCUL";
        Assert.Equal(EditOutcome.Saved, (await service.SaveAsync(editor, company)).Outcome);
    }
}
