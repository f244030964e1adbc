using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Validation;

/// <summary>Length limits shared by the rules and the database columns.</summary>
public static class FieldLimits
{
    public const int Name = 200;
    public const int Title = 300;
    public const int SourceTitle = 500;
    public const int Publisher = 200;
    public const int Url = 2000;
    public const int Website = 500;
    public const int FigureNote = 500;

    /// <summary>An ISO 3166-1 alpha-2 country code.</summary>
    public const int CountryCode = 2;
    public const int Description = 4000;
    public const int Summary = 8000;
    public const int MaxTermMonths = 1200;

    /// <summary>A reader's correction: what is wrong and what it should be.</summary>
    public const int CorrectionText = 4000;

    /// <summary>The longest email address a mail path may carry (RFC 5321).</summary>
    public const int Email = 254;

    /// <summary>Who made a change, decided a suggestion or created a release: an account's user name (as ASP.NET Core Identity stores it).</summary>
    public const int UserName = 256;

    /// <summary>An editor's reason for rejecting a suggested correction.</summary>
    public const int RejectReason = 1000;

    /// <summary>A dataset release id such as 2026-11-29.1.</summary>
    public const int ReleaseId = 20;

    /// <summary>A SHA-256 checksum as lowercase hex.</summary>
    public const int Sha256Hex = 64;
}

/// <summary>Rules for a cited source.</summary>
public static class SourceRules
{
    public static FieldErrors Validate(Source source, DateOnly today) => Validate(new FieldErrors(), string.Empty, source, today);

    public static FieldErrors Validate(FieldErrors errors, string prefix, Source source, DateOnly today)
    {
        TextRules.Url(errors, prefix + "Url", "source URL", source.Url, required: true, FieldLimits.Url);
        TextRules.Required(errors, prefix + "Title", "source title", source.Title, FieldLimits.SourceTitle);
        TextRules.Plain(errors, prefix + "Publisher", "publisher", source.Publisher, FieldLimits.Publisher);
        TextRules.Date(errors, prefix + "PublishedOn", "publication date", source.PublishedOn, required: false, latest: today.AddDays(1));
        return errors;
    }

    /// <summary>An optional cited source (a capacity row's, a valuation's): checked once it has a URL, ignored while blank.</summary>
    public static void ValidateCited(FieldErrors errors, string prefix, Source? source, DateOnly today)
    {
        if (source is not null && !string.IsNullOrWhiteSpace(source.Url))
        {
            Validate(errors, prefix, source, today);
        }
    }
}

/// <summary>Rules for a deal, including what publishing needs.</summary>
public static class DealRules
{
    /// <summary>
    /// What a term in months must be, in the words every writer uses: the rule below, the deal form when the
    /// text is not a whole number, and the CSV import when the cell is not one.
    /// </summary>
    public static readonly string TermMonthsMessage = $"Enter the term as a whole number of months from 1 to {FieldLimits.MaxTermMonths}.";

    public static FieldErrors Validate(Deal deal, DateOnly today)
    {
        var errors = TextRules.Named("Title", "title", deal.Title, FieldLimits.Title, deal.Slug);
        TextRules.Date(errors, "AnnouncedOn", "announcement date", deal.AnnouncedOn, required: true, latest: today.AddYears(1));
        TextRules.Defined(errors, "AnnouncedPrecision", "date precision", deal.AnnouncedPrecision);
        TextRules.Defined(errors, "Type", "deal type", deal.Type);
        TextRules.Defined(errors, "Status", "status", deal.Status);
        TextRules.Defined(errors, "ValuePeriod", "value period", deal.ValuePeriod);
        FigureRules.Validate(errors, "Value", "value", deal.Value, FigureUnit.Usd);
        FigureRules.Validate(errors, "Capacity", "capacity", deal.Capacity, FigureUnit.Megawatts);
        FigureRules.Validate(errors, "Accelerators", "accelerator count", deal.Accelerators, FigureUnit.Count);
        TextRules.Markdown(errors, "Summary", "summary", deal.Summary, FieldLimits.Summary);

        TextRules.Date(errors, "TermStart", "term start", deal.TermStart, required: false);
        TextRules.Date(errors, "TermEnd", "term end", deal.TermEnd, required: false);
        if (deal.TermStart is { } start && deal.TermEnd is { } end && end < start)
        {
            errors.Add("TermEnd", "The term ends before it starts: make the end date later than the start.");
        }

        if (deal.TermMonths is { } months && (months < 1 || months > FieldLimits.MaxTermMonths))
        {
            errors.Add("TermMonths", TermMonthsMessage);
        }

        if (deal.Parties.Count == 0)
        {
            errors.Add("Parties", "Add at least one party: the companies in the deal and their roles.");
        }

        var seenParties = new HashSet<int>();
        for (var i = 0; i < deal.Parties.Count; i++)
        {
            var party = deal.Parties[i];
            if (party.CompanyId <= 0)
            {
                errors.Add($"Parties[{i}].CompanyId", "Pick the company from the list (start typing its name).");
            }

            TextRules.Defined(errors, $"Parties[{i}].Role", "role", party.Role);
            if (party.CompanyId > 0 && !seenParties.Add(party.CompanyId))
            {
                errors.Add($"Parties[{i}].CompanyId", "This company is already a party to the deal: a company cannot be on both sides, so remove this row or pick another company.");
            }
        }

        var seenCenters = new HashSet<int>();
        for (var i = 0; i < deal.DataCenters.Count; i++)
        {
            var center = deal.DataCenters[i];
            if (TextRules.Picked(errors, $"DataCenters[{i}].DataCenterId", "the data center", center.DataCenterId)
                && !seenCenters.Add(center.DataCenterId))
            {
                errors.Add($"DataCenters[{i}].DataCenterId", "This data center is listed twice: remove the duplicate row.");
            }

            FigureRules.Validate(errors, $"DataCenters[{i}].Share", "MW share", center.Share, FigureUnit.Megawatts);
        }

        // A source is its URL and title: reports often name only a site, so two articles of one site share a URL.
        var seenSources = new HashSet<(string, string)>();
        for (var i = 0; i < deal.Sources.Count; i++)
        {
            var link = deal.Sources[i];
            if (link.Source is null)
            {
                errors.Add($"Sources[{i}].Url", "Enter the source's URL and title.");
                continue;
            }

            SourceRules.Validate(errors, $"Sources[{i}].", link.Source, today);
            if (!string.IsNullOrWhiteSpace(link.Source.Url)
                && !seenSources.Add((link.Source.Url.Trim().ToUpperInvariant(), (link.Source.Title ?? string.Empty).Trim().ToUpperInvariant())))
            {
                errors.Add($"Sources[{i}].Url", "This source (the same URL and title) is already cited: remove the duplicate.");
            }

            var allFlags = SourceSupports.Value | SourceSupports.Capacity | SourceSupports.Accelerators;
            if ((link.Supports & ~allFlags) != 0)
            {
                errors.Add($"Sources[{i}].Supports", "Pick what the source supports from value, capacity and accelerators.");
            }
        }

        if (deal.IsPublished && deal.Sources.Count == 0)
        {
            errors.Add("Sources", "Add at least one source before publishing: every published deal cites where it comes from.");
        }

        return errors;
    }
}

/// <summary>Rules for a company.</summary>
public static class CompanyRules
{
    public static FieldErrors Validate(Company company, DateOnly today)
    {
        var errors = TextRules.Named("Name", "name", company.Name, FieldLimits.Name, company.Slug);
        TextRules.Defined(errors, "Kind", "kind", company.Kind);
        TextRules.Defined(errors, "Coverage", "capacity coverage", company.Coverage);
        TextRules.Country(errors, "Country", company.Country);
        TextRules.Url(errors, "Website", "website", company.Website, required: false, FieldLimits.Website);
        TextRules.Markdown(errors, "Description", "description", company.Description, FieldLimits.Description);
        if (company.ParentId is { } parent && parent == company.Id && company.Id != 0)
        {
            errors.Add("ParentId", "A company cannot be its own parent: pick another company or none.");
        }

        if (company.ParentSince is not null && company.ParentId is null)
        {
            errors.Add("ParentSince", "Pick the parent company, or clear the date.");
        }

        TextRules.Date(errors, "ParentSince", "date the parent took control", company.ParentSince, required: false, latest: today.AddYears(1));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { company.Name?.Trim() ?? string.Empty };
        for (var i = 0; i < company.Aliases.Count; i++)
        {
            var alias = company.Aliases[i].Name;
            TextRules.Required(errors, $"Aliases[{i}].Name", "alias", alias, FieldLimits.Name);
            if (!string.IsNullOrWhiteSpace(alias) && !seen.Add(alias.Trim()))
            {
                errors.Add($"Aliases[{i}].Name", "This alias repeats the name or another alias: remove it.");
            }
        }

        return errors;
    }
}

/// <summary>Rules for a data center and its capacity timeline.</summary>
public static class DataCenterRules
{
    /// <summary>What a latitude must be, in the words the rule and the form (text that is not a number) both use.</summary>
    public const string LatitudeMessage = "Enter the latitude in decimal degrees between -90 and 90, such as 35.14.";

    /// <summary>What a longitude must be, in the words the rule and the form (text that is not a number) both use.</summary>
    public const string LongitudeMessage = "Enter the longitude in decimal degrees between -180 and 180, such as -90.05.";

    public static FieldErrors Validate(DataCenter center, DateOnly today)
    {
        var errors = TextRules.Named("Name", "name", center.Name, FieldLimits.Name, center.Slug);
        TextRules.Picked(errors, "OperatorId", "the operator company", center.OperatorId);

        TextRules.Plain(errors, "City", "city", center.City, FieldLimits.Name);
        TextRules.Plain(errors, "Region", "region", center.Region, FieldLimits.Name);
        TextRules.Country(errors, "Country", center.Country);
        TextRules.Defined(errors, "Status", "status", center.Status);
        TextRules.Markdown(errors, "Description", "description", center.Description, FieldLimits.Description);
        if (center.Latitude is { } lat && (double.IsNaN(lat) || lat < -90 || lat > 90))
        {
            errors.Add("Latitude", LatitudeMessage);
        }

        if (center.Longitude is { } lon && (double.IsNaN(lon) || lon < -180 || lon > 180))
        {
            errors.Add("Longitude", LongitudeMessage);
        }

        if (center.Latitude.HasValue != center.Longitude.HasValue)
        {
            errors.Add(center.Latitude.HasValue ? "Longitude" : "Latitude", "Enter both latitude and longitude, or neither.");
        }

        var seenDates = new HashSet<DateOnly>();
        for (var i = 0; i < center.Capacity.Count; i++)
        {
            var row = center.Capacity[i];
            var prefix = $"Capacity[{i}].";
            TextRules.Date(errors, prefix + "EffectiveDate", "effective date", row.EffectiveDate, required: true);
            TextRules.Defined(errors, prefix + "Precision", "date precision", row.Precision);
            TextRules.Defined(errors, prefix + "Status", "status", row.Status);
            FigureRules.Validate(errors, prefix + "Power", "power", row.Power, FigureUnit.Megawatts);
            FigureRules.Validate(errors, prefix + "Accelerators", "accelerator count", row.Accelerators, FigureUnit.Count);
            TextRules.Plain(errors, prefix + "AcceleratorType", "accelerator type", row.AcceleratorType, FieldLimits.Name);
            if (!seenDates.Add(row.EffectiveDate))
            {
                errors.Add(prefix + "EffectiveDate", "Another row has the same date: merge the rows or change the date.");
            }

            SourceRules.ValidateCited(errors, prefix + "Source.", row.Source, today);
        }

        return errors;
    }
}

/// <summary>Rules for a valuation.</summary>
public static class ValuationRules
{
    public static FieldErrors Validate(Valuation valuation, DateOnly today)
    {
        var errors = new FieldErrors();
        TextRules.Picked(errors, "CompanyId", "the company", valuation.CompanyId);

        TextRules.Date(errors, "AsOf", "as-of date", valuation.AsOf, required: true, latest: today.AddDays(1));
        TextRules.Defined(errors, "Basis", "basis", valuation.Basis);
        FigureRules.Validate(errors, "Amount", "valuation", valuation.Amount, FigureUnit.Usd, requireDisclosed: true);
        SourceRules.ValidateCited(errors, "Source.", valuation.Source, today);

        return errors;
    }
}
