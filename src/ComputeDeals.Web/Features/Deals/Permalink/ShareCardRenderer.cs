using SkiaSharp;

namespace ComputeDeals.Web.Features.Deals.Permalink;

/// <summary>What a share card shows: a kicker line, a title, up to three labelled figures and a footer.</summary>
public sealed record ShareCard(string Kicker, string Title, string? Subtitle, IReadOnlyList<ShareCardFigure> Figures, string Footer, string AccentHex);

public sealed record ShareCardFigure(string Label, string Text);

/// <summary>
/// Draws 1200x630 PNG share cards with SkiaSharp. Fonts come from the DejaVu Sans files embedded in
/// this assembly (Assets/Fonts), never from the system, so a card looks the same on every server.
/// </summary>
public sealed class ShareCardRenderer : IDisposable
{
    private const float Margin = 64;
    private readonly SKTypeface _regular = LoadFont("DejaVuSans.ttf");
    private readonly SKTypeface _bold = LoadFont("DejaVuSans-Bold.ttf");

    public byte[] RenderPng(ShareCard card)
    {
        var info = new SKImageInfo(ShareCardSize.Width, ShareCardSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xFF, 0xFF, 0xFF));

        var accent = SKColor.TryParse(card.AccentHex, out var parsed) ? parsed : new SKColor(0x1F, 0x5F, 0xBF);
        using var accentPaint = new SKPaint { Color = accent, IsAntialias = true };
        using var ink = new SKPaint { Color = new SKColor(0x14, 0x1A, 0x22), IsAntialias = true };
        using var muted = new SKPaint { Color = new SKColor(0x4A, 0x53, 0x60), IsAntialias = true };
        using var rule = new SKPaint { Color = new SKColor(0xD8, 0xDD, 0xE3), IsAntialias = true };

        canvas.DrawRect(0, 0, ShareCardSize.Width, 14, accentPaint);

        using var kickerFont = new SKFont(_bold, 28);
        canvas.DrawText(Fit(card.Kicker.ToUpperInvariant(), kickerFont, ShareCardSize.Width - (2 * Margin)), Margin, 86, SKTextAlign.Left, kickerFont, accentPaint);

        // The title takes up to three lines, shrinking once when it is long.
        var titleSize = 60f;
        using var titleFont = new SKFont(_bold, titleSize);
        var lines = Wrap(card.Title, titleFont, ShareCardSize.Width - (2 * Margin));
        if (lines.Count > 2)
        {
            titleFont.Size = titleSize = 48;
            lines = Wrap(card.Title, titleFont, ShareCardSize.Width - (2 * Margin));
        }

        var y = 86 + 30 + titleSize;
        foreach (var line in lines.Take(3))
        {
            canvas.DrawText(line, Margin, y, SKTextAlign.Left, titleFont, ink);
            y += titleSize * 1.18f;
        }

        if (!string.IsNullOrWhiteSpace(card.Subtitle) && lines.Count <= 2)
        {
            using var subtitleFont = new SKFont(_regular, 32);
            y += 6;
            foreach (var line in Wrap(card.Subtitle, subtitleFont, ShareCardSize.Width - (2 * Margin)).Take(3 - lines.Count))
            {
                canvas.DrawText(line, Margin, y, SKTextAlign.Left, subtitleFont, muted);
                y += 32 * 1.3f;
            }
        }

        // Figures in up to three columns along the lower part of the card.
        var figures = card.Figures.Take(3).ToList();
        if (figures.Count > 0)
        {
            const float top = 400;
            canvas.DrawRect(Margin, top - 20, ShareCardSize.Width - (2 * Margin), 2, rule);
            var column = (ShareCardSize.Width - (2 * Margin)) / figures.Count;
            using var labelFont = new SKFont(_regular, 24);
            using var valueFont = new SKFont(_bold, figures.Count == 1 ? 52 : 40);
            for (var i = 0; i < figures.Count; i++)
            {
                var x = Margin + (i * column);
                canvas.DrawText(Fit(figures[i].Label, labelFont, column - 24), x, top + 24, SKTextAlign.Left, labelFont, muted);
                valueFont.Size = figures.Count == 1 ? 52 : 40;
                while (valueFont.Size > 24 && valueFont.MeasureText(figures[i].Text) > column - 24)
                {
                    valueFont.Size -= 2;
                }

                canvas.DrawText(Fit(figures[i].Text, valueFont, column - 24), x, top + 24 + 56, SKTextAlign.Left, valueFont, ink);
            }
        }

        using var footerFont = new SKFont(_regular, 24);
        using var brandFont = new SKFont(_bold, 26);
        canvas.DrawText(Fit(card.Footer, footerFont, 800), Margin, ShareCardSize.Height - 48, SKTextAlign.Left, footerFont, muted);
        canvas.DrawText("ComputeDeals", ShareCardSize.Width - Margin, ShareCardSize.Height - 48, SKTextAlign.Right, brandFont, accentPaint);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
    }

    private static SKTypeface LoadFont(string file)
    {
        var name = $"ComputeDeals.Web.Fonts.{file}";
        using var stream = typeof(ShareCardRenderer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }

    /// <summary>Greedy word wrap by measured width.</summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (font.MeasureText(candidate) <= width || current.Length == 0)
            {
                current = candidate;
            }
            else
            {
                lines.Add(current);
                current = word;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        if (lines.Count > 3)
        {
            lines = [.. lines.Take(3)];
            lines[2] = Fit(lines[2] + " …", font, width);
        }

        return lines.Select(l => Fit(l, font, width)).ToList();
    }

    /// <summary>Shortens text with an ellipsis until it fits the width.</summary>
    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }
}
