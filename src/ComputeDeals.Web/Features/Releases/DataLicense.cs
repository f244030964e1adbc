namespace ComputeDeals.Web.Features.Releases;

/// <summary>Settings under "Site": the licence of the data (CC BY 4.0 unless configured otherwise).</summary>
public sealed class DataLicenseOptions
{
    public const string Section = "Site";

    /// <summary>SPDX id or name of the data licence.</summary>
    public string DataLicense { get; set; } = "CC-BY-4.0";

    /// <summary>Where the licence text is; derived from well-known ids when empty.</summary>
    public string? DataLicenseUrl { get; set; }

    /// <summary>Who publishes the dataset (creator in citations and schema.org).</summary>
    public string Publisher { get; set; } = "ComputeDeals";
}

/// <summary>The data licence as pages, JSON and headers state it.</summary>
public sealed record DataLicense(string Id, string Name, string Url)
{
    public static DataLicense From(DataLicenseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = string.IsNullOrWhiteSpace(options.DataLicense) ? "CC-BY-4.0" : options.DataLicense.Trim();
        var (name, url) = id.ToUpperInvariant() switch
        {
            "CC-BY-4.0" => ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
            "CC0-1.0" => ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
            "CC-BY-SA-4.0" => ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
            "ODBL-1.0" => ("ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
            _ => (id, "/data#license"),
        };
        return new DataLicense(id, name, string.IsNullOrWhiteSpace(options.DataLicenseUrl) ? url : options.DataLicenseUrl.Trim());
    }

    /// <summary>The value of a <c>Link: &lt;url&gt;; rel="license"</c> header.</summary>
    public string LinkHeader => $"<{Url}>; rel=\"license\"";
}
