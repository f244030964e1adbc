using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>
/// The one rule for owned and available capacity when a company's own data centers are not all tracked
/// (docs/analytics.md, "Coverage"). A missing site is never a zero: owned capacity is the tracked sum only
/// with complete coverage, "at least" that sum with partial coverage, and unknown (null) when not tracked.
/// Available = owned − contracted out + contracted in, bounded below by what the inputs prove: what a
/// company leases out comes out of what it owns, so available is never below its contracted-in capacity,
/// and never negative. When nothing above zero is proven, available is unknown (null), not "at most −1 GW".
/// </summary>
public static class CoverageRule
{
    /// <summary>The coverage of a group: complete when every member is, not tracked when none is tracked, otherwise partial.</summary>
    public static CapacityCoverage Combine(IEnumerable<CapacityCoverage> members)
    {
        var all = members.Distinct().ToList();
        return all.Count switch
        {
            0 => CapacityCoverage.Complete,
            1 => all[0],
            _ => CapacityCoverage.Partial,
        };
    }

    /// <summary>Owned capacity from the tracked sites: the sum, an open-topped "at least" the sum, or null when not tracked.</summary>
    public static FigureRange? Owned(FigureRange tracked, CapacityCoverage coverage) => coverage switch
    {
        CapacityCoverage.Complete => tracked,
        CapacityCoverage.Partial => OpenTop(tracked),
        _ => null,
    };

    /// <summary>Available capacity (see the class summary); null when the inputs prove nothing above zero.</summary>
    public static FigureRange? Available(FigureRange tracked, FigureRange contractedOut, FigureRange contractedIn, CapacityCoverage coverage)
    {
        var floor = contractedIn.Low; // leasing out never eats into what is contracted in
        if (coverage == CapacityCoverage.Complete)
        {
            var sum = tracked - contractedOut + contractedIn;
            if (sum.Count == 0 || sum.Low >= floor)
            {
                return sum;
            }

            if (sum.High >= floor)
            {
                // The bottom is bounded by what is contracted in, not open below it.
                return sum with { Low = floor, OpenBelowCount = 0 };
            }

            // More is leased out than the tracked sites hold: the inputs contradict "complete"; only the floor is proven.
            return AtLeast(floor, tracked + contractedOut + contractedIn);
        }

        // Partial: the untracked sites add an unknown, non-negative amount; not tracked: owned is unknown altogether.
        var ownedLow = coverage == CapacityCoverage.Partial ? tracked.Low : 0;
        var low = Math.Max(ownedLow - contractedOut.High, 0) + floor;
        var inputs = coverage == CapacityCoverage.Partial ? tracked + contractedOut + contractedIn : contractedOut + contractedIn;
        return AtLeast(low, inputs);
    }

    private static FigureRange? AtLeast(double low, FigureRange inputs) =>
        low > 0 ? new FigureRange(low, low, Math.Max(inputs.Count, 1), inputs.UndisclosedCount, 1) : null;

    // "At least 0 MW" says nothing: with no disclosed tracked capacity, owned is not known.
    private static FigureRange? OpenTop(FigureRange tracked) =>
        tracked.DisclosedCount == 0 || tracked.Low <= 0
            ? null
            : tracked with { High = tracked.Low, OpenEndedCount = tracked.OpenEndedCount + 1, OpenBelowCount = 0 };
}
