using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Import;
using ComputeDeals.Web.Tests.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Import;

/// <summary>
/// The CSV import writes a deal the way the deal form's save does (one cleaning, one set of rules, one set of
/// store checks): the same input gives the same stored record or the same message by either path.
/// </summary>
public class ImportAgreesWithFormTests(TestAppFactory app) : EditingTestBase(app), IClassFixture<TestAppFactory>
{
    private const string Header = "title,slug,announced_on,type,status,parties,value_low,value_high,value_qualifier,source_url,source_title";

    private static string Row(string title, string slug, string parties, string valueLow = "1", string valueHigh = "1", string qualifier = "Exact") =>
        $"{title},{slug},2026-04-01,CloudCommitment,Announced,{parties},{valueLow},{valueHigh},{qualifier},https://example.com/{Guid.NewGuid():N},A report";

    private async Task<Figure> StoredValueAsync(string slug)
    {
        await using var db = App.CreateDbContext();
        return (await db.Deals.IgnoreQueryFilters().SingleAsync(d => d.Slug == slug)).Value;
    }

    [Fact]
    public async Task An_exact_value_typed_as_one_number_is_stored_alike_from_the_form_and_the_import()
    {
        var editor = await UserAsync("agree-exact@example.com", AppRoles.Editor);
        var typed = await NewDealAsync("Exact by form");
        typed.Value = new Figure { Qualifier = FigureQualifier.Exact, Low = 3e9 };

        var saved = await Service<DealEditor>().SaveAsync(editor, typed);
        var import = Service<DealImportService>();
        var preview = await import.PreviewAsync(editor, Header + "\n" + Row("Exact by import", "exact-by-import", "xai:Seller;anthropic:Buyer", "3000000000", string.Empty) + "\n");
        var imported = await import.CommitAsync(editor, preview);

        Assert.Equal(EditOutcome.Saved, saved.Outcome);
        Assert.Empty(preview.Errors);
        Assert.Equal(EditOutcome.Saved, imported.Outcome);
        var byForm = await StoredValueAsync("exact-by-form");
        var byImport = await StoredValueAsync("exact-by-import");
        Assert.Equal((FigureQualifier.Exact, 3e9, 3e9), (byForm.Qualifier, byForm.Low, byForm.High));
        Assert.Equal((byForm.Qualifier, byForm.Low, byForm.High), (byImport.Qualifier, byImport.Low, byImport.High));
    }

    [Fact]
    public async Task A_slug_another_deal_uses_gets_the_same_message_from_the_form_and_the_import()
    {
        var editor = await UserAsync("agree-slug@example.com", AppRoles.Editor);
        string taken;
        await using (var db = App.CreateDbContext())
        {
            taken = await db.Deals.OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync();
        }

        var typed = await NewDealAsync("Slug by form");
        typed.Slug = taken;
        var before = await CountsAsync();

        var saved = await Service<DealEditor>().SaveAsync(editor, typed);
        var preview = await Service<DealImportService>().PreviewAsync(editor, Header + "\n" + Row("Slug by import", taken, "xai:Seller") + "\n");

        Assert.Equal(EditOutcome.Invalid, saved.Outcome);
        var error = Assert.Single(preview.Errors);
        Assert.Equal((2, "slug"), (error.Row, error.Column));
        Assert.Equal($"The slug \"{taken}\" is already used by another record: change it, for example by adding the year.", error.Message);
        Assert.Equal(error.Message, saved.Errors!.For("Slug"));
        Assert.Equal(before, await CountsAsync());
    }

    // Two deals of one file with the same slug pass every check that reads the store (neither is saved yet): the
    // unique index refuses the second, the whole file stays unsaved, and the page's "file" message says so.
    [Fact]
    public async Task Two_deals_of_one_commit_with_one_slug_are_refused_by_the_store_under_file_and_nothing_is_saved()
    {
        var editor = await UserAsync("agree-twice@example.com", AppRoles.Editor);
        var slug = $"twice-{Guid.NewGuid():N}"[..20];
        var first = await NewDealAsync("Twice one");
        var second = await NewDealAsync("Twice two");
        first.Slug = second.Slug = slug;
        var before = await CountsAsync();

        var result = await Service<DealImportService>().CommitAsync(editor, new ImportPreview([first, second], [], 2));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.StartsWith("The database refused the change", result.Errors!.For("file"), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    // The server checks again on commit what the preview checked: a company deleted in between makes the
    // editor's own reference check refuse that deal, and the whole file is left unsaved.
    [Fact]
    public async Task A_company_deleted_after_the_preview_refuses_the_commit_and_nothing_is_saved()
    {
        var editor = await UserAsync("agree-deleted@example.com", AppRoles.Editor);
        var slug = $"vanishing-{Guid.NewGuid():N}"[..24];
        await using (var db = App.CreateDbContext())
        {
            db.Companies.Add(new Company { Name = "Vanishing " + slug, Slug = slug, Kind = CompanyKind.Neocloud });
            await db.SaveChangesAsync();
        }

        var import = Service<DealImportService>();
        var preview = await import.PreviewAsync(
            editor,
            Header + "\n" + Row("Kept row", "kept-row-" + slug, "xai:Seller") + "\n" + Row("Vanishing row", "vanishing-row-" + slug, slug + ":Buyer;xai:Seller") + "\n");
        await using (var db = App.CreateDbContext())
        {
            var company = await db.Companies.SingleAsync(c => c.Slug == slug);
            company.IsDeleted = true;
            await db.SaveChangesAsync();
        }

        var before = await CountsAsync();
        var result = await import.CommitAsync(editor, preview);

        Assert.Empty(preview.Errors);
        Assert.Equal(2, preview.Deals.Count);
        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(
            "\"Vanishing row\" can no longer be imported: That company does not exist (or was deleted): pick one from the list. Nothing was imported: preview the file again.",
            result.Errors!.For("file"));
        Assert.Equal(before, await CountsAsync());
    }
}
