using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>
/// Writes the rows of the issue list field by field with pre-encoded names: ~14 % of the list's throughput (0.097 vs
/// 0.152 ms for a 50-row page; docs/adr/0007). Part of <c>Database:FastReads</c>. The output is exactly what the general
/// serializer writes with the API's options (a property test compares the two). It registers itself only while it
/// knows every property of the record (<see cref="KnowsTheRecord"/>): a field added to the DTO is written correctly by the
/// general serializer at once, and the list is only slower until this writer learns it.
/// </summary>
public sealed class IssueSummaryJsonConverter : JsonConverter<RegulatoryIssueSummaryDto>
{
    /// <summary>The feature registers its writer (only with <c>Database:FastReads</c>, and while it knows the whole record).</summary>
    public static void Register(JsonSerializerOptions o)
    {
        if (KnowsTheRecord()) o.Converters.Add(new IssueSummaryJsonConverter());
    }

    /// <summary>The properties this writer writes, of the row and of the references in it.</summary>
    internal static readonly string[] RowProperties = ["id", "titleKo", "titleEn", "category", "raisedBy", "clusters", "leadMinistry", "priority",
        "status", "responseDueAt", "plannedCompletionOn", "reviewOn", "progressPercent", "overdue", "overdueKind", "daysRemaining", "daysLate",
        "createdAt", "updatedAt", "deadlineExtensions", "pendingRequest", "challengeDueOn", "finalAnswerDueOn", "ministryRole"];

    internal static readonly string[] ReferenceProperties = ["id", "code", "nameKo", "nameEn"];

    /// <summary>Whether the records have exactly the properties this writer writes.</summary>
    public static bool KnowsTheRecord() =>
        Same(typeof(RegulatoryIssueSummaryDto), RowProperties) && Same(typeof(AgencyRef), ReferenceProperties) && Same(typeof(ClusterRef), ReferenceProperties);

    private static bool Same(Type type, string[] written) =>
        type.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order().SequenceEqual(written.Order());

    private static readonly JsonEncodedText Id = E("id"), TitleKo = E("titleKo"), TitleEn = E("titleEn"), Category = E("category"),
        RaisedBy = E("raisedBy"), Clusters = E("clusters"), LeadMinistry = E("leadMinistry"), Priority = E("priority"), Status = E("status"),
        ResponseDueAt = E("responseDueAt"), PlannedCompletionOn = E("plannedCompletionOn"), ReviewOn = E("reviewOn"),
        ProgressPercent = E("progressPercent"), Overdue = E("overdue"), OverdueKindName = E("overdueKind"), DaysRemaining = E("daysRemaining"),
        DaysLate = E("daysLate"), CreatedAt = E("createdAt"), UpdatedAt = E("updatedAt"),
        DeadlineExtensions = E("deadlineExtensions"), PendingRequest = E("pendingRequest"), ChallengeDueOn = E("challengeDueOn"),
        FinalAnswerDueOn = E("finalAnswerDueOn"), MinistryRoleName = E("ministryRole"), Code = E("code"), NameKo = E("nameKo"), NameEn = E("nameEn");

    private JsonSerializerOptions? _reading;

    private static JsonEncodedText E(string name) => JsonEncodedText.Encode(name);

    public override RegulatoryIssueSummaryDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (_reading is null)
        {
            var general = new JsonSerializerOptions(options);
            general.Converters.Remove(this);
            _reading = general;
        }
        return JsonSerializer.Deserialize<RegulatoryIssueSummaryDto>(ref reader, _reading);
    }

    public override void Write(Utf8JsonWriter w, RegulatoryIssueSummaryDto v, JsonSerializerOptions options)
    {
        w.WriteStartObject();
        w.WriteNumber(Id, v.Id);
        w.WriteString(TitleKo, v.TitleKo);
        w.WriteString(TitleEn, v.TitleEn);
        w.WriteString(Category, Names<IssueCategory>.Of(v.Category));
        w.WritePropertyName(RaisedBy);
        WriteRef(w, v.RaisedBy, v.RaisedBy.Id, v.RaisedBy.Code, v.RaisedBy.NameKo, v.RaisedBy.NameEn);
        w.WriteStartArray(Clusters);
        foreach (var c in v.Clusters) WriteRef(w, c, c.Id, c.Code, c.NameKo, c.NameEn);
        w.WriteEndArray();
        w.WritePropertyName(LeadMinistry);
        if (v.LeadMinistry is { } lead) WriteRef(w, lead, lead.Id, lead.Code, lead.NameKo, lead.NameEn);
        else w.WriteNullValue();
        w.WriteString(Priority, Names<IssuePriority>.Of(v.Priority));
        w.WriteString(Status, Names<IssueStatus>.Of(v.Status));
        WriteInstant(w, ResponseDueAt, v.ResponseDueAt);
        WriteDate(w, PlannedCompletionOn, v.PlannedCompletionOn);
        WriteDate(w, ReviewOn, v.ReviewOn);
        WriteNumber(w, ProgressPercent, v.ProgressPercent);
        w.WriteBoolean(Overdue, v.Overdue);
        if (v.OverdueKind is { } kind) w.WriteString(OverdueKindName, Names<OverdueKind>.Of(kind));
        else w.WriteNull(OverdueKindName);
        WriteNumber(w, DaysRemaining, v.DaysRemaining);
        WriteNumber(w, DaysLate, v.DaysLate);
        WriteInstant(w, CreatedAt, v.CreatedAt);
        WriteInstant(w, UpdatedAt, v.UpdatedAt);
        w.WriteNumber(DeadlineExtensions, v.DeadlineExtensions);
        if (v.PendingRequest is { } request) w.WriteString(PendingRequest, Names<IssueRequestKind>.Of(request));
        else w.WriteNull(PendingRequest);
        WriteDate(w, ChallengeDueOn, v.ChallengeDueOn);
        WriteDate(w, FinalAnswerDueOn, v.FinalAnswerDueOn);
        if (v.MinistryRole is { } role) w.WriteString(MinistryRoleName, Names<MinistryRole>.Of(role));
        else w.WriteNull(MinistryRoleName);
        w.WriteEndObject();
    }

    /// <summary>
    /// An agency or cluster reference. A page names a handful of them once per row each, and the store hands the same
    /// (immutable) record to every row that names it, so each thread keeps the JSON of the last few it wrote, by
    /// instance, and writes those bytes again instead of encoding the names again.
    /// </summary>
    private static void WriteRef(Utf8JsonWriter w, object reference, long id, string code, string nameKo, string? nameEn)
    {
        if (w.Options.Indented) // kept bytes are compact; an indented document is written in full
        {
            WriteRefObject(w, id, code, nameKo, nameEn);
            return;
        }
        var kept = _kept ??= new KeptRefs();
        var encoder = w.Options.Encoder;
        var json = kept.Find(reference, encoder);
        if (json is null)
        {
            var buffer = new ArrayBufferWriter<byte>(160);
            using (var one = new Utf8JsonWriter(buffer, w.Options)) WriteRefObject(one, id, code, nameKo, nameEn);
            json = buffer.WrittenSpan.ToArray();
            kept.Add(reference, encoder, json);
        }
        w.WriteRawValue(json, skipInputValidation: true);
    }

    [ThreadStatic] private static KeptRefs? _kept;

    /// <summary>The JSON of the last references a thread wrote (a small ring, searched by instance and encoder).</summary>
    private sealed class KeptRefs
    {
        private const int Size = 16;
        private readonly object?[] _references = new object?[Size];
        private readonly object?[] _encoders = new object?[Size];
        private readonly byte[]?[] _json = new byte[Size][];
        private int _next;

        public byte[]? Find(object reference, object? encoder)
        {
            for (var i = 0; i < Size; i++)
                if (ReferenceEquals(_references[i], reference) && ReferenceEquals(_encoders[i], encoder)) return _json[i];
            return null;
        }

        public void Add(object reference, object? encoder, byte[] json)
        {
            _references[_next] = reference;
            _encoders[_next] = encoder;
            _json[_next] = json;
            _next = (_next + 1) % Size;
        }
    }

    private static void WriteRefObject(Utf8JsonWriter w, long id, string code, string nameKo, string? nameEn)
    {
        w.WriteStartObject();
        w.WriteNumber(Id, id);
        w.WriteString(Code, code);
        w.WriteString(NameKo, nameKo);
        w.WriteString(NameEn, nameEn);
        w.WriteEndObject();
    }

    private static void WriteInstant(Utf8JsonWriter w, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is not { } instant)
        {
            w.WriteNull(name);
            return;
        }
        Span<byte> text = stackalloc byte[UtcTimestampJsonConverter.MaxLength];
        w.WriteString(name, text[..UtcTimestampJsonConverter.Format(instant, text)]);
    }

    private static void WriteDate(Utf8JsonWriter w, JsonEncodedText name, DateOnly? value)
    {
        if (value is not { } date)
        {
            w.WriteNull(name);
            return;
        }
        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out var length, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        w.WriteString(name, text[..length]);
    }

    private static void WriteNumber(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } n) w.WriteNumber(name, n);
        else w.WriteNull(name);
    }

    /// <summary>Each enum value's wire name, encoded once.</summary>
    private static class Names<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, JsonEncodedText> Encoded = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => E(WireNames.Of(v)));

        public static JsonEncodedText Of(T value) => Encoded[value];
    }
}
