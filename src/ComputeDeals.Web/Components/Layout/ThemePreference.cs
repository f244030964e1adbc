namespace ComputeDeals.Web.Components.Layout;

/// <summary>The reader's light/dark choice, kept in a cookie so static pages honour it too.</summary>
public sealed class ThemePreference
{
    public const string CookieName = "cd-theme";

    public static bool IsDark(HttpContext? context) =>
        context?.Request.Cookies[CookieName] == "dark";
}

/// <summary>GET /theme?mode=dark&amp;returnUrl=/deals sets the cookie and goes back; works without JavaScript.</summary>
public static class ThemeEndpoint
{
    public static IEndpointRouteBuilder MapThemeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/theme", (HttpContext http, string? mode, string? returnUrl) =>
        {
            var dark = string.Equals(mode, "dark", StringComparison.OrdinalIgnoreCase);
            http.Response.Cookies.Append(ThemePreference.CookieName, dark ? "dark" : "light", new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).ExcludeFromDescription();
        return app;
    }
}

/// <summary>Keeps redirects on this site: anything but a rooted local path becomes "/".</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Contains("://", StringComparison.Ordinal) && !url.Any(char.IsControl)
            ? url
            : "/";
}
