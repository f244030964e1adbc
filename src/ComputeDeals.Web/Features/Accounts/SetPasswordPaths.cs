using Microsoft.AspNetCore.WebUtilities;

namespace ComputeDeals.Web.Features.Accounts;

/// <summary>The set-password link: /account/set-password?user=ID&amp;token=TOKEN with the token Base64url-encoded.</summary>
public static class SetPasswordPaths
{
    public const string Path = "/account/set-password";

    public static string Link(string userId, string token) =>
        QueryHelpers.AddQueryString(Path, new Dictionary<string, string?> { ["user"] = userId, ["token"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)) });

    /// <summary>The token as Identity issued it, or null when the link was cut or altered.</summary>
    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
