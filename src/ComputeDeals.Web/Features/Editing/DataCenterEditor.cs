namespace ComputeDeals.Web.Features.Editing;

/// <summary>Creates, edits, deletes and restores data centers with their capacity timeline.</summary>
public sealed class DataCenterEditor(EditPipeline pipeline) : EntityEditor<DataCenter>(pipeline, EntityKind.DataCenter)
{
    public Task<DataCenter?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        Pipeline.LoadAsync(db => db.DataCenters.Include(d => d.Operator).Include(d => d.Capacity.OrderBy(r => r.EffectiveDate)).ThenInclude(r => r.Source), id, cancellationToken);

    public static DataCenter NewDataCenter() => new() { Name = string.Empty, Slug = string.Empty, Status = FacilityStatus.Planned };

    protected override FieldErrors Rules(DataCenter input, DateOnly today) => DataCenterRules.Validate(input, today);

    protected override IQueryable<DataCenter> Records(AppDbContext db) => db.DataCenters;

    protected override string? SlugOf(DataCenter entity) => entity.Slug;

    protected override SaveSteps<DataCenter> Steps(DataCenter input, CancellationToken cancellationToken) => new()
        {
            LiveCompany = new LiveCompanyStep(input.OperatorId, "OperatorId", TextRules.Gone("operator company")),
            Create = () => new DataCenter { Name = input.Name, Slug = input.Slug },
            Find = db => db.DataCenters.Include(d => d.Capacity).ThenInclude(r => r.Source).FirstOrDefaultAsync(d => d.Id == input.Id, cancellationToken),
            Snapshot = async (db, center) => Snapshots.Of(center, await EditPipeline.CompanyNameAsync(db, center.OperatorId, cancellationToken)),
            Slug = new SlugStep<DataCenter>(d => d.Slug, db => db.DataCenters.AnyAsync(d => d.Slug == input.Slug && d.Id != input.Id, cancellationToken)),
            Apply = (scope, center) => ApplyAsync(scope.Db, center, input, cancellationToken),
        };

    private static async Task ApplyAsync(AppDbContext db, DataCenter center, DataCenter input, CancellationToken cancellationToken)
    {
        center.Name = input.Name;
        center.Slug = input.Slug;
        center.OperatorId = input.OperatorId;
        center.City = input.City;
        center.Region = input.Region;
        center.Country = input.Country;
        center.Latitude = input.Latitude;
        center.Longitude = input.Longitude;
        center.Status = input.Status;
        center.Description = input.Description;
        db.CapacityRows.RemoveRange(center.Capacity);
        var rows = new List<CapacityRow>();
        foreach (var row in input.Capacity.OrderBy(r => r.EffectiveDate))
        {
            rows.Add(row.Copy(await EditPipeline.CitedSourceAsync(db, row.Source, cancellationToken)));
        }

        center.Capacity = rows;
    }

    protected override void Normalize(DataCenter input)
    {
        (input.Name, input.Slug) = NameAndSlug(input.Name, input.Slug);
        input.City = EditPipeline.Clean(input.City);
        input.Region = EditPipeline.Clean(input.Region);
        input.Country = EditPipeline.Clean(input.Country);
        input.Description = EditPipeline.Clean(input.Description);
        foreach (var row in input.Capacity)
        {
            row.Power = NormalizeFigure(row.Power ?? Figure.Undisclosed());
            row.Accelerators = NormalizeOptionalFigure(row.Accelerators);
            row.AcceleratorType = EditPipeline.Clean(row.AcceleratorType);
            EditPipeline.NormalizeCitedSource(row.Source);
        }
    }
}
