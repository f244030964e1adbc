using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;

namespace ComputeDeals.Web.Tests.Features.Editing;

public class BadInputTests(TestAppFactory app) : EditingTestBase(app), IClassFixture<TestAppFactory>
{
    private const string Script = "<script>alert(1)</script>";

    private static readonly string Huge = new('x', 10_000);

    public static TheoryData<string, string> DealMutations => new()
    {
        { "negative value", "Value.Low" },
        { "absurd value", "Value.High" },
        { "low above high", "Capacity.High" },
        { "NaN capacity", "Capacity.Low" },
        { "announced in 1900", "AnnouncedOn" },
        { "announced in 2999", "AnnouncedOn" },
        { "term ends before it starts", "TermEnd" },
        { "negative term months", "TermMonths" },
        { "10,000-character title", "Title" },
        { "10,000-character summary", "Summary" },
        { "script in title", "Title" },
        { "script in summary", "Summary" },
        { "script in figure note", "Value.Note" },
        { "script in source title", "Sources[0].Title" },
        { "script in publisher", "Sources[0].Publisher" },
        { "script in slug", "Slug" },
        { "javascript URL", "Sources[0].Url" },
        { "relative URL", "Sources[0].Url" },
        { "URL with spaces", "Sources[0].Url" },
        { "unknown deal type", "Type" },
        { "unknown status", "Status" },
        { "unknown party role", "Parties[0].Role" },
        { "unknown qualifier", "Value.Qualifier" },
        { "unknown company", "Parties[0].CompanyId" },
        { "no parties", "Parties" },
        { "up to without high", "Value.High" },
        { "undisclosed with numbers", "Value.Qualifier" },
    };

    [Theory]
    [MemberData(nameof(DealMutations))]
    public async Task Bad_deal_input_is_refused_with_a_field_error_and_saves_nothing(string mutation, string field)
    {
        var editor = await UserAsync("bad-input@example.com", AppRoles.Editor);
        var deal = await NewDealAsync("Bad input deal");
        Mutate(deal, mutation);
        var before = await CountsAsync();

        var result = await Service<DealEditor>().SaveAsync(editor, deal);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors!.Has(field), $"{mutation}: expected an error on {field}, got {result.Errors}");
        Assert.False(string.IsNullOrWhiteSpace(result.Errors.For(field)));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Script_and_oversized_text_in_every_company_field_is_refused_field_by_field()
    {
        var editor = await UserAsync("bad-company@example.com", AppRoles.Editor);
        var company = new Company
        {
            Name = Script,
            Slug = "bad<script>",
            Kind = (CompanyKind)99,
            Country = "usa",
            Website = "javascript:alert(1)",
            Description = Script,
            Aliases = [new CompanyAlias { Name = Huge }],
            ParentSince = new DateOnly(2026, 1, 1),
        };
        var before = await CountsAsync();

        var result = await Service<CompanyEditor>().SaveAsync(editor, company);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(
            ["Aliases[0].Name", "Country", "Description", "Kind", "Name", "ParentSince", "Slug", "Website"],
            result.Errors!.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Bad_data_center_and_capacity_rows_are_refused_field_by_field()
    {
        var editor = await UserAsync("bad-center@example.com", AppRoles.Editor);
        var center = new DataCenter
        {
            Name = "Bad center",
            Slug = "bad-center",
            OperatorId = 0,
            City = Script,
            Latitude = 91,
            Longitude = 10,
            Status = (FacilityStatus)42,
            Capacity =
            [
                new CapacityRow { EffectiveDate = new DateOnly(1800, 1, 1), Power = Figure.Range(500, 100) },
                new CapacityRow { EffectiveDate = new DateOnly(2026, 1, 1), Power = Figure.About(-5), Accelerators = Figure.Exact(1e12) },
            ],
        };

        var result = await Service<DataCenterEditor>().SaveAsync(editor, center);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(
            new[] { "Capacity[0].EffectiveDate", "Capacity[0].Power.High", "Capacity[1].Accelerators.High", "Capacity[1].Accelerators.Low", "Capacity[1].Power.High", "Capacity[1].Power.Low", "City", "Latitude", "OperatorId", "Status" }
                .Order(StringComparer.Ordinal),
            result.Errors!.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_valuation_must_be_disclosed_dated_and_sourced_by_a_web_url()
    {
        var editor = await UserAsync("bad-valuation@example.com", AppRoles.Editor);
        var valuation = new Valuation
        {
            CompanyId = await CompanyIdAsync("xai"),
            AsOf = new DateOnly(2200, 1, 1),
            Amount = Figure.Undisclosed(),
            Basis = (ValuationBasis)7,
            Source = new Source { Url = "ftp://example.com/file", Title = "x" },
        };

        var result = await Service<ValuationEditor>().SaveAsync(editor, valuation);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(["Amount.Qualifier", "AsOf", "Basis", "Source.Url"], result.Errors!.Fields.Order(StringComparer.Ordinal));
    }

    private static void Mutate(Deal deal, string mutation)
    {
        switch (mutation)
        {
            case "negative value": deal.Value = Figure.Exact(-5); break;
            case "absurd value": deal.Value = Figure.UpTo(1e20); break;
            case "low above high": deal.Capacity = Figure.Range(500, 100); break;
            case "NaN capacity": deal.Capacity = Figure.About(double.NaN); break;
            case "announced in 1900": deal.AnnouncedOn = new DateOnly(1900, 1, 1); break;
            case "announced in 2999": deal.AnnouncedOn = new DateOnly(2999, 1, 1); break;
            case "term ends before it starts": deal.TermStart = new DateOnly(2027, 1, 1); deal.TermEnd = new DateOnly(2026, 1, 1); break;
            case "negative term months": deal.TermMonths = -3; break;
            case "10,000-character title": deal.Title = Huge; break;
            case "10,000-character summary": deal.Summary = Huge; break;
            case "script in title": deal.Title = Script; break;
            case "script in summary": deal.Summary = "Fine text " + Script; break;
            case "script in figure note": deal.Value = deal.Value with { Note = Script }; break;
            case "script in source title": deal.Sources[0].Source!.Title = Script; break;
            case "script in publisher": deal.Sources[0].Source!.Publisher = Script; break;
            case "script in slug": deal.Slug = Script; break;
            case "javascript URL": deal.Sources[0].Source!.Url = "javascript:alert(1)"; break;
            case "relative URL": deal.Sources[0].Source!.Url = "/deals/x"; break;
            case "URL with spaces": deal.Sources[0].Source!.Url = "https://exa mple.com/a"; break;
            case "unknown deal type": deal.Type = (DealType)99; break;
            case "unknown status": deal.Status = (DealStatus)(-1); break;
            case "unknown party role": deal.Parties[0].Role = (PartyRole)50; break;
            case "unknown qualifier": deal.Value = deal.Value with { Qualifier = (FigureQualifier)9 }; break;
            case "unknown company": deal.Parties[0].CompanyId = 999_999; break;
            case "no parties": deal.Parties.Clear(); break;
            case "up to without high": deal.Value = new Figure { Low = 5, Qualifier = FigureQualifier.UpTo }; break;
            case "undisclosed with numbers": deal.Value = new Figure { Low = 5, High = 5, Qualifier = FigureQualifier.Undisclosed }; break;
            default: throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
    }
}
