namespace ComputeDeals.Web.Features.Editing;

/// <summary>Creates, edits, deletes and restores valuations.</summary>
public sealed class ValuationEditor(EditPipeline pipeline) : EntityEditor<Valuation>(pipeline, EntityKind.Valuation)
{
    public Task<Valuation?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        Pipeline.LoadAsync(db => db.Valuations.IgnoreQueryFilters().Include(v => v.Company).Include(v => v.Source), id, cancellationToken);

    public Valuation NewValuation() => new() { AsOf = Pipeline.Today, Amount = new Figure { Qualifier = FigureQualifier.Approximately } };

    protected override FieldErrors Rules(Valuation input, DateOnly today) => ValuationRules.Validate(input, today);

    protected override IQueryable<Valuation> Records(AppDbContext db) => db.Valuations.IgnoreQueryFilters();

    protected override SaveSteps<Valuation> Steps(Valuation input, CancellationToken cancellationToken) => new()
        {
            LiveCompany = new LiveCompanyStep(input.CompanyId, "CompanyId", TextRules.Gone("company")),
            Create = () => new Valuation(),
            Find = db => db.Valuations.IgnoreQueryFilters().Include(v => v.Source).FirstOrDefaultAsync(v => v.Id == input.Id, cancellationToken),
            Snapshot = async (db, valuation) => Snapshots.Of(valuation, await EditPipeline.CompanyNameAsync(db, valuation.CompanyId, cancellationToken)),
            Apply = async (scope, valuation) =>
            {
                valuation.CompanyId = input.CompanyId;
                valuation.AsOf = input.AsOf;
                valuation.Amount = input.Amount;
                valuation.Basis = input.Basis;
                valuation.Source = await EditPipeline.CitedSourceAsync(scope.Db, input.Source, cancellationToken);
                valuation.SourceId = valuation.Source?.Id;
            },
        };

    protected override void Normalize(Valuation input)
    {
        input.Amount = NormalizeFigure(input.Amount ?? Figure.Undisclosed());
        EditPipeline.NormalizeCitedSource(input.Source);
    }
}
