namespace ComputeDeals.Web.Components.Shared;

/// <summary>The size of every share card (the OpenGraph large-image ratio).</summary>
public static class ShareCardSize
{
    public const int Width = 1200;

    public const int Height = 630;
}
