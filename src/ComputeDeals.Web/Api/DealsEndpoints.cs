namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/deals (mapped in <see cref="OpenDataApi"/>): the filtered, sorted, paged deal list and one deal by slug.</summary>
public static class DealsEndpoints
{
    public static async Task<Results<CachedJson<DealListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] DealQueryParameters parameters, HttpRequest request, DealListQuery deals, CancellationToken cancellationToken)
    {
        var parsed = parameters.Parse();
        if (!parsed.IsValid)
        {
            return ApiProblems.InvalidQuery(parsed.Errors);
        }

        var filter = parsed.Filter;
        var result = await deals.QueryAsync(filter, cancellationToken);
        var links = new ApiLinks(request);

        // The service clamps a page past the end to the last one; an API client asking past the end gets no rows.
        var pastEnd = result.Page != filter.Page;
        var items = pastEnd ? [] : result.Items.Select(d => ToListItem(d, links)).ToList();
        var page = filter.Page;
        var listUrl = links.Absolute(OpenDataApi.Prefix + "/deals");
        var response = new DealListResponse(
            items,
            result.Total,
            page,
            result.PageSize,
            result.PageCount,
            result.UndisclosedValueCount,
            new PageLinksDto(
                listUrl + (filter with { Page = page }).ToQueryString(),
                page < result.PageCount ? listUrl + (filter with { Page = page + 1 }).ToQueryString() : null,
                page > 1 ? listUrl + (filter with { Page = Math.Min(page - 1, result.PageCount) }).ToQueryString() : null,
                links.Absolute("/deals") + filter.ToQueryString()));
        return new CachedJson<DealListResponse>(response);
    }

    public static async Task<Results<CachedJson<DealDetailDto>, RedirectHttpResult, ProblemHttpResult>> GetAsync(
        string slug, HttpRequest request, ReadModel readModel, SlugRedirects redirects, CancellationToken cancellationToken)
    {
        var snapshot = readModel.Current;
        var links = new ApiLinks(request);
        if (!snapshot.DealsBySlug.TryGetValue(slug, out var entry))
        {
            // Only a miss reads the store: the slug history is not part of the read model.
            var renamed = await redirects.CurrentSlugAsync(EntityKind.Deal, slug, cancellationToken);
            return renamed is null
                ? ApiProblems.NotFound("deal", slug)
                : TypedResults.Redirect(links.DealApi(renamed), permanent: true);
        }

        return new CachedJson<DealDetailDto>(ToDetail(SnapshotEntities.ToDeal(snapshot, entry.Deal), links));
    }

    public static DealListItemDto ToListItem(DealSummary d, ApiLinks links) => new(
        d.Slug,
        d.Title,
        d.AnnouncedOn,
        d.Precision,
        Labels.Date(d.AnnouncedOn, d.Precision),
        d.Type,
        d.Status,
        d.Parties.Select(p => PartyDto.Of(p.Slug, p.Name, p.Role, links)).ToList(),
        FigureDto.FromValue(d.Value, d.ValuePeriod),
        d.ValuePeriod,
        FigureDto.FromOptional(d.Capacity, FigureUnit.Megawatts),
        d.Summary,
        links.DealApi(d.Slug),
        links.DealPermalink(d.Slug));

    private static DealDetailDto ToDetail(Deal deal, ApiLinks links)
    {
        var sources = deal.Sources.Where(s => s.Source is not null).ToList();
        IReadOnlyList<SourceRefDto> Supporting(SourceSupports figure) => sources
            .Where(s => s.Supports.HasFlag(figure))
            .Select(s => new SourceRefDto(s.Ordinal, s.Source!.Url, s.Source.Title, s.Source.Publisher, s.Source.PublishedOn))
            .ToList();

        return new DealDetailDto(
            deal.Slug,
            deal.Title,
            deal.AnnouncedOn,
            deal.AnnouncedPrecision,
            Labels.Date(deal.AnnouncedOn, deal.AnnouncedPrecision),
            deal.Type,
            deal.Status,
            deal.Parties.Where(p => p.Company is not null)
                .Select(p => PartyDto.Of(p.Company!.Slug, p.Company.Name, p.Role, links))
                .ToList(),
            deal.DataCenters.Where(x => x.DataCenter is not null)
                .Select(x => new DealDataCenterDto(
                    x.DataCenter!.Slug,
                    x.DataCenter.Name,
                    FigureDto.FromOptional(x.Share, FigureUnit.Megawatts),
                    links.DataCenterApi(x.DataCenter.Slug),
                    links.DataCenterPermalink(x.DataCenter.Slug)))
                .ToList(),
            FigureDto.FromValue(deal.Value, deal.ValuePeriod, Supporting(SourceSupports.Value)),
            deal.ValuePeriod,
            FigureDto.FromOptional(deal.Capacity, FigureUnit.Megawatts, Supporting(SourceSupports.Capacity)),
            FigureDto.FromOptional(deal.Accelerators, FigureUnit.Count, Supporting(SourceSupports.Accelerators)),
            new TermDto(deal.TermStart, deal.TermEnd, deal.TermMonths, deal.EffectiveTermEnd),
            deal.Summary,
            sources.Select(s => new DealSourceDto(
                s.Ordinal,
                s.Source!.Url,
                s.Source.Title,
                s.Source.Publisher,
                s.Source.PublishedOn,
                Labels.SupportedFigures(s.Supports))).ToList(),
            deal.PublishedAt,
            deal.UpdatedAt,
            links.DealApi(deal.Slug),
            links.DealPermalink(deal.Slug));
    }
}
