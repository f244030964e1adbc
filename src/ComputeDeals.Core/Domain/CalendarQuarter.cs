using System.Globalization;

namespace ComputeDeals.Core.Domain;

/// <summary>A calendar quarter (Q1 = January to March): the one definition of "the quarter of a date".</summary>
public readonly record struct CalendarQuarter(int Year, int Quarter) : IComparable<CalendarQuarter>
{
    /// <summary>The quarter a date falls in.</summary>
    public static CalendarQuarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>"Q2 2026".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"Q{Quarter} {Year}");

    public CalendarQuarter Next() => Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);

    /// <summary>Every quarter from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<CalendarQuarter> Span(CalendarQuarter first, CalendarQuarter last)
    {
        for (var q = first; q.CompareTo(last) <= 0; q = q.Next())
        {
            yield return q;
        }
    }

    public int CompareTo(CalendarQuarter other) => (Year, Quarter).CompareTo((other.Year, other.Quarter));

    public static bool operator <(CalendarQuarter left, CalendarQuarter right) => left.CompareTo(right) < 0;

    public static bool operator >(CalendarQuarter left, CalendarQuarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(CalendarQuarter left, CalendarQuarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CalendarQuarter left, CalendarQuarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;
}
