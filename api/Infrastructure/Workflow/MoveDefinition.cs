using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Common;
using FluentValidation;

namespace BioCluster.Api.Infrastructure.Workflow;

/// <summary>What a move's fields are judged against: the request, and today on the council's calendar.</summary>
public sealed record MoveInput<TRequest>(TRequest Request, DateOnly Today);

/// <summary>
/// One field a move takes: how it reads from the request and the rules it must meet. The same declaration becomes
/// the move's FluentValidation rules (<see cref="MoveFieldsValidator{TRequest}"/>) and the form the API publishes
/// (<see cref="MoveFieldDto"/>), so the dashboard and the API cannot disagree.
/// </summary>
public sealed record MoveField<TRequest>(MoveFieldDto Shape, Func<TRequest, object?> Read, string? Korean = null, string? English = null)
{
    public string Name => Shape.Name;

    /// <summary>The message for a value that breaks this field's rules; a field may give its own.</summary>
    public string Message() => Korean is not null && English is not null ? Text.Of(Korean, English) : Shape switch
    {
        { Input: MoveFieldInput.Text or MoveFieldInput.LongText, MinLength: { } min, MaxLength: { } max } =>
            Text.Of($"{min:N0}–{max:N0}자로 입력하세요.", $"Give {min:N0}–{max:N0} characters."),
        { Input: MoveFieldInput.Integer, Minimum: { } lo, Maximum: { } hi } => Text.Of($"{lo}–{hi} 사이의 정수로 입력하세요.", $"A whole number from {lo} to {hi}."),
        { Dates: MoveDateRule.Future } => Text.Of("오늘 이후의 날짜여야 합니다.", "The date must be in the future."),
        { Dates: MoveDateRule.NotFuture } => Text.Of("오늘 또는 그 이전의 날짜여야 합니다.", "The date cannot be in the future."),
        { MaxItems: { } most } => Text.Of($"최대 {most}개까지 지정할 수 있습니다.", $"At most {most}."),
        _ => Text.Of("필수 항목입니다.", "This field is required."),
    };
}

/// <summary>Declares move fields; each kind of input carries the rules that kind needs.</summary>
public static class Field
{
    public static MoveField<T> Text<T>(string name, Func<T, string?> read, bool required, int? min = null, int? max = null, string? ko = null, string? en = null) =>
        new(new MoveFieldDto(name, MoveFieldInput.Text, required, MinLength: min, MaxLength: max), read, ko, en);

    public static MoveField<T> LongText<T>(string name, Func<T, string?> read, int min, int max, string? ko = null, string? en = null) =>
        new(new MoveFieldDto(name, MoveFieldInput.LongText, true, MinLength: min, MaxLength: max), read, ko, en);

    public static MoveField<T> Integer<T>(string name, Func<T, int?> read, int min, int max) =>
        new(new MoveFieldDto(name, MoveFieldInput.Integer, true, Minimum: min, Maximum: max), r => read(r));

    public static MoveField<T> Date<T>(string name, Func<T, DateOnly?> read, MoveDateRule rule, string? ko = null, string? en = null) =>
        new(new MoveFieldDto(name, MoveFieldInput.Date, true, Dates: rule), r => read(r), ko, en);

    public static MoveField<T> Instant<T>(string name, Func<T, DateTimeOffset?> read, MoveDateRule rule, bool required) =>
        new(new MoveFieldDto(name, MoveFieldInput.Instant, required, Dates: rule), r => read(r));

    public static MoveField<T> Choice<T, TEnum>(string name, Func<T, TEnum?> read, string? ko = null, string? en = null) where TEnum : struct, Enum =>
        new(new MoveFieldDto(name, MoveFieldInput.Choice, true, Choices: Enum.GetValues<TEnum>().Select(v => WireNames.Of(v)).ToList()), r => read(r), ko, en);

    public static MoveField<T> Agency<T>(string name, Func<T, string?> read, string kind, string? ko = null, string? en = null) =>
        new(new MoveFieldDto(name, MoveFieldInput.Agency, true, AgencyKind: kind), read, ko, en);

    public static MoveField<T> Agencies<T>(string name, Func<T, IReadOnlyList<string>?> read, string kind, int maxItems) =>
        new(new MoveFieldDto(name, MoveFieldInput.AgencyList, false, AgencyKind: kind, MaxItems: maxItems), read);

    public static MoveField<T> Person<T>(string name, Func<T, object?> read) =>
        new(new MoveFieldDto(name, MoveFieldInput.Person, false), read);
}

/// <summary>The FluentValidation rules of one move, made from its field declarations: one message per field.</summary>
public sealed class MoveFieldsValidator<TRequest> : AbstractValidator<MoveInput<TRequest>>
{
    public MoveFieldsValidator(IEnumerable<MoveField<TRequest>> fields)
    {
        foreach (var field in fields)
            RuleFor(x => field.Read(x.Request))
                .Must((input, value) => Meets(field.Shape, value, input.Today)).WithMessage(_ => field.Message()).Field(field.Name);
    }

    private static bool Meets(MoveFieldDto f, object? value, DateOnly today)
    {
        if (value is null || value is string s && string.IsNullOrWhiteSpace(s)) return !f.Required;
        return value switch
        {
            string text => (f.MinLength is not { } min || text.Trim().Length >= min) && (f.MaxLength is not { } max || text.Length <= max)
                           && !text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'),
            int n => (f.Minimum is not { } lo || n >= lo) && (f.Maximum is not { } hi || n <= hi),
            DateOnly day => InRule(f.Dates, day, today),
            DateTimeOffset instant => InRule(f.Dates, DateOnly.FromDateTime(instant.ToOffset(Council.Offset).DateTime), today),
            IReadOnlyCollection<string> list => f.MaxItems is not { } most || list.Count <= most,
            _ => true,
        };
    }

    private static bool InRule(MoveDateRule? rule, DateOnly day, DateOnly today) => rule switch
    {
        MoveDateRule.Future => day > today,
        MoveDateRule.NotFuture => day <= today,
        _ => true,
    };
}

/// <summary>The council's calendar: Korean time (UTC+9, no daylight saving).</summary>
public static class Council
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The Korean calendar day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>A date-only deadline lasts to the end of that day in Korea.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59, 59, 999)), Offset);
}

/// <summary>
/// What a move will write, decided before anything is written: the columns, the fields its timeline entry shows,
/// the deadline it sets (none when null) and the link tables it replaces.
/// </summary>
public sealed class MovePlan
{
    public List<KeyValuePair<string, object?>> Columns { get; } = [];
    public Dictionary<string, string?> Timeline { get; } = [];
    public DateTimeOffset? Deadline { get; set; }
    public List<LinkSet> Links { get; } = [];

    /// <summary>Writes a column and shows the value in the timeline under <paramref name="field"/>.</summary>
    public MovePlan Set(string column, string field, object? value, string? shown)
    {
        Columns.Add(new(column, value));
        Timeline[field] = shown;
        return this;
    }

    /// <summary>Writes a column the timeline does not show.</summary>
    public MovePlan Write(string column, object? value)
    {
        Columns.Add(new(column, value));
        return this;
    }

    /// <summary>The planned columns as <c>, column = @cN</c> assignments for an UPDATE, their values added to <paramref name="parameters"/>.</summary>
    public string Assignments(Dapper.DynamicParameters parameters)
    {
        var sql = new System.Text.StringBuilder();
        for (var k = 0; k < Columns.Count; k++)
        {
            sql.Append($", {Columns[k].Key} = @c{k}");
            parameters.Add($"c{k}", Columns[k].Value);
        }
        return sql.ToString();
    }
}

/// <summary>A link table's rows for the moved record, replaced by these ids.</summary>
public sealed record LinkSet(string Table, string OwnerColumn, string OtherColumn, IReadOnlyList<long> Ids);

/// <summary>
/// One declared move of a workflow: the fields it takes (validated and published from one declaration) and how it
/// plans its writes from the loaded record. <typeparamref name="TContext"/> is what planning may consult (the clock,
/// settings, lookups the feature's store provides).
/// </summary>
public sealed class MoveDefinition<TRequest, TRecord, TContext>
{
    private readonly MoveFieldsValidator<TRequest> _validator;
    private readonly Func<TRecord, TRequest, TContext, MovePlan, ValueTask<Refusal?>> _plan;

    public MoveDefinition(string kind, IReadOnlyList<MoveField<TRequest>> fields, Func<TRecord, TRequest, TContext, MovePlan, ValueTask<Refusal?>> plan)
    {
        Kind = kind;
        Fields = fields;
        _validator = new MoveFieldsValidator<TRequest>(fields);
        _plan = plan;
    }

    /// <summary>The move's name in the contract (assignment, answer, …).</summary>
    public string Kind { get; }
    public IReadOnlyList<MoveField<TRequest>> Fields { get; }
    public IValidator<MoveInput<TRequest>> Validator => _validator;

    /// <summary>
    /// The field errors of a request for this move: a field this move does not take is a mistake (never silently
    /// dropped), then the declared rules. Empty when the request is right.
    /// </summary>
    public Dictionary<string, string[]> Check(TRequest request, DateOnly today, IEnumerable<string> givenFields, string target)
    {
        var errors = new Dictionary<string, string[]>();
        var taken = Fields.Select(f => f.Name).ToHashSet();
        foreach (var given in givenFields.Where(g => !taken.Contains(g)))
            errors[given] = [Text.Of($"{target}(으)로 옮길 때는 쓰지 않는 항목입니다.", $"Not used when moving to {target}.")];
        foreach (var failure in _validator.Validate(new MoveInput<TRequest>(request, today)).Errors)
            errors.TryAdd(failure.PropertyName, [failure.ErrorMessage]);
        return errors;
    }

    /// <summary>Plans the writes; a refusal when a field names something the data does not allow.</summary>
    public async ValueTask<StoreResult<MovePlan>> PlanAsync(TRecord record, TRequest request, TContext context)
    {
        var plan = new MovePlan();
        return await _plan(record, request, context, plan) is { } refusal ? refusal : plan;
    }

    public WorkflowMoveDto Publish(string to, string? move = null) => new(to, Kind, Fields.Select(f => f.Shape).ToList(), move);
}

/// <summary>Which of a request's optional fields were given, by their camelCase names (read once per request type).</summary>
public static class GivenFields<TRequest>
{
    private static readonly (string Name, Func<TRequest, object?> Read)[] Properties = typeof(TRequest).GetProperties()
        .Select(p => (System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name), (Func<TRequest, object?>)(r => p.GetValue(r))))
        .ToArray();

    public static IEnumerable<string> Of(TRequest request, params string[] except) =>
        Properties.Where(p => !except.Contains(p.Name) && p.Read(request) is not null).Select(p => p.Name);
}
