namespace BioCluster.Api.Features.Holidays;

/// <summary>How deadlines are counted (<c>Issues:DeadlineCounting</c>): in calendar days, or in working days.</summary>
public enum DeadlineCounting
{
    Calendar,
    Working,
}

/// <summary>
/// Deadline arithmetic on the council's calendar. A working day is a weekday that is not a public holiday of the calendar
/// the secretariat keeps (substitute holidays are rows of that calendar like any other). Periods in months follow the
/// Civil Act (민법 제160–161조): the same day of the month that many months on (the month's last day when it has no
/// such day) and, counted in working days, a period that would end on a Saturday or holiday ends on the next working day.
/// </summary>
public sealed class WorkingDays(DeadlineCounting counting, IReadOnlySet<DateOnly> holidays)
{
    public DeadlineCounting Counting { get; } = counting;
    public IReadOnlySet<DateOnly> Holidays { get; } = holidays;

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day);

    /// <summary>The day <paramref name="days"/> days after <paramref name="start"/> (which is not counted): working days or calendar days.</summary>
    public DateOnly AddDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (Counting == DeadlineCounting.Calendar) return start.AddDays(days);
        var day = start;
        for (var left = days; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    /// <summary>
    /// A deadline <paramref name="days"/> days from <paramref name="now"/>: that many days later to the instant, or —
    /// counted in working days — the end of the Korean day that many working days on (answers of issues and recommendations).
    /// </summary>
    public DateTimeOffset DueAfter(DateTimeOffset now, int days) => Counting == DeadlineCounting.Working
        ? BioCluster.Api.Infrastructure.Workflow.Council.EndOf(AddDays(BioCluster.Api.Infrastructure.Workflow.Council.DayOf(now), days))
        : now.AddDays(days);

    /// <summary>The last day of a period of <paramref name="months"/> months from <paramref name="start"/>, moved to the next working day when counted in working days.</summary>
    public DateOnly AddMonths(DateOnly start, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var end = start.AddMonths(months);
        return Counting == DeadlineCounting.Working ? NextWorkingDayFrom(end) : end;
    }

    /// <summary>The day itself when it is a working day, else the first working day after it.</summary>
    public DateOnly NextWorkingDayFrom(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}
