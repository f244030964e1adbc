namespace ComputeDeals.Web.Tests.Features.Analytics;

/// <summary>
/// The companies rule of an analytics comparison, as a list of query strings with the answer every surface must give
/// (docs/analytics.md, "Compared companies"): the page, the API, the embed and oEmbed each run these cases. The
/// expected slugs and messages are written out by hand from the rule, not taken from the code.
/// </summary>
public static class ComparedCompaniesCases
{
    /// <summary>13 companies of the seed data (it has 14).</summary>
    public const string Thirteen = "xai,spacex,anthropic,openai,amazon,google,microsoft,meta,coreweave,nvidia,oracle,cursor,fluidstack";

    /// <summary>12 companies of the seed data: the most a comparison takes.</summary>
    public const string Twelve = "xai,spacex,anthropic,openai,amazon,google,microsoft,meta,coreweave,nvidia,oracle,cursor";

    /// <summary>The default comparison, when no companies parameter is given.</summary>
    public static readonly string[] Default = ["xai", "coreweave", "anthropic"];

    /// <summary>Query strings (without "?") naming a valid comparison, and the companies compared, in order.</summary>
    public static TheoryData<string, string[]> Valid => new()
    {
        // No parameter: the default comparison.
        { "", Default },
        // One company: its valuation per MW is meaningful on its own.
        { "companies=anthropic", ["anthropic"] },
        // A company named twice (in any letter case) counts once, where it is first named; letter case is the record's.
        { "companies=xai,Anthropic,XAI", ["xai", "anthropic"] },
        // Blanks and spaces around the slugs are dropped.
        { "companies=%20coreweave%20,,openai", ["coreweave", "openai"] },
        // Twelve, the most.
        { "companies=" + Twelve, Twelve.Split(',') },
        // Twelve distinct companies among thirteen names.
        { "companies=" + Twelve + ",XAI", Twelve.Split(',') },
    };

    /// <summary>Query strings (without "?") that name no valid comparison, and the one message every surface gives.</summary>
    public static TheoryData<string, string> Invalid => new()
    {
        { "companies=", "Name one to 12 companies to compare: their slugs separated by commas, such as companies=xai,coreweave." },
        { "companies=,%20,", "Name one to 12 companies to compare: their slugs separated by commas, such as companies=xai,coreweave." },
        { "companies=" + Thirteen, "Compare at most 12 companies at a time: 13 are named." },
        { "companies=nobody", "Unknown company slug: nobody." },
        { "companies=xai,nobody,coreweave,no-such-lab", "Unknown company slugs: nobody, no-such-lab." },
    };

    /// <summary>"?asOf=2026-06-01" followed by the case's query.</summary>
    public static string At(string query) => "?asOf=2026-06-01" + (query.Length > 0 ? "&" + query : string.Empty);
}
