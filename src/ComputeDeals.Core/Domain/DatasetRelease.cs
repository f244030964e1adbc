using System.ComponentModel.DataAnnotations;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Domain;

/// <summary>
/// An immutable, numbered snapshot of every published record (id such as 2026-11-29.1): the
/// bytes of its downloads, their SHA-256, record counts and the changelog against the previous release.
/// </summary>
public sealed class DatasetRelease
{
    [MaxLength(FieldLimits.ReleaseId)]
    public required string Id { get; set; }

    /// <summary>Orders releases: the nth release ever made.</summary>
    public int Sequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    [MaxLength(FieldLimits.UserName)]
    public required string CreatedBy { get; set; }

    /// <summary>The one JSON document of every published record.</summary>
    public required byte[] Json { get; set; }

    [MaxLength(FieldLimits.Sha256Hex)]
    public required string JsonSha256 { get; set; }

    /// <summary>A zip of one CSV per record kind.</summary>
    public required byte[] Zip { get; set; }

    [MaxLength(FieldLimits.Sha256Hex)]
    public required string ZipSha256 { get; set; }

    /// <summary>JSON object: record kind -> count.</summary>
    public string Counts { get; set; } = "{}";

    /// <summary>JSON changelog against the previous release (added, removed, changed with field-level old -> new).</summary>
    public string Changelog { get; set; } = "{}";
}
