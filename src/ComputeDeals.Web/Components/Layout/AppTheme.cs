using MudBlazor;

namespace ComputeDeals.Web.Components.Layout;

/// <summary>The app's palette and type: calm, dense and typographic; system fonts only (works offline).</summary>
public static class AppTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Noto Sans", "Liberation Sans", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e9c",
            Secondary = "#8a3b12",
            AppbarBackground = "#13233f",
            AppbarText = "#ffffff",
            Background = "#f7f8fa",
            Surface = "#ffffff",
            TextPrimary = "#1b1f24",
            TextSecondary = "#4a5360",
            LinesDefault = "#d5d9df",
            TableLines = "#e3e6ea",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8fb4ff",
            PrimaryContrastText = "#0d1b33", // dark text on the light blue: 9:1 (white would be 2:1)
            Secondary = "#f2a27a",
            AppbarBackground = "#0d1522",
            AppbarText = "#e8edf5",
            Background = "#11161d",
            Surface = "#19202a",
            TextPrimary = "#e6eaf0",
            TextSecondary = "#aab4c2",
            LinesDefault = "#364152",
            TableLines = "#2a3340",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "1.9rem", FontWeight = "600", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.4rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "1.15rem", FontWeight = "600", LineHeight = "1.35" },
            Button = new ButtonTypography { FontFamily = SystemFonts },
            Body1 = new Body1Typography { FontFamily = SystemFonts },
            Body2 = new Body2Typography { FontFamily = SystemFonts },
        },
    };
}
