namespace ComputeDeals.Web.Features.Editing;

/// <summary>A pickable company or data center in the editor forms.</summary>
public sealed record LookupItem(int Id, string Name, string Slug);

/// <summary>A row of the editor's list of records to edit.</summary>
public sealed record EditableRow(EntityKind Kind, int Id, string Title, string? Slug, bool IsDraft, bool IsDeleted, DateTimeOffset UpdatedAt);

/// <summary>Options for the autocompletes and the editor's lists, drafts and deleted records included.</summary>
public sealed class EditorLookups(IDbContextFactory<AppDbContext> factory)
{
    public async Task<IReadOnlyList<LookupItem>> CompaniesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking().Where(c => !c.IsDeleted).OrderBy(c => c.Name)
            .Select(c => new LookupItem(c.Id, c.Name, c.Slug)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LookupItem>> DataCentersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.DataCenters.AsNoTracking().Where(c => !c.IsDeleted).OrderBy(c => c.Name)
            .Select(c => new LookupItem(c.Id, c.Name, c.Slug)).ToListAsync(cancellationToken);
    }

    /// <summary>Every record an editor may open, newest change first.</summary>
    public async Task<IReadOnlyList<EditableRow>> EditableAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Select(d => new EditableRow(EntityKind.Deal, d.Id, d.Title, d.Slug, !d.IsPublished, d.IsDeleted, d.UpdatedAt)).ToListAsync(cancellationToken);
        var companies = await db.Companies.AsNoTracking()
            .Select(c => new EditableRow(EntityKind.Company, c.Id, c.Name, c.Slug, false, c.IsDeleted, c.UpdatedAt)).ToListAsync(cancellationToken);
        var centers = await db.DataCenters.AsNoTracking()
            .Select(c => new EditableRow(EntityKind.DataCenter, c.Id, c.Name, c.Slug, false, c.IsDeleted, c.UpdatedAt)).ToListAsync(cancellationToken);
        var valuations = await db.Valuations.IgnoreQueryFilters().AsNoTracking()
            .Select(v => new { v.Id, Company = v.Company!.Name, v.AsOf, v.IsDeleted, v.UpdatedAt }).ToListAsync(cancellationToken);
        return deals.Concat(companies).Concat(centers)
            .Concat(valuations.Select(v => new EditableRow(EntityKind.Valuation, v.Id, $"{v.Company} valuation, {v.AsOf:yyyy-MM-dd}", null, false, v.IsDeleted, v.UpdatedAt)))
            .OrderByDescending(r => r.UpdatedAt).ToList();
    }
}
