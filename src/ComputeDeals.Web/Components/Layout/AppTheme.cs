using MudBlazor;

namespace ComputeDeals.Web.Components.Layout;

/// <summary>The app's palette and type: calm, dense and typographic; system fonts only (works offline).</summary>
public static class AppTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Noto Sans", "Liberation Sans", "sans-serif"];

    /// <summary>
    /// Each colour role with its light and its dark value side by side, so that a role's two themes are read (and
    /// their contrast checked) together. Null keeps MudBlazor's default for that theme.
    /// </summary>
    private static readonly ColourRole[] Colours =
    [
        new((p, c) => p.Primary = c, "#1f4e9c", "#8fb4ff"),
        new((p, c) => p.PrimaryContrastText = c, null, "#0d1b33"), // dark text on the light blue: 9:1 (white would be 2:1)
        new((p, c) => p.Secondary = c, "#8a3b12", "#f2a27a"),
        new((p, c) => p.AppbarBackground = c, "#13233f", "#0d1522"),
        new((p, c) => p.AppbarText = c, "#ffffff", "#e8edf5"),
        new((p, c) => p.Background = c, "#f7f8fa", "#11161d"),
        new((p, c) => p.Surface = c, "#ffffff", "#19202a"),
        new((p, c) => p.TextPrimary = c, "#1b1f24", "#e6eaf0"),
        new((p, c) => p.TextSecondary = c, "#4a5360", "#aab4c2"),
        new((p, c) => p.LinesDefault = c, "#d5d9df", "#364152"),
        new((p, c) => p.TableLines = c, "#e3e6ea", "#2a3340"),
    ];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = Painted(new PaletteLight(), c => c.Light),
        PaletteDark = Painted(new PaletteDark(), c => c.Dark),
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

    private static T Painted<T>(T palette, Func<ColourRole, string?> colourOf)
        where T : Palette
    {
        foreach (var role in Colours)
        {
            if (colourOf(role) is { } colour)
            {
                role.Set(palette, colour);
            }
        }

        return palette;
    }

    /// <summary>A colour role of the palette (set by <see cref="Set"/>) and its value in each theme.</summary>
    private sealed record ColourRole(Action<Palette, string> Set, string? Light, string? Dark);
}
