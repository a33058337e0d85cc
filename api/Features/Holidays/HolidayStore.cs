using System.Globalization;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Holidays;
using Dapper;

namespace BioCluster.Api.Features.Holidays;

/// <summary>
/// The public-holiday calendar (공휴일) the secretariat keeps, and the deadline rules read with it. The calendar is small
/// (about twenty days a year) and read by every issue page and list, so it is kept in memory and read again after a change
/// here or after <see cref="Freshness"/> (another API instance may have changed it).
/// </summary>
public sealed class HolidayStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit, IConfiguration configuration)
{
    public const string EntityType = "holiday";

    /// <summary>How long another instance's change to the calendar may go unseen here.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private (IReadOnlySet<DateOnly> Days, DateTimeOffset ReadAt)? _cached;

    public sealed class HolidayRow
    {
        public long Id { get; set; }
        public DateOnly HolidayOn { get; set; }
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Source { get; set; } = "";
        public long Version { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }

        public HolidayDto ToDto() => new(Id, HolidayOn, NameKo, NameEn, WireNames.Parse<HolidaySource>(Source), CreatedAt);
    }

    public static readonly IReadOnlyList<SortField<HolidayRow>> SortFields =
        [new("on", "h.holiday_on", r => r.HolidayOn, e => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    private const string Select = "SELECT h.id, h.holiday_on, h.name_ko, h.name_en, h.source, h.version, h.created_at FROM holidays h";

    /// <summary>How deadlines are counted now (<c>Issues:DeadlineCounting</c>), with the calendar when in working days.</summary>
    public async Task<WorkingDays> WorkingDaysAsync(CancellationToken ct)
    {
        var counting = Counting(configuration);
        return new WorkingDays(counting, counting == DeadlineCounting.Working ? await DaysAsync(ct) : new HashSet<DateOnly>());
    }

    public static DeadlineCounting Counting(IConfiguration configuration) =>
        string.Equals(configuration["Issues:DeadlineCounting"], "working", StringComparison.OrdinalIgnoreCase) ? DeadlineCounting.Working : DeadlineCounting.Calendar;

    /// <summary>Every holiday of the calendar, from memory while fresh.</summary>
    public async Task<IReadOnlySet<DateOnly>> DaysAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cached is { } cached && now - cached.ReadAt < Freshness && now >= cached.ReadAt) return cached.Days;
        await using var connection = await db.OpenAsync(ct);
        var days = (await connection.QueryAsync<DateOnly>("SELECT holiday_on FROM holidays")).ToHashSet();
        _cached = (days, now);
        return days;
    }

    public async Task<Page<HolidayDto>> ListAsync(int? year, SortSpec<HolidayRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (year is { } y)
        {
            where.Add("h.holiday_on >= @From AND h.holiday_on < @To");
            p.Add("From", new DateOnly(y, 1, 1));
            p.Add("To", new DateOnly(y + 1, 1, 1));
        }
        await using var connection = await db.OpenAsync(ct);
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "holidays h", where, p, sort, cursor, limit, "h.id", r => r.Id);
        return new Page<HolidayDto>(rows.Select(r => r.ToDto()).ToList(), next, total);
    }

    public async Task<Versioned<HolidayDto>?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<HolidayRow>($"{Select} WHERE h.id = @id", new { id });
        return row is null ? null : new Versioned<HolidayDto>(row.ToDto(), row.Version);
    }

    public async Task<StoreResult<Versioned<HolidayDto>>> CreateAsync(CreateHolidayRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var taken = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM holidays WHERE holiday_on = @On", new { r.On }, tx);
        if (taken > 0)
            return Refusal.Conflict(Text.Of($"{r.On:yyyy-MM-dd}은(는) 이미 공휴일입니다.", $"{r.On:yyyy-MM-dd} is already a holiday."));
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>($"""
                INSERT INTO holidays (holiday_on, name_ko, name_en, source, version, created_at) VALUES (@On, @NameKo, @NameEn, 'secretariat', 1, @now);
                {db.Dialect.SelectNewId}
                """, new { r.On, NameKo = r.NameKo.Trim(), NameEn = r.NameEn?.Trim(), now }, tx);
        }
        catch (System.Data.Common.DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Refusal.Conflict(Text.Of($"{r.On:yyyy-MM-dd}은(는) 이미 공휴일입니다.", $"{r.On:yyyy-MM-dd} is already a holiday."));
        }
        var row = await connection.QuerySingleAsync<HolidayRow>($"{Select} WHERE h.id = @id", new { id }, tx);
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, row.ToDto());
        await tx.CommitAsync(ct);
        _cached = null;
        return new Versioned<HolidayDto>(row.ToDto(), row.Version);
    }

    /// <summary>Removes a day from the calendar (If-Match): deadlines counted from now on count it as a working day.</summary>
    public async Task<WriteResult<HolidayDto>> DeleteAsync(long id, long expectedVersion, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<HolidayRow>($"{Select} WHERE h.id = @id", new { id }, tx);
        if (row is null) return WriteResult<HolidayDto>.NotFound;
        if (row.Version != expectedVersion) return WriteResult<HolidayDto>.Stale;
        if (await connection.ExecuteAsync("DELETE FROM holidays WHERE id = @id AND version = @expectedVersion", new { id, expectedVersion }, tx) == 0)
            return WriteResult<HolidayDto>.Stale;
        await audit.WriteAsync(connection, tx, actor, "delete", EntityType, id, row.ToDto(), null);
        await tx.CommitAsync(ct);
        _cached = null;
        return WriteResult<HolidayDto>.Done(new Versioned<HolidayDto>(row.ToDto(), row.Version));
    }
}
