using Microsoft.Extensions.Primitives;

namespace ComputeDeals.Web.Features.Analytics;

/// <summary>
/// Which companies an analytics comparison compares: the one rule for the <c>companies</c> query parameter of the
/// /analytics page, /api/v1/analytics/valuations, the valuation-per-MW embed, oEmbed and the embed code's height
/// (docs/analytics.md, "Compared companies"). Either the resolved companies or one message saying what is wrong:
/// <list type="bullet">
/// <item>no <c>companies</c> parameter: the default comparison, <see cref="DefaultSlugs"/> (those of them in the data);</item>
/// <item>a parameter naming no company (<c>companies=</c>): an error;</item>
/// <item>a company named twice (in any letter case) counts once, where it is first named;</item>
/// <item>more than <see cref="Max"/> companies: an error;</item>
/// <item>slugs of no company: an error naming every one of them.</item>
/// </list>
/// </summary>
public sealed record ComparedCompanies
{
    /// <summary>The query parameter that names the compared companies.</summary>
    public const string Parameter = "companies";

    /// <summary>At most this many companies are compared at a time.</summary>
    public const int Max = 12;

    /// <summary>Companies compared when no <c>companies</c> parameter names any.</summary>
    public static readonly IReadOnlyList<string> DefaultSlugs = ["xai", "coreweave", "anthropic"];

    /// <summary>The message for a parameter that names no company.</summary>
    public static readonly string NoneNamed =
        $"Name one to {Max} companies to compare: their slugs separated by commas, such as companies=xai,coreweave.";

    private ComparedCompanies(IReadOnlyList<CompanyRef> companies, string? error)
    {
        Companies = companies;
        Error = error;
    }

    /// <summary>The compared companies in the order named (empty when <see cref="Error"/> is set).</summary>
    public IReadOnlyList<CompanyRef> Companies { get; }

    /// <summary>What is wrong with the parameter, or null when it names a valid comparison.</summary>
    public string? Error { get; }

    public bool IsValid => Error is null;

    /// <summary>The compared companies' slugs, as the records spell them.</summary>
    public IReadOnlyList<string> Slugs => [.. Companies.Select(c => c.Slug)];

    /// <summary>
    /// The company slugs a <c>companies</c> query parameter names, in order: comma-separated, a repeated parameter
    /// read as one list (a form without JavaScript repeats it), each slug trimmed, blanks dropped.
    /// </summary>
    public static IReadOnlyList<string> Named(StringValues companies) =>
        [.. companies.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>
    /// The comparison a <c>companies</c> parameter asks for, resolved against the companies the calculator knows.
    /// An absent parameter is <see cref="StringValues.Empty"/> (a <c>null</c> string array converts to it).
    /// </summary>
    public static ComparedCompanies Resolve(StringValues companies, AnalyticsCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        if (companies.Count == 0)
        {
            return new([.. DefaultSlugs.Select(calculator.Company).OfType<CompanyRef>()], null);
        }

        var named = Named(companies).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (named.Count == 0)
        {
            return new([], NoneNamed);
        }

        if (named.Count > Max)
        {
            return new([], $"Compare at most {Max} companies at a time: {named.Count} are named.");
        }

        var found = named.Select(slug => (Slug: slug, Company: calculator.Company(slug))).ToList();
        var unknown = found.Where(f => f.Company is null).Select(f => f.Slug).ToList();
        return unknown.Count > 0
            ? new([], (unknown.Count == 1 ? "Unknown company slug: " : "Unknown company slugs: ") + string.Join(", ", unknown) + ".")
            : new([.. found.Select(f => f.Company!).DistinctBy(c => c.Id)], null);
    }
}
