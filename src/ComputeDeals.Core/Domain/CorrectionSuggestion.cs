using System.ComponentModel.DataAnnotations;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Domain;

/// <summary>Where a reader's correction stands in the editors' queue.</summary>
public enum SuggestionStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// A correction a reader sent from a permalink: what is wrong, a source, and optionally how to
/// reach them. Never shown publicly; the email is never published or exported.
/// </summary>
public sealed class CorrectionSuggestion : AboutEntity
{
    public int Id { get; set; }

    [MaxLength(FieldLimits.CorrectionText)]
    public required string Text { get; set; }

    [MaxLength(FieldLimits.Url)]
    public required string SourceUrl { get; set; }

    [MaxLength(FieldLimits.Email)]
    public string? ContactEmail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public SuggestionStatus Status { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    [MaxLength(FieldLimits.UserName)]
    public string? DecidedBy { get; set; }

    [MaxLength(FieldLimits.RejectReason)]
    public string? RejectReason { get; set; }
}
