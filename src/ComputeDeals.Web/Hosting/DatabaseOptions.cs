using System.ComponentModel.DataAnnotations;

namespace ComputeDeals.Web.Hosting;

/// <summary>Settings under "Database": which store to use and where the seed files are.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder holding the seed JSON, relative to the content root.</summary>
    [Required]
    public string SeedDirectory { get; set; } = "../../data/seed";

    /// <summary>Apply migrations at startup.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Load the seed files into an empty database at startup.</summary>
    public bool SeedOnStart { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
