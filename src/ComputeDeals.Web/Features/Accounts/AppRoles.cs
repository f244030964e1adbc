namespace ComputeDeals.Web.Features.Accounts;

/// <summary>The roles and authorization policies of the editing tools.</summary>
public static class AppRoles
{
    public const string Editor = "Editor";

    public const string Admin = "Admin";

    /// <summary>Every role, in the order the admin page lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Editor, Admin];

    /// <summary>Roles that may write content: editors, and admins who are editors too.</summary>
    public static readonly IReadOnlyList<string> Writers = [Editor, Admin];
}

/// <summary>Names of the authorization policies.</summary>
public static class AppPolicies
{
    /// <summary>Editor or Admin role: create, edit, publish, delete and import content.</summary>
    public const string Editor = "Editor";

    /// <summary>Admin role: manage users and their roles.</summary>
    public const string Admin = "Admin";
}
