using ComputeDeals.Web.Features.Accounts;

namespace ComputeDeals.Web.Features.Import;

/// <summary>One CSV row's problem, named by row number and column.</summary>
public sealed record ImportError(int Row, string Column, string Message);

/// <summary>The result of reading a file: the deals it would create and every problem found.</summary>
public sealed record ImportPreview(IReadOnlyList<Deal> Deals, IReadOnlyList<ImportError> Errors, int RowCount)
{
    public bool CanCommit => Errors.Count == 0 && Deals.Count > 0;
}

/// <summary>
/// Imports deals from CSV: every row is validated with the shared rules (company names resolved to
/// ids), then all rows are created as drafts in one transaction, or none are.
/// </summary>
public sealed class DealImportService(
    IDbContextFactory<AppDbContext> factory, EditorAccess access, EditPipeline pipeline, DealEditor editor, ILogger<DealImportService> logger)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The columns the import reads: the one deal CSV layout (<see cref="DealCsvLayout"/>), shared with the export.</summary>
    public static IReadOnlyList<string> Columns => DealCsvLayout.Columns;

    /// <summary>A header and one example row, in the layout's order.</summary>
    public static string Template
    {
        get
        {
            var example = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["title"] = "Example Cloud leases 120 MW to Example Lab", ["announced_on"] = "2026-05-06", ["announced_precision"] = "day",
                ["type"] = "capacitySaleOrLease", ["status"] = "announced", ["parties"] = "coreweave:provider; anthropic:customer",
                ["value_low"] = "1000000000", ["value_high"] = "1500000000", ["value_qualifier"] = "approximately", ["value_basis"] = "reported",
                ["value_period"] = "total", ["value_note"] = "reports differ", ["capacity_low"] = "120", ["capacity_high"] = "120",
                ["capacity_qualifier"] = "exact", ["term_start"] = "2026-06-01", ["term_months"] = "60", ["summary"] = "A **Markdown** summary.",
                ["source_url"] = "https://example.com/story", ["source_title"] = "Example Cloud signs Example Lab",
                ["source_publisher"] = "Example News", ["source_published_on"] = "2026-05-06",
            };
            // Written by the export's CSV writer: one way to quote a field.
            var csv = new CsvRecordBuilder().Header(Columns);
            foreach (var column in Columns)
            {
                csv.Text(example.GetValueOrDefault(column));
            }

            csv.EndRecord();
            return csv.Record.ToString();
        }
    }

    /// <summary>Parses and validates; reports progress as the fraction of rows checked.</summary>
    public async Task<ImportPreview> PreviewAsync(ClaimsPrincipal user, string text, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        if (await access.ResolveAsync(user, cancellationToken) is null)
        {
            throw new UnauthorizedAccessException("Importing needs the Editor role.");
        }

        List<string[]> rows;
        try
        {
            rows = CsvParser.Parse(text);
        }
        catch (MalformedCsvException ex)
        {
            return new ImportPreview([], [new ImportError(0, "file", ex.Message)], 0);
        }

        if (rows.Count == 0)
        {
            return new ImportPreview([], [new ImportError(0, "file", "The file is empty: download the template and fill in one deal per row.")], 0);
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = new[] { "title", "announced_on", "type", "parties" }.Where(c => !header.Contains(c)).ToList();
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var errors = missing.Select(c => new ImportError(1, c, $"The header lacks the column \"{c}\": start from the template."))
                .Concat(unknown.Select(c => new ImportError(1, c, $"Unknown column \"{c}\": use the template's column names.")))
                .ToList();
            return new ImportPreview([], errors, rows.Count - 1);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var companies = await db.Companies.AsNoTracking().Where(c => !c.IsDeleted).Select(c => new { c.Id, c.Name, c.Slug }).ToListAsync(cancellationToken);
        var aliases = await db.CompanyAliases.AsNoTracking().Select(a => new { a.CompanyId, a.Name }).ToListAsync(cancellationToken);
        var companyByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in aliases)
        {
            companyByName[a.Name] = a.CompanyId;
        }

        foreach (var c in companies)
        {
            companyByName[c.Name] = c.Id;
            companyByName[c.Slug] = c.Id;
        }

        var centerBySlug = await db.DataCenters.AsNoTracking().Where(d => !d.IsDeleted).ToDictionaryAsync(d => d.Slug, d => d.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var existingSlugs = (await db.Deals.IgnoreQueryFilters().Select(d => d.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        existingSlugs.UnionWith(await db.SlugHistory.Where(h => h.EntityKind == EntityKind.Deal).Select(h => h.OldSlug).ToListAsync(cancellationToken));
        var deals = new List<Deal>();
        var problems = new List<ImportError>();
        var fileSlugs = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 1; r < rows.Count; r++)
        {
            var rowNumber = r + 1;
            var cells = rows[r];
            if (cells.Length != header.Length)
            {
                problems.Add(new ImportError(rowNumber, "row", $"The row has {cells.Length} fields but the header has {header.Length}: check for a missing comma or an unquoted comma."));
                continue;
            }

            string? Unguarded(string column) => Array.IndexOf(header, column) is var i and >= 0 ? UnguardFormula(cells[i]) : null;
            string? Cell(string column) => TextRules.Clean(Unguarded(column));
            string?[] Lines(string column) => [.. DealCsvLayout.Lines(Unguarded(column)).Select(TextRules.Clean)];
            var rowErrors = new List<ImportError>();
            var deal = ReadDeal(Cell, Lines, rowNumber, companyByName, centerBySlug, rowErrors);
            // A cell that could not be read was replaced by a default (no date, no number), which the rules
            // would report again: the cell's own problem says what is wrong, so the rules' complaints about
            // it are dropped, and so are those about the empty or defaulted cells of a figure it belongs to.
            var unreadable = rowErrors.Select(e => e.Column).ToHashSet(StringComparer.Ordinal);
            var unreadableFigures = unreadable.Select(FigureOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
            // The deal form's save: the same cleaning (an exact figure with one number gets it at both ends, a
            // blank optional figure is none) and the same rules in Core, so a row and a form agree on what is valid.
            var ruleErrors = editor.Validate(deal);
            foreach (var field in ruleErrors.Fields)
            {
                var column = ColumnOf(field);
                var consequence = unreadable.Contains(column)
                    || (FigureOf(column) is { } figure && unreadableFigures.Contains(figure) && Cell(column) is null);
                if (!consequence)
                {
                    rowErrors.Add(new ImportError(rowNumber, column, ruleErrors.For(field)!));
                }
            }

            if (Slugs.IsValid(deal.Slug) && (existingSlugs.Contains(deal.Slug) || !fileSlugs.Add(deal.Slug)))
            {
                rowErrors.Add(new ImportError(rowNumber, "slug", TextRules.SlugTaken(deal.Slug)));
            }

            problems.AddRange(rowErrors.DistinctBy(e => (e.Column, e.Message)));
            if (rowErrors.Count == 0)
            {
                deals.Add(deal);
            }

            if (r % 50 == 0)
            {
                progress?.Report((double)r / (rows.Count - 1));
                await Task.Yield();
            }
        }

        progress?.Report(1);
        return new ImportPreview(deals, problems, rows.Count - 1);
    }

    /// <summary>
    /// Creates every previewed deal as a draft in one transaction through <see cref="EditPipeline"/>, with a
    /// change record each; all or nothing. The result's id is the number of deals created.
    /// </summary>
    public async Task<EditResult> CommitAsync(ClaimsPrincipal user, ImportPreview preview, CancellationToken cancellationToken = default)
    {
        if (!preview.CanCommit)
        {
            return await access.ResolveAsync(user, cancellationToken) is null
                ? EditResult.Forbidden
                : EditResult.Invalid("file", "Fix every row's problems first: nothing is imported while any row has an error.");
        }

        // Each deal is saved by the deal editor's own step (cleaning, rules, live companies and data centers, free
        // slug, change record) inside one transaction: the server checks again what the preview checked, and
        // one refused deal leaves nothing saved.
        var result = await pipeline.RunAsync(user, EntityKind.Deal, 0, async scope =>
        {
            var records = new List<EditRecord>();
            foreach (var input in preview.Deals)
            {
                // Imported deals are new drafts: the editor's create never publishes.
                input.Id = 0;
                var step = await editor.SaveStepAsync(scope, input, cancellationToken);
                if (step.Failure is { } failure)
                {
                    return EditStep.Fail(Refused(input, failure));
                }

                records.AddRange(step.Records);
            }

            return EditStep.DoneAll(records);
        }, cancellationToken);

        if (result.Outcome == EditOutcome.Saved)
        {
            logger.LogInformation("Imported {Count} deals as drafts", preview.Deals.Count);
            return new EditResult(EditOutcome.Saved, preview.Deals.Count);
        }

        // The import page shows a refused commit under "file": so does a refusal the store gave (a unique slug, say).
        return result.Errors is { } errors && errors.For("file") is null && errors.Fields.FirstOrDefault() is { } field
            ? EditResult.Invalid("file", errors.For(field)!)
            : result;
    }

    /// <summary>A deal the commit refused (the store changed since the preview): which one, and why, under "file".</summary>
    private static EditResult Refused(Deal deal, EditResult failure)
    {
        var why = failure.Errors is { IsValid: false } errors ? errors.For(errors.Fields.First()) : failure.Outcome.ToString();
        return EditResult.Invalid("file", $"\"{deal.Title}\" can no longer be imported: {why} Nothing was imported: preview the file again.");
    }

    /// <summary>The cell without the single quote the export puts before text a spreadsheet would run as a formula.</summary>
    private static string UnguardFormula(string cell) => cell.StartsWith('\'') ? cell[1..] : cell;

    private static Deal ReadDeal(
        Func<string, string?> cell, Func<string, string?[]> lines, int row, Dictionary<string, int> companies, Dictionary<string, int> centers, List<ImportError> errors)
    {
        var title = cell("title") ?? string.Empty;
        var deal = new Deal
        {
            Title = title,
            Slug = cell("slug") ?? Slugs.From(title),
            AnnouncedOn = Date(cell, "announced_on", row, errors) ?? default,
            AnnouncedPrecision = Enum<DatePrecision>(cell, "announced_precision", row, errors) ?? DatePrecision.Day,
            Type = Enum<DealType>(cell, "type", row, errors) ?? DealType.Other,
            Status = Enum<DealStatus>(cell, "status", row, errors) ?? DealStatus.Announced,
            ValuePeriod = Enum<ValuePeriod>(cell, "value_period", row, errors) ?? ValuePeriod.Total,
            Value = ReadFigure(cell, "value", row, errors) ?? Figure.Undisclosed(),
            Capacity = ReadFigure(cell, "capacity", row, errors),
            Accelerators = ReadFigure(cell, "accelerators", row, errors),
            TermStart = Date(cell, "term_start", row, errors),
            TermEnd = Date(cell, "term_end", row, errors),
            Summary = cell("summary"),
        };

        if (cell("term_months") is { } months)
        {
            if (int.TryParse(months, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m))
            {
                deal.TermMonths = m;
            }
            else
            {
                errors.Add(new ImportError(row, "term_months", DealRules.TermMonthsMessage));
            }
        }

        foreach (var part in (cell("parties") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !System.Enum.TryParse<PartyRole>(pieces[1], ignoreCase: true, out var role) || !System.Enum.IsDefined(role))
            {
                errors.Add(new ImportError(row, "parties", $"Write each party as Company:Role (roles: {string.Join(", ", System.Enum.GetNames<PartyRole>())}), separated by semicolons; \"{part}\" is not."));
                continue;
            }

            if (!companies.TryGetValue(pieces[0], out var companyId))
            {
                errors.Add(new ImportError(row, "parties", $"No company is called \"{pieces[0]}\": use an existing company's name or slug, or create it first."));
                continue;
            }

            deal.Parties.Add(new DealParty { CompanyId = companyId, Role = role });
        }

        var urls = lines("source_url");
        var sourceCount = SameLength(lines, DealCsvLayout.SourceColumns, urls.Length, row, "source", errors) ? urls.Length : 0;
        for (var i = 0; i < sourceCount; i++)
        {
            string? Item(string column) => lines(column) is var values && i < values.Length ? values[i] : null;
            if (urls[i] is not { } url)
            {
                errors.Add(new ImportError(row, "source_url", $"Source {i + 1} has no URL: give every source line its URL."));
                continue;
            }

            var supports = SourceSupports.Value | SourceSupports.Capacity;
            if (Item("source_supports") is { } supportsText)
            {
                if (DealCsvLayout.ParseSupports(supportsText) is { } parsed)
                {
                    supports = parsed;
                }
                else
                {
                    errors.Add(new ImportError(row, "source_supports", $"Write what source {i + 1} supports as names joined by '+' ({string.Join(", ", System.Enum.GetNames<SourceSupports>().Select(QueryValues.CamelCase))}); \"{supportsText}\" is not."));
                }
            }

            DateOnly? publishedOn = null;
            if (Item("source_published_on") is { } published)
            {
                publishedOn = DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
                if (publishedOn is null)
                {
                    errors.Add(new ImportError(row, "source_published_on", $"Write source {i + 1}'s publication date as YYYY-MM-DD; \"{published}\" is not."));
                }
            }

            deal.Sources.Add(new DealSource
            {
                Source = new Source { Url = url, Title = Item("source_title") ?? string.Empty, Publisher = Item("source_publisher"), PublishedOn = publishedOn },
                Ordinal = i + 1,
                Supports = supports,
            });
        }

        var slugs = lines("data_centers");
        var centerCount = SameLength(lines, DealCsvLayout.DataCenterColumns, slugs.Length, row, "data center", errors) ? slugs.Length : 0;
        for (var i = 0; i < centerCount; i++)
        {
            var index = i;
            if (slugs[i] is not { } slug || !centers.TryGetValue(slug, out var centerId))
            {
                errors.Add(new ImportError(row, "data_centers", $"No data center has the slug \"{slugs[i]}\": use an existing data center's slug, or create it first."));
                continue;
            }

            string? Share(string column) => lines(column) is var values && index < values.Length ? values[index] : null;
            deal.DataCenters.Add(new DealDataCenter { DataCenterId = centerId, Share = ReadFigure(c => Share(c), "data_center_share", row, errors) });
        }

        return deal;
    }

    /// <summary>A list's columns must not hold more lines than its first column (an item per line).</summary>
    private static bool SameLength(Func<string, string?[]> lines, string[] columns, int count, int row, string item, List<ImportError> errors)
    {
        var longer = columns.Skip(1).Where(c => lines(c).Length > count).ToList();
        foreach (var column in longer)
        {
            errors.Add(new ImportError(row, column, $"\"{column}\" has {lines(column).Length} lines but \"{columns[0]}\" has {count}: write one line per {item}."));
        }

        return longer.Count == 0;
    }

    private static Figure? ReadFigure(Func<string, string?> cell, string prefix, int row, List<ImportError> errors)
    {
        var low = Number(cell, prefix + "_low", row, errors);
        var high = Number(cell, prefix + "_high", row, errors);
        var qualifier = Enum<FigureQualifier>(cell, prefix + "_qualifier", row, errors);
        var basis = Enum<FigureBasis>(cell, prefix + "_basis", row, errors);
        var note = cell(prefix + "_note");
        if (low is null && high is null && qualifier is null)
        {
            return basis is null && note is null ? null : new Figure { Basis = basis ?? FigureBasis.Reported, Note = note };
        }

        return new Figure { Low = low, High = high, Qualifier = qualifier ?? FigureQualifier.Exact, Basis = basis ?? FigureBasis.Reported, Note = note };
    }

    private static double? Number(Func<string, string?> cell, string column, int row, List<ImportError> errors)
    {
        if (cell(column) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(new ImportError(row, column, $"Write \"{Short(text)}\" as a plain number in base units (dollars, MW or a count), such as 1500000000."));
        return null;
    }

    private static DateOnly? Date(Func<string, string?> cell, string column, int row, List<ImportError> errors)
    {
        if (cell(column) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new ImportError(row, column, IsDateShaped(text)
            ? $"\"{Short(text)}\" is not a calendar date: write a date that exists as yyyy-MM-dd (month 01–12, a day the month has), such as 2026-05-06."
            : $"Write the date \"{Short(text)}\" as yyyy-MM-dd, such as 2026-05-06."));
        return null;
    }

    private static T? Enum<T>(Func<string, string?> cell, string column, int row, List<ImportError> errors)
        where T : struct, Enum
    {
        if (cell(column) is not { } text)
        {
            return null;
        }

        if (!text.Any(char.IsDigit) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        errors.Add(new ImportError(row, column, $"\"{Short(text)}\" is not one of {string.Join(", ", System.Enum.GetNames<T>())}."));
        return null;
    }

    /// <summary>True for "2026-13-40": the right shape, but no such day.</summary>
    private static bool IsDateShaped(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Remove(7, 1).Remove(4, 1).All(char.IsAsciiDigit);

    /// <summary>The figure a column belongs to ("value_low" → "value"), or null for a column that is not part of a figure.</summary>
    private static string? FigureOf(string column)
    {
        foreach (var part in (ReadOnlySpan<string>)["_low", "_high", "_qualifier", "_basis", "_note"])
        {
            if (column.EndsWith(part, StringComparison.Ordinal))
            {
                return column[..^part.Length];
            }
        }

        return null;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Maps a rule's field key to the CSV column it came from.</summary>
    private static string ColumnOf(string field) => field switch
    {
        "Title" => "title",
        "Slug" => "slug",
        "AnnouncedOn" => "announced_on",
        "AnnouncedPrecision" => "announced_precision",
        "Type" => "type",
        "Status" => "status",
        "ValuePeriod" => "value_period",
        "TermStart" => "term_start",
        "TermEnd" => "term_end",
        "TermMonths" => "term_months",
        "Summary" => "summary",
        "Value.Note" => "value_note",
        "Value.Basis" => "value_basis",
        _ when field.StartsWith("Parties", StringComparison.Ordinal) => "parties",
        _ when field.StartsWith("Sources[", StringComparison.Ordinal) => "source_" + field[(field.IndexOf("].", StringComparison.Ordinal) + 2)..].ToLowerInvariant() switch { "publishedon" => "published_on", var s => s },
        _ when field.StartsWith("DataCenters[", StringComparison.Ordinal) && field.Contains("].Share.", StringComparison.Ordinal) => "data_center_share_" + field[(field.IndexOf("].Share.", StringComparison.Ordinal) + 8)..].ToLowerInvariant(),
        _ when field.StartsWith("DataCenters[", StringComparison.Ordinal) => "data_centers",
        _ when field.Contains('.', StringComparison.Ordinal) => field.ToLowerInvariant().Replace('.', '_'),
        _ => field.ToLowerInvariant(),
    };
}
