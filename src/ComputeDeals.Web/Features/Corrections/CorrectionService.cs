using ComputeDeals.Web.Features.Accounts;

namespace ComputeDeals.Web.Features.Corrections;

/// <summary>What a reader typed into "Suggest a correction".</summary>
public sealed class SuggestionInput
{
    public string? Text { get; set; }

    public string? SourceUrl { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>The honeypot: hidden from people, so anything typed here came from a bot.</summary>
    public string? Website { get; set; }
}

/// <summary>The record a suggestion is about, as a reader and an editor name it.</summary>
public sealed record SuggestionTarget(EntityKind Kind, int Id, string Title, string Slug)
{
    public string PublicPath => CorrectionPaths.Public(Kind, Slug);

    public string EditPath => CorrectionPaths.Edit(Kind, Id);
}

/// <summary>A suggestion as the editors' queue shows it (the email only to editors, never exported).</summary>
public sealed record SuggestionView(
    int Id, SuggestionTarget? Target, EntityKind Kind, string Text, string SourceUrl, string? ContactEmail,
    DateTimeOffset CreatedAt, SuggestionStatus Status, DateTimeOffset? DecidedAt, string? DecidedBy, string? RejectReason);

/// <summary>The outcome of a submission: stored, or field errors (nothing stored).</summary>
public sealed record SubmitResult(bool Stored, IReadOnlyDictionary<string, string> Errors, bool RateLimited = false)
{
    public static readonly SubmitResult Ok = new(true, new Dictionary<string, string>());
}

/// <summary>Public and editor URLs of the records a reader can correct.</summary>
public static class CorrectionPaths
{
    public static string Segment(EntityKind kind) => kind switch
    {
        EntityKind.Deal => "deals",
        EntityKind.Company => "companies",
        EntityKind.DataCenter => "datacenters",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Readers can only correct deals, companies and data centers."),
    };

    public static EntityKind? KindOf(string? segment) => segment?.ToLowerInvariant() switch
    {
        "deals" => EntityKind.Deal,
        "companies" => EntityKind.Company,
        "datacenters" => EntityKind.DataCenter,
        _ => null,
    };

    public static string Public(EntityKind kind, string slug) => $"/{Segment(kind)}/{Uri.EscapeDataString(slug)}";

    public static string Form(EntityKind kind, string slug) => $"/suggest/{Segment(kind)}/{Uri.EscapeDataString(slug)}";

    public static string Edit(EntityKind kind, int id) => $"/editor/{Segment(kind)}/{id}";
}

/// <summary>
/// Readers' corrections: validated and stored in a queue nobody but editors sees; editors accept
/// (and go to the record's form with the suggestion beside it) or reject with a reason.
/// </summary>
public sealed class CorrectionService(IDbContextFactory<AppDbContext> factory, EditorAccess access, SuggestionRateLimiter limiter, TimeProvider time)
{
    public const int MinTextLength = 10;

    /// <summary>The published record a reader may correct, or null.</summary>
    public async Task<SuggestionTarget?> FindTargetAsync(EntityKind kind, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return kind switch
        {
            EntityKind.Deal => await db.Deals.AsNoTracking().Where(d => d.Slug == slug && d.IsPublished)
                .Select(d => new SuggestionTarget(EntityKind.Deal, d.Id, d.Title, d.Slug)).FirstOrDefaultAsync(cancellationToken),
            EntityKind.Company => await db.Companies.AsNoTracking().Where(c => c.Slug == slug && !c.IsDeleted)
                .Select(c => new SuggestionTarget(EntityKind.Company, c.Id, c.Name, c.Slug)).FirstOrDefaultAsync(cancellationToken),
            EntityKind.DataCenter => await db.DataCenters.AsNoTracking().Where(c => c.Slug == slug && !c.IsDeleted)
                .Select(c => new SuggestionTarget(EntityKind.DataCenter, c.Id, c.Name, c.Slug)).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
    }

    /// <summary>Checks and stores a reader's suggestion. A filled honeypot is answered like success and stores nothing.</summary>
    public async Task<SubmitResult> SubmitAsync(SuggestionTarget target, SuggestionInput input, string clientKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(input);
        if (!limiter.TryAcquire(clientKey))
        {
            return new SubmitResult(false, new Dictionary<string, string>
            {
                [string.Empty] = $"Too many suggestions from this address: at most {limiter.PermitLimit} every {limiter.WindowText}. Please try again later.",
            }, RateLimited: true);
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new SubmitResult(false, errors);
        }

        if (!string.IsNullOrEmpty(input.Website))
        {
            return SubmitResult.Ok;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.CorrectionSuggestions.Add(new CorrectionSuggestion
        {
            EntityKind = target.Kind,
            EntityId = target.Id,
            Text = input.Text!.Trim(),
            SourceUrl = input.SourceUrl!.Trim(),
            ContactEmail = string.IsNullOrWhiteSpace(input.ContactEmail) ? null : input.ContactEmail.Trim(),
            CreatedAt = time.GetUtcNow(),
            Status = SuggestionStatus.Pending,
        });
        await db.SaveChangesAsync(cancellationToken);
        return SubmitResult.Ok;
    }

    /// <summary>Field errors for a suggestion, keyed by field name; empty when it may be stored.</summary>
    public static Dictionary<string, string> Validate(SuggestionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = input.Text?.Trim() ?? string.Empty;
        if (text.Length < MinTextLength)
        {
            errors[nameof(SuggestionInput.Text)] = $"Say what is wrong and what it should be (at least {MinTextLength} characters).";
        }
        else if (text.Length > FieldLimits.CorrectionText)
        {
            errors[nameof(SuggestionInput.Text)] = $"Keep it under {FieldLimits.CorrectionText:N0} characters (this is {text.Length:N0}).";
        }

        // The same URL rule as a source an editor cites (the suggestion's source becomes one when applied).
        var url = new FieldErrors();
        TextRules.Url(url, nameof(SuggestionInput.SourceUrl), "source URL", input.SourceUrl?.Trim(), required: true, FieldLimits.Url);
        if (url.For(nameof(SuggestionInput.SourceUrl)) is { } urlError)
        {
            errors[nameof(SuggestionInput.SourceUrl)] = urlError;
        }

        var email = input.ContactEmail?.Trim() ?? string.Empty;
        if (email.Length > FieldLimits.Email)
        {
            errors[nameof(SuggestionInput.ContactEmail)] = $"The email is longer than {FieldLimits.Email} characters.";
        }
        else if (email.Length > 0 && !TextRules.IsEmail(email))
        {
            errors[nameof(SuggestionInput.ContactEmail)] = "That does not look like an email address (or leave it empty).";
        }

        if ((input.Website?.Length ?? 0) > 500)
        {
            errors[string.Empty] = "The form could not be read.";
        }

        return errors;
    }

    /// <summary>The queue for editors: pending first (oldest first), then the latest decisions. Null when not an editor.</summary>
    public async Task<IReadOnlyList<SuggestionView>?> QueueAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.ResolveAsync(user, cancellationToken) is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = await db.CorrectionSuggestions.AsNoTracking().Where(s => s.Status == SuggestionStatus.Pending)
            .OrderBy(s => s.Id).Take(200).ToListAsync(cancellationToken);
        var decided = await db.CorrectionSuggestions.AsNoTracking().Where(s => s.Status != SuggestionStatus.Pending)
            .OrderByDescending(s => s.DecidedAt).Take(50).ToListAsync(cancellationToken);
        var all = pending.Concat(decided).ToList();
        var targets = await TargetsAsync(db, all, cancellationToken);
        return all.Select(s => ToView(s, targets.GetValueOrDefault((s.EntityKind, s.EntityId)))).ToList();
    }

    /// <summary>One suggestion for an editor (the panel beside the edit form), or null.</summary>
    public async Task<SuggestionView?> FindAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        if (await access.ResolveAsync(user, cancellationToken) is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var suggestion = await db.CorrectionSuggestions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return null;
        }

        var targets = await TargetsAsync(db, [suggestion], cancellationToken);
        return ToView(suggestion, targets.GetValueOrDefault((suggestion.EntityKind, suggestion.EntityId)));
    }

    /// <summary>Marks a suggestion accepted and returns the record's edit form with the suggestion beside it; null when refused.</summary>
    public async Task<string?> AcceptAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var editor = await access.ResolveAsync(user, cancellationToken);
        if (editor is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var suggestion = await db.CorrectionSuggestions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return null;
        }

        if (suggestion.Status == SuggestionStatus.Pending)
        {
            suggestion.Status = SuggestionStatus.Accepted;
            suggestion.DecidedAt = time.GetUtcNow();
            suggestion.DecidedBy = editor.Name;
            await db.SaveChangesAsync(cancellationToken);
        }

        return $"{CorrectionPaths.Edit(suggestion.EntityKind, suggestion.EntityId)}?suggestion={suggestion.Id}";
    }

    /// <summary>Rejects a pending suggestion with a reason; returns an error message or null on success.</summary>
    public async Task<string?> RejectAsync(ClaimsPrincipal user, int id, string? reason, CancellationToken cancellationToken = default)
    {
        var editor = await access.ResolveAsync(user, cancellationToken);
        if (editor is null)
        {
            return "Only editors can reject suggestions.";
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return "Give a reason for rejecting the suggestion.";
        }

        if (reason.Length > FieldLimits.RejectReason)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Keep the reason under {FieldLimits.RejectReason:N0} characters.");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var suggestion = await db.CorrectionSuggestions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null || suggestion.Status != SuggestionStatus.Pending)
        {
            return "That suggestion is no longer waiting for a decision.";
        }

        suggestion.Status = SuggestionStatus.Rejected;
        suggestion.DecidedAt = time.GetUtcNow();
        suggestion.DecidedBy = editor.Name;
        suggestion.RejectReason = reason;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static async Task<Dictionary<(EntityKind, int), SuggestionTarget>> TargetsAsync(AppDbContext db, IReadOnlyList<CorrectionSuggestion> suggestions, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(EntityKind, int), SuggestionTarget>();
        var dealIds = suggestions.Where(s => s.EntityKind == EntityKind.Deal).Select(s => s.EntityId).Distinct().ToList();
        var companyIds = suggestions.Where(s => s.EntityKind == EntityKind.Company).Select(s => s.EntityId).Distinct().ToList();
        var centerIds = suggestions.Where(s => s.EntityKind == EntityKind.DataCenter).Select(s => s.EntityId).Distinct().ToList();
        var targets = (await db.Deals.IgnoreQueryFilters().Where(d => dealIds.Contains(d.Id)).Select(d => new SuggestionTarget(EntityKind.Deal, d.Id, d.Title, d.Slug)).ToListAsync(cancellationToken))
            .Concat(await db.Companies.Where(c => companyIds.Contains(c.Id)).Select(c => new SuggestionTarget(EntityKind.Company, c.Id, c.Name, c.Slug)).ToListAsync(cancellationToken))
            .Concat(await db.DataCenters.Where(c => centerIds.Contains(c.Id)).Select(c => new SuggestionTarget(EntityKind.DataCenter, c.Id, c.Name, c.Slug)).ToListAsync(cancellationToken));
        foreach (var target in targets)
        {
            result[(target.Kind, target.Id)] = target;
        }

        return result;
    }

    private static SuggestionView ToView(CorrectionSuggestion s, SuggestionTarget? target) =>
        new(s.Id, target, s.EntityKind, s.Text, s.SourceUrl, s.ContactEmail, s.CreatedAt, s.Status, s.DecidedAt, s.DecidedBy, s.RejectReason);
}
