using ComputeDeals.Web.Features.Accounts;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// The command line for accounts (<c>users add --email a@b.c --role Admin</c>, password on standard
/// input) and the first admin from configuration (Admin:Email + Admin:Password) at first start.
/// Runs after the database is migrated.
/// </summary>
public static class UserCommands
{
    /// <summary>Runs a "users" command and returns true (the app should exit), or bootstraps the admin and returns false.</summary>
    public static async Task<bool> RunUserCommandsAsync(this WebApplication app, string[] args)
    {
        if (args.Length > 0 && args[0] == "users")
        {
            Environment.ExitCode = await RunAsync(app.Services, args[1..], Console.In, Console.Out, Console.Error);
            return true;
        }

        await BootstrapAdminAsync(app.Services, app.Logger);
        return false;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] != "add")
        {
            await error.WriteLineAsync("Usage: users add --email <email> --role <Editor|Admin>   (the password is read from standard input)");
            return 2;
        }

        var email = Option(args, "--email");
        var role = Option(args, "--role") ?? AppRoles.Editor;
        if (string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync("Give the user's email with --email.");
            return 2;
        }

        var knownRole = AppRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (knownRole is null)
        {
            await error.WriteLineAsync($"Unknown role \"{role}\": use {string.Join(" or ", AppRoles.All)}.");
            return 2;
        }

        await error.WriteAsync("Password (ends at the first line break): ");
        var password = await input.ReadLineAsync();
        await using var scope = services.CreateAsyncScope();
        var result = await UserAdminService.AddUserAsync(scope.ServiceProvider, email.Trim(), password, knownRole);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync();
            await error.WriteLineAsync("Could not add the user: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"{email.Trim()} has the {knownRole} role.");
        return 0;
    }

    /// <summary>Creates the configured admin when both settings are present and no admin exists yet.</summary>
    public static async Task BootstrapAdminAsync(IServiceProvider services, ILogger logger)
    {
        var options = services.GetRequiredService<IOptions<BootstrapAdminOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.Email) || string.IsNullOrEmpty(options.Password))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.AppUser>>();
        await UserAdminService.EnsureRolesAsync(scope.ServiceProvider);
        if ((await users.GetUsersInRoleAsync(AppRoles.Admin)).Count > 0)
        {
            return;
        }

        var result = await UserAdminService.AddUserAsync(scope.ServiceProvider, options.Email.Trim(), options.Password, AppRoles.Admin);
        if (result.Succeeded)
        {
            logger.LogInformation("Created the first admin {Email} from configuration", options.Email.Trim());
        }
        else
        {
            logger.LogError("Could not create the first admin {Email}: {Errors}", options.Email.Trim(), string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
