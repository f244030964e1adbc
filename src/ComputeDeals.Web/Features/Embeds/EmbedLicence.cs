namespace ComputeDeals.Web.Features.Embeds;

/// <summary>The licence line carried by feeds and embeds (the dataset page at /data holds the full terms).</summary>
public static class EmbedLicence
{
    public const string Name = "CC BY 4.0";

    public const string Url = "https://creativecommons.org/licenses/by/4.0/";

    public const string Text = "Data: ComputeDeals, CC BY 4.0. Cite ComputeDeals and the sources linked with each figure.";
}
