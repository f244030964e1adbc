namespace ComputeDeals.Core.Domain;

/// <summary>What kind of business a company is, for colour coding and grouping.</summary>
public enum CompanyKind
{
    AiLab,
    Hyperscaler,
    Neocloud,
    ChipMaker,
    Investor,
    Conglomerate,
    Other,
}

/// <summary>
/// How completely the store tracks the data centers a company owns or operates (PRODUCT.md, Coverage).
/// Only with <see cref="Complete"/> is its owned capacity a sum; otherwise it is "at least" the tracked
/// sites or not known at all, never a zero.
/// </summary>
public enum CapacityCoverage
{
    /// <summary>Every data center it owns or operates is in the store (possibly none).</summary>
    Complete,

    /// <summary>Some of its data centers are in the store, not all.</summary>
    Partial,

    /// <summary>Its own data centers are not tracked; owned capacity is unknown.</summary>
    NotTracked,
}

/// <summary>The kind of agreement a deal is.</summary>
public enum DealType
{
    CapacitySaleOrLease,
    CloudCommitment,
    ChipPurchase,
    Investment,
    Partnership,
    MergerAcquisition,
    Other,
}

/// <summary>Where a deal stands.</summary>
public enum DealStatus
{
    Rumored,
    Announced,
    Closed,
    Cancelled,
}

/// <summary>The part a company plays in a deal.</summary>
public enum PartyRole
{
    Buyer,
    Seller,
    Provider,
    Customer,
    Investor,
    Investee,
    Partner,
    Acquirer,
    Target,
}

/// <summary>Lifecycle of a data center or of one capacity row.</summary>
public enum FacilityStatus
{
    Planned,
    UnderConstruction,
    Operational,
    Decommissioned,
}

/// <summary>How precisely a date is known.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>What a valuation figure is based on.</summary>
public enum ValuationBasis
{
    PrivateRound,
    PublicMarketCap,
    ReportedTalks,
}

/// <summary>The period a deal's value refers to.</summary>
public enum ValuePeriod
{
    Total,
    PerYear,
    PerMonth,
}

/// <summary>Which figure of a deal a source supports.</summary>
[Flags]
public enum SourceSupports
{
    General = 0,
    Value = 1,
    Capacity = 2,
    Accelerators = 4,
}

/// <summary>The kind of entity a change record or slug history row is about.</summary>
public enum EntityKind
{
    Company,
    DataCenter,
    Deal,
    Valuation,
    Source,
}

/// <summary>What happened to an entity.</summary>
public enum ChangeAction
{
    Create,
    Update,
    Publish,
    Unpublish,
    Delete,
    Restore,
}
