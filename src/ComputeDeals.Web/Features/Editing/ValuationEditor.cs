namespace ComputeDeals.Web.Features.Editing;

/// <summary>Creates, edits, deletes and restores valuations.</summary>
public sealed class ValuationEditor(EditPipeline pipeline)
{
    public Task<Valuation?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        pipeline.LoadAsync(db => db.Valuations.IgnoreQueryFilters().Include(v => v.Company).Include(v => v.Source), id, cancellationToken);

    public Valuation NewValuation() => new() { AsOf = pipeline.Today, Amount = new Figure { Qualifier = FigureQualifier.Approximately } };

    public FieldErrors Validate(Valuation input) => ValuationRules.Validate(Normalize(input), pipeline.Today);

    public Task<EditResult> SaveAsync(ClaimsPrincipal user, Valuation input, CancellationToken cancellationToken = default)
    {
        Normalize(input);
        return pipeline.SaveAsync(user, input, new SaveSteps<Valuation>
        {
            Kind = EntityKind.Valuation,
            Rules = ValuationRules.Validate,
            LiveCompany = new LiveCompanyStep(input.CompanyId, "CompanyId", "That company does not exist: pick one from the list."),
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
        }, cancellationToken);
    }

    public Task<EditResult> SetDeletedAsync(ClaimsPrincipal user, int id, Guid version, bool deleted, CancellationToken cancellationToken = default) =>
        pipeline.SetDeletedAsync(user, EntityKind.Valuation, id, version, deleted,
            db => db.Valuations.IgnoreQueryFilters(), _ => null, cancellationToken);

    private static Valuation Normalize(Valuation input)
    {
        input.Amount ??= Figure.Undisclosed();
        input.Amount = DealEditor.NormalizeFigure(input.Amount);
        EditPipeline.NormalizeCitedSource(input.Source);
        return input;
    }
}
