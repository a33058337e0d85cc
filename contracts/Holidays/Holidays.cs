namespace BioCluster.Contracts.Holidays;

/// <summary>Where a holiday of the calendar comes from: the seeded almanac, the seeded rules (a year not yet published), or the secretariat.</summary>
public enum HolidaySource
{
    /// <summary>The published almanac (월력요항) of the Korea AeroSpace Administration (formerly KASI).</summary>
    KasiCalendar,
    /// <summary>Worked out from the Regulation on Holidays of Public Offices for a year not yet published; to be checked.</summary>
    Rules,
    /// <summary>Added by the secretariat.</summary>
    Secretariat,
}

/// <summary>A public holiday (공휴일) of the calendar working-day deadlines are counted by, substitute holidays included.</summary>
public sealed record HolidayDto(long Id, DateOnly On, string NameKo, string? NameEn, HolidaySource Source, DateTimeOffset? CreatedAt);

/// <summary>Add a public holiday (e.g. a temporary holiday the government declares).</summary>
public sealed record CreateHolidayRequest(DateOnly On, string NameKo, string? NameEn = null);
