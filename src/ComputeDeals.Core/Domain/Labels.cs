using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Domain;

/// <summary>Human-readable names for the domain's enums, used by every page, feed and export.</summary>
public static class Labels
{
    public static string Of(DealType type) => type switch
    {
        DealType.CapacitySaleOrLease => "compute capacity sale or lease",
        DealType.CloudCommitment => "cloud capacity commitment",
        DealType.ChipPurchase => "chip purchase",
        DealType.Investment => "investment",
        DealType.Partnership => "partnership",
        DealType.MergerAcquisition => "merger or acquisition",
        _ => "other",
    };

    public static string Of(DealStatus status) => status switch
    {
        DealStatus.Rumored => "rumored",
        DealStatus.Announced => "announced",
        DealStatus.Closed => "closed",
        _ => "cancelled",
    };

    public static string Of(PartyRole role) => role.ToString().ToLowerInvariant();

    public static string Of(CompanyKind kind) => kind switch
    {
        CompanyKind.AiLab => "AI lab",
        CompanyKind.Hyperscaler => "hyperscaler / cloud",
        CompanyKind.Neocloud => "neocloud",
        CompanyKind.ChipMaker => "chip maker",
        CompanyKind.Investor => "investor",
        CompanyKind.Conglomerate => "conglomerate",
        _ => "other",
    };

    public static string Of(CapacityCoverage coverage) => coverage switch
    {
        CapacityCoverage.Complete => "complete",
        CapacityCoverage.Partial => "partial",
        _ => "not tracked",
    };

    public static string Of(FacilityStatus status) => status switch
    {
        FacilityStatus.Planned => "planned",
        FacilityStatus.UnderConstruction => "under construction",
        FacilityStatus.Operational => "operational",
        _ => "decommissioned",
    };

    public static string Of(ValuationBasis basis) => basis switch
    {
        ValuationBasis.PrivateRound => "private round",
        ValuationBasis.PublicMarketCap => "public market cap",
        _ => "reported talks",
    };

    /// <summary>What a recorded change did: "created", "updated", "published", "unpublished", "deleted", "restored".</summary>
    public static string Of(ChangeAction action) => action switch
    {
        ChangeAction.Create => "created",
        ChangeAction.Update => "updated",
        ChangeAction.Publish => "published",
        ChangeAction.Unpublish => "unpublished",
        ChangeAction.Delete => "deleted",
        _ => "restored",
    };

    /// <summary>A label at the start of a sentence or list item: its first letter upper-cased ("Created").</summary>
    public static string Capitalized(string label) =>
        string.IsNullOrEmpty(label) ? label : char.ToUpperInvariant(label[0]) + label[1..];

    /// <summary>How a figure's number relates to the truth: "exact", "approximately", "up to", "at least", "undisclosed".</summary>
    public static string Of(FigureQualifier qualifier) => qualifier switch
    {
        FigureQualifier.Exact => "exact",
        FigureQualifier.Approximately => "approximately",
        FigureQualifier.UpTo => "up to",
        FigureQualifier.AtLeast => "at least",
        _ => "undisclosed",
    };

    /// <summary>Where a figure comes from: "reported", "estimated", "calculated".</summary>
    public static string Of(FigureBasis basis) => basis switch
    {
        FigureBasis.Estimated => "estimated",
        FigureBasis.Calculated => "calculated",
        _ => "reported",
    };

    /// <summary>What a cited source supports: "value, capacity", or "the deal generally".</summary>
    public static string Of(SourceSupports supports) =>
        SupportedFigures(supports) is { Count: > 0 } parts ? string.Join(", ", parts) : "the deal generally";

    /// <summary>The figures a source supports, by name ("value", "capacity", "accelerators"); empty when it supports the deal generally.</summary>
    public static IReadOnlyList<string> SupportedFigures(SourceSupports supports) =>
        new[] { (SourceSupports.Value, "value"), (SourceSupports.Capacity, "capacity"), (SourceSupports.Accelerators, "accelerators") }
            .Where(f => supports.HasFlag(f.Item1))
            .Select(f => f.Item2)
            .ToList();

    /// <summary>A date written as precisely as it is known: "6 May 2026", "May 2026", "2026".</summary>
    public static string Date(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DatePrecision.Month => date.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        _ => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Where a party stands when a deal is read out: 0 for the side that gives (seller, provider,
    /// investor, acquirer), 1 for the side that receives (buyer, customer, investee, target), 2 for the
    /// rest (partners). The headline, the share card, the permalink and every party list order parties
    /// by it and put "→" between side 0 and side 1.
    /// </summary>
    public static int ReadingSide(PartyRole role) => role switch
    {
        PartyRole.Seller or PartyRole.Provider or PartyRole.Investor or PartyRole.Acquirer => 0,
        PartyRole.Buyer or PartyRole.Customer or PartyRole.Investee or PartyRole.Target => 1,
        _ => 2,
    };

    /// <summary>
    /// A date for a <c>&lt;time datetime&gt;</c> attribute, as precisely as it is known (the machine twin of
    /// <see cref="Date"/>): "2026-05-06", "2026-05" or "2026".
    /// </summary>
    public static string MachineDate(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
        DatePrecision.Month => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Roles that take capacity in (buyers, customers) as opposed to giving it.</summary>
    public static bool IsReceivingRole(PartyRole role) => role is PartyRole.Buyer or PartyRole.Customer;

    /// <summary>Roles that give capacity out (sellers, providers).</summary>
    public static bool IsGivingRole(PartyRole role) => role is PartyRole.Seller or PartyRole.Provider;

    /// <summary>
    /// A moment (an edit, a change, a release) as people read it, in UTC to the minute:
    /// "6 May 2026 14:03 UTC". Every page, feed and form that shows when something happened uses it.
    /// </summary>
    public static string Moment(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A count with its noun: "1 deal", "0 deals", "1,234 deals" (grouped thousands, the one form for every
    /// count line, caption and message; <paramref name="many"/> is the plural, which is not always one + "s").
    /// </summary>
    public static string Count(int count, string one, string many) =>
        count.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>The UTC day of a moment, as <see cref="Date"/> writes a day: "6 May 2026" (a record's "last updated").</summary>
    public static string Day(DateTimeOffset at) => Date(DateOnly.FromDateTime(at.UtcDateTime), DatePrecision.Day);

    /// <summary>
    /// A moment for a <c>&lt;time datetime&gt;</c> attribute: UTC with millisecond precision
    /// ("2026-05-06T14:03:00.123Z"), since HTML allows at most three fraction digits.
    /// </summary>
    public static string MachineTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
