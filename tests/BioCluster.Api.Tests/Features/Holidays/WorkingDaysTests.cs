using BioCluster.Api.Features.Holidays;
using CsCheck;

namespace BioCluster.Api.Tests.Features.Holidays;

/// <summary>Deadline arithmetic in working days and calendar days, with no host.</summary>
public sealed class WorkingDaysTests
{
    private static DateOnly D(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd");

    /// <summary>The 2027 holidays around the dates tested (the seed's, from the published almanac).</summary>
    private static readonly HashSet<DateOnly> Holidays2027 =
    [
        D("2027-01-01"), D("2027-02-06"), D("2027-02-07"), D("2027-02-08"), D("2027-02-09"), D("2027-03-01"),
        D("2027-09-14"), D("2027-09-15"), D("2027-09-16"), D("2027-10-03"), D("2027-10-04"), D("2027-10-09"), D("2027-10-11"),
        D("2027-12-25"), D("2027-12-27"), D("2028-01-01"), D("2028-01-26"), D("2028-01-27"), D("2028-01-28"),
    ];

    private static readonly WorkingDays Working = new(DeadlineCounting.Working, Holidays2027);
    private static readonly WorkingDays Calendar = new(DeadlineCounting.Calendar, Holidays2027);

    [Theory]
    [InlineData("2027-02-03", 1, "2027-02-04")] // Wed → Thu
    [InlineData("2027-02-04", 2, "2027-02-10")] // Fri 5th, then Seollal (6–8) and its substitute holiday (9th)
    [InlineData("2027-02-05", 1, "2027-02-10")] // a Friday before Seollal weekend and its substitute holiday
    [InlineData("2027-09-10", 1, "2027-09-13")] // Friday → Monday
    [InlineData("2027-09-13", 1, "2027-09-17")] // over Chuseok (14–16)
    [InlineData("2027-10-01", 1, "2027-10-05")] // over the National Foundation Day substitute holiday (Mon 4th)
    [InlineData("2027-10-08", 1, "2027-10-12")] // over the Hangeul Day substitute holiday (Mon 11th)
    [InlineData("2027-12-24", 1, "2027-12-28")] // Christmas on Saturday, substitute holiday Monday 27th
    [InlineData("2027-12-30", 2, "2028-01-03")] // over the year boundary: Fri 31st, then New Year's Day on Saturday
    [InlineData("2028-01-21", 5, "2028-02-02")] // Seollal 2028 (26–28) inside the count
    [InlineData("2027-06-02", 0, "2027-06-02")] // no days: the start itself
    public void AddDays_Working_SkipsWeekendsAndHolidays(string start, int days, string expected) =>
        Assert.Equal(D(expected), Working.AddDays(D(start), days));

    [Fact]
    public void AddDays_Calendar_CountsEveryDay() =>
        Assert.Equal(D("2027-02-18"), Calendar.AddDays(D("2027-02-04"), 14));

    [Theory]
    [InlineData("2027-06-15", 3, "2027-09-17")] // ends on Chuseok (15th): moves to the next working day
    [InlineData("2027-07-03", 3, "2027-10-05")] // ends on Sunday 3rd, Monday 4th is a substitute holiday
    [InlineData("2027-08-31", 6, "2028-02-29")] // no 31st in February (leap year): the month's last day, a Tuesday
    [InlineData("2027-06-27", 6, "2027-12-28")] // ends on the Christmas substitute holiday (27th)
    [InlineData("2027-05-25", 3, "2027-08-25")] // a plain Wednesday stays
    public void AddMonths_Working_EndsOnAWorkingDay(string start, int months, string expected) =>
        Assert.Equal(D(expected), Working.AddMonths(D(start), months));

    [Fact]
    public void AddMonths_Calendar_KeepsTheDayEvenOnAHoliday() =>
        Assert.Equal(D("2027-09-15"), Calendar.AddMonths(D("2027-06-15"), 3));

    [Fact]
    public void IsWorkingDay_SubstituteHolidayAndWeekend_AreNot()
    {
        Assert.False(Working.IsWorkingDay(D("2027-02-09"))); // substitute holiday (Seollal)
        Assert.False(Working.IsWorkingDay(D("2027-02-13"))); // Saturday
        Assert.False(Working.IsWorkingDay(D("2027-02-14"))); // Sunday
        Assert.True(Working.IsWorkingDay(D("2027-02-10")));
    }

    private static readonly Gen<(DateOnly Start, int Days, HashSet<DateOnly> Holidays)> Cases =
        Gen.Select(Gen.Int[new DateOnly(2024, 1, 1).DayNumber, new DateOnly(2030, 12, 31).DayNumber], Gen.Int[0, 80],
            Gen.Int[0, 120].HashSet[0, 40],
            (start, days, offsets) => (DateOnly.FromDayNumber(start), days, offsets.Select(o => DateOnly.FromDayNumber(start + o)).ToHashSet()));

    [Fact]
    public void AddDays_Working_LandsOnAWorkingDayAfterExactlyThatManyWorkingDays() =>
        Cases.Sample(c =>
        {
            var days = new WorkingDays(DeadlineCounting.Working, c.Holidays);
            var end = days.AddDays(c.Start, c.Days);
            var counted = 0;
            for (var d = c.Start.AddDays(1); d <= end; d = d.AddDays(1))
                if (days.IsWorkingDay(d)) counted++;
            return counted == c.Days && (c.Days == 0 ? end == c.Start : end > c.Start && days.IsWorkingDay(end));
        });

    [Fact]
    public void AddMonths_Working_IsTheFirstWorkingDayFromTheCalendarEnd() =>
        Cases.Sample(c =>
        {
            var months = c.Days % 13;
            var days = new WorkingDays(DeadlineCounting.Working, c.Holidays);
            var end = days.AddMonths(c.Start, months);
            var calendarEnd = c.Start.AddMonths(months);
            for (var d = calendarEnd; d < end; d = d.AddDays(1))
                if (days.IsWorkingDay(d)) return false;
            return end >= calendarEnd && days.IsWorkingDay(end);
        });
}
