using System.Data.Common;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using Dapper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Features.Audit;

/// <summary>Filters of the audit list, already checked by the endpoint.</summary>
public sealed record AuditFilter(
    string? EntityType = null,
    long? EntityId = null,
    string? ActorType = null,
    long? ActorId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    long? ImportRunId = null,
    bool Summarise = false);

/// <summary>
/// Writes the audit trail inside the caller's transaction, so an entry exists exactly when its change
/// does, and reads it back. There is no update or delete here, and the database refuses both.
/// </summary>
public sealed class AuditStore(DbConnectionFactory db, TimeProvider clock, IOptions<JsonOptions> json)
{
    public sealed class AuditRow
    {
        public long Id { get; set; }
        public DateTimeOffset OccurredAt { get; set; }
        public string ActorType { get; set; } = "";
        public long? ActorId { get; set; }
        public string ActorName { get; set; } = "";
        public string Action { get; set; } = "";
        public string EntityType { get; set; } = "";
        public long EntityId { get; set; }
        public string? BeforeJson { get; set; }
        public string? AfterJson { get; set; }
        public string? RequestId { get; set; }
        public string? ClientAddress { get; set; }
        public long? ActorAgencyId { get; set; }
        public long? ImportRunId { get; set; }

        public AuditEntryDto ToDto(bool showAddress, Readable? readable = null) => new(
            Id, OccurredAt, WireNames.Parse<ActorType>(ActorType), ActorId, ActorName, Action, EntityType, EntityId,
            Parse(BeforeJson), Parse(AfterJson), RequestId, showAddress ? ClientAddress : null,
            readable?.DisplayName(this), ActorAgencyId is { } a ? readable?.Agencies.GetValueOrDefault(a) : null, ImportRunId,
            RunId is { } run ? readable?.Runs.GetValueOrDefault(run) : null);

        /// <summary>The import run the entry belongs to: the run of a row it wrote, or the run an "import" entry records.</summary>
        public long? RunId => ImportRunId ?? (EntityType == ImportEntityType ? EntityId : null);

        private static JsonElement? Parse(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The entity type of an import run's own entry (<c>ImportEngine.EntityType</c>).</summary>
    public const string ImportEntityType = "import";

    /// <summary>What a page of entries is read with, beyond its own columns: names of the people, keys, agencies and import runs it refers to.</summary>
    public sealed class Readable
    {
        public Dictionary<long, string> Users { get; } = [];
        public Dictionary<long, string> Keys { get; } = [];
        public Dictionary<long, AgencyRef> Agencies { get; } = [];
        public Dictionary<long, AuditImportSummary> Runs { get; } = [];

        public string? DisplayName(AuditRow r) => r.ActorId is not { } id ? null
            : r.ActorType == "user" ? Users.GetValueOrDefault(id)
            : r.ActorType == "api_key" ? Keys.GetValueOrDefault(id)
            : null;
    }

    private sealed record RunRow(long Id, string Entity, string? FileName, long RowsTotal, long Created, long Updated, string ActorName);

    /// <summary>
    /// Reads, by id, the names a page refers to: each person's and key's name as it is now, the agency the actor belonged to
    /// then (recorded with the entry) under its names now, and the totals of each import run. At most four small reads a page.
    /// </summary>
    private static async Task<Readable> ReadableAsync(DbConnection connection, IReadOnlyCollection<AuditRow> rows)
    {
        var readable = new Readable();
        if (rows.Count == 0) return readable;
        var users = rows.Where(r => r.ActorType == "user" && r.ActorId is not null).Select(r => r.ActorId!.Value).Distinct().ToList();
        var keys = rows.Where(r => r.ActorType == "api_key" && r.ActorId is not null).Select(r => r.ActorId!.Value).Distinct().ToList();
        var agencies = rows.Where(r => r.ActorAgencyId is not null).Select(r => r.ActorAgencyId!.Value).Distinct().ToList();
        var runs = rows.Where(r => r.RunId is not null).Select(r => r.RunId!.Value).Distinct().ToList();
        if (users.Count > 0)
            foreach (var (id, name) in await connection.QueryAsync<(long, string)>("SELECT id, display_name FROM users WHERE id IN @users", new { users }))
                readable.Users[id] = name;
        if (keys.Count > 0)
            foreach (var (id, name) in await connection.QueryAsync<(long, string)>("SELECT id, name FROM api_keys WHERE id IN @keys", new { keys }))
                readable.Keys[id] = name;
        if (agencies.Count > 0)
            foreach (var a in await connection.QueryAsync<(long Id, string Code, string NameKo, string? NameEn)>(
                         "SELECT id, code, name_ko, name_en FROM agencies WHERE id IN @agencies", new { agencies }))
                readable.Agencies[a.Id] = new AgencyRef(a.Id, a.Code, a.NameKo, a.NameEn);
        if (runs.Count > 0)
            foreach (var r in await connection.QueryAsync<RunRow>(
                         "SELECT id, entity, file_name, rows_total, created, updated, actor_name FROM import_runs WHERE id IN @runs", new { runs }))
                readable.Runs[r.Id] = new AuditImportSummary(r.Id, WireNames.Parse<BioCluster.Contracts.Imports.ImportEntity>(r.Entity), r.FileName, (int)r.RowsTotal, (int)r.Created, (int)r.Updated, r.ActorName);
        return readable;
    }

    public static readonly IReadOnlyList<SortField<AuditRow>> SortFields = [new("id", "id", r => r.Id, Keyset.WholeNumber)];

    /// <summary>The one statement that writes an audit entry (here and in <see cref="AuditBatch"/>).</summary>
    internal const string InsertSql = """
            INSERT INTO audit_entries (occurred_at, actor_type, actor_id, actor_name, action, entity_type, entity_id,
                                       before_json, after_json, request_id, client_address, actor_agency_id, import_run_id)
            VALUES (@OccurredAt, @ActorType, @ActorId, @ActorName, @Action, @EntityType, @EntityId,
                    @BeforeJson, @AfterJson, @RequestId, @ClientAddress, @ActorAgencyId, @ImportRunId)
        """;

    public async Task WriteAsync(DbConnection connection, DbTransaction tx, Actor actor, string action, string entityType, long entityId,
        object? before, object? after)
    {
        await connection.ExecuteAsync(InsertSql,
            new
            {
                OccurredAt = clock.GetUtcNow(), ActorType = WireNames.Of(actor.Type), ActorId = actor.Id, ActorName = actor.Name,
                Action = action, EntityType = entityType, EntityId = entityId,
                BeforeJson = Serialize(before), AfterJson = Serialize(after), actor.RequestId, actor.ClientAddress,
                ActorAgencyId = actor.AgencyId, ImportRunId = (long?)null,
            }, tx);
    }

    private string? Serialize(object? value) =>
        value is null ? null : AuditJson.Serialize(value, json.Value.SerializerOptions);

    private static (IReadOnlyList<string> Where, DynamicParameters Parameters) Where(AuditFilter filter)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        void Add(string clause, string name, object? value)
        {
            if (value is null) return;
            where.Add(clause);
            p.Add(name, value);
        }
        Add("entity_type = @EntityType", "EntityType", filter.EntityType);
        Add("entity_id = @EntityId", "EntityId", filter.EntityId);
        Add("actor_type = @ActorType", "ActorType", filter.ActorType);
        Add("actor_id = @ActorId", "ActorId", filter.ActorId);
        Add("occurred_at >= @From", "From", filter.From);
        Add("occurred_at < @To", "To", filter.To);
        Add("import_run_id = @ImportRunId", "ImportRunId", filter.ImportRunId);
        if (filter.Summarise && filter.ImportRunId is null)
        {
            // An import's rows are read as one line: its run's own entry. Filtered by entity type, that line stands in
            // for the run's rows of that type (the run's entry itself has the type "import").
            if (filter.EntityType is not null && filter.EntityId is null && filter.EntityType != ImportEntityType)
            {
                where.Remove("entity_type = @EntityType");
                where.Add("(entity_type = @EntityType OR (entity_type = 'import' AND EXISTS (SELECT 1 FROM audit_entries x "
                          + "WHERE x.import_run_id = audit_entries.entity_id AND x.entity_type = @EntityType)))");
            }
            where.Add("import_run_id IS NULL");
        }

        return (where, p);
    }

    private const string Select = """
        SELECT id, occurred_at, actor_type, actor_id, actor_name, action, entity_type, entity_id,
               before_json, after_json, request_id, client_address, actor_agency_id, import_run_id
        FROM audit_entries
        """;

    public async Task<Page<AuditEntryDto>> ListAsync(AuditFilter filter, SortSpec<AuditRow> sort, KeysetCursor? cursor, int limit, bool showAddress, CancellationToken ct)
    {
        var (where, p) = Where(filter);
        await using var connection = await db.OpenAsync(ct);
        var (page, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "audit_entries", where, p, sort, cursor, limit, "id", r => r.Id);
        var readable = await ReadableAsync(connection, page);
        return new Page<AuditEntryDto>(page.Select(r => r.ToDto(showAddress, readable)).ToList(), next, total);
    }

    /// <summary>Every entry matching the filter, oldest first, read 500 at a time, so an export of any size streams.</summary>
    public IAsyncEnumerable<AuditEntryDto> StreamAsync(AuditFilter filter, bool showAddress, CancellationToken ct) =>
        Keyset.StreamAsync(db, Select, "audit_entries", () => Where(filter), SortFields[0], "id", r => r.Id,
            (_, rows) => Task.FromResult<IReadOnlyList<AuditEntryDto>>(rows.Select(r => r.ToDto(showAddress)).ToList()), ct);
}

/// <summary>
/// Audit entries for many changes in one transaction (imports): one prepared statement, run per entry, with
/// the entry's JSON written into one reused buffer, so a 100,000-row import neither prepares 100,000
/// statements nor makes a string per entry.
/// </summary>
public sealed class AuditBatch(DbConnection connection, DbTransaction tx, Actor actor, DateTimeOffset now, JsonSerializerOptions json) : IAsyncDisposable
{
    private static readonly string[] Parameters =
        ["OccurredAt", "ActorType", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "BeforeJson", "AfterJson", "RequestId", "ClientAddress",
         "ActorAgencyId", "ImportRunId"];

    /// <summary>The import run the entries belong to (written on each), or null for an entry that is no row of a run (the run's own).</summary>
    public long? ImportRunId { get; set; }
    private BulkStatement? _insert;
    private readonly System.Buffers.ArrayBufferWriter<byte> _before = new(), _after = new();
    private Utf8JsonWriter? _writer;

    public async Task WriteAsync(string action, string entityType, long entityId, object? before, object? after, CancellationToken ct)
    {
        Set(action, entityType, entityId, before);
        SetJson(8, after, _after);
        await _insert!.ExecuteAsync(ct);
    }

    /// <summary>An entry whose "after" is already JSON as <see cref="AuditStore"/> would write it (made ahead, off the writing thread).</summary>
    public async Task WriteAsync(string action, string entityType, long entityId, object? before, byte[] afterJson, CancellationToken ct)
    {
        Set(action, entityType, entityId, before);
        _insert!.SetUtf8(8, afterJson);
        await _insert.ExecuteAsync(ct);
    }

    private void Set(string action, string entityType, long entityId, object? before)
    {
        if (_insert is null)
        {
            _insert = BulkStatement.Prepare(connection, tx, AuditStore.InsertSql, Parameters);
            _insert.Set(0, now);
            _insert.Set(1, WireNames.Of(actor.Type));
            _insert.Set(2, actor.Id);
            _insert.Set(3, actor.Name);
            _insert.Set(9, actor.RequestId);
            _insert.Set(10, actor.ClientAddress);
            _insert.Set(11, actor.AgencyId);
        }
        _insert.Set(12, ImportRunId);
        _insert.Set(4, action);
        _insert.Set(5, entityType);
        _insert.Set(6, entityId);
        SetJson(7, before, _before);
    }

    private void SetJson(int parameter, object? value, System.Buffers.ArrayBufferWriter<byte> buffer)
    {
        if (value is null)
        {
            _insert!.Set(parameter, (string?)null);
            return;
        }
        if (AuditJson.CarriesDerived(value.GetType()))
        {
            _insert!.Set(parameter, AuditJson.Serialize(value, json)); // a record with read-time values: the slower, stripping path
            return;
        }
        buffer.ResetWrittenCount();
        if (_writer is null) _writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = json.Encoder, Indented = json.WriteIndented });
        else _writer.Reset(buffer);
        JsonSerializer.Serialize(_writer, value, value.GetType(), json); // the same text as AuditStore's, written as UTF-8
        _writer.Flush();
        _insert!.SetUtf8(parameter, buffer.WrittenSpan);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync();
        if (_insert is not null) await _insert.DisposeAsync();
        _writer = null;
        _insert = null;
    }
}
