namespace BioCluster.Api.Infrastructure.Data;

/// <summary>A record together with the version its ETag is made from.</summary>
public sealed record Versioned<T>(T Value, long Version);

/// <summary>Why a store did not do what it was asked. Expected outcomes, never exceptions.</summary>
public enum RefusalKind
{
    /// <summary>A field is wrong, or refers to something the data does not allow: 400 with field errors.</summary>
    Invalid,
    /// <summary>The caller may see the record but may not do this to it: 403.</summary>
    Forbidden,
    /// <summary>No such record: 404.</summary>
    NotFound,
    /// <summary>The data's state forbids it (duplicate code, record in use, no such move from this state): 409.</summary>
    Conflict,
    /// <summary>The caller's version is no longer the record's (If-Match): 412.</summary>
    Stale,
    /// <summary>The record exists and the caller did not say which version it read (no If-Match): 428.</summary>
    VersionRequired,
    /// <summary>What was sent is larger than the limit (an uploaded file): 413.</summary>
    TooLarge,
    /// <summary>The body is not of a media type the endpoint takes: 415.</summary>
    UnsupportedMediaType,
}

/// <summary>
/// An expected "no" from a store, with what a person needs to put it right. Turned into a problem answer in one
/// place (<c>Infrastructure/Http/Refused.cs</c>).
/// </summary>
public sealed record Refusal(RefusalKind Kind, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static readonly Refusal NotFound = new(RefusalKind.NotFound);
    public static readonly Refusal Stale = new(RefusalKind.Stale);
    public static readonly Refusal VersionRequired = new(RefusalKind.VersionRequired);
    public static Refusal Conflict(string detail) => new(RefusalKind.Conflict, detail);
    public static Refusal Forbidden(string detail) => new(RefusalKind.Forbidden, detail);
    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, null, new Dictionary<string, string[]> { [field] = [message] });
    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors) => new(RefusalKind.Invalid, null, errors);
    public static Refusal TooLarge(string detail) => new(RefusalKind.TooLarge, detail);
    public static Refusal UnsupportedMediaType(string detail) => new(RefusalKind.UnsupportedMediaType, detail);
}

/// <summary>What a store call came to: a value, or a <see cref="Refusal"/>.</summary>
public readonly record struct StoreResult<T>
{
    private StoreResult(T? value, Refusal? refusal) => (Value, Refusal) = (value, refusal);

    public T? Value { get; }
    public Refusal? Refusal { get; }
    public bool IsOk => Refusal is null;

    public static implicit operator StoreResult<T>(T value) => new(value, null);
    public static implicit operator StoreResult<T>(Refusal refusal) => new(default, refusal);
}

/// <summary>An optimistic-concurrency write's result: the new version of the record, or why not.</summary>
public readonly record struct WriteResult<T>
{
    private WriteResult(Versioned<T>? record, Refusal? refusal) => (Record, Refusal) = (record, refusal);

    public Versioned<T>? Record { get; }
    public Refusal? Refusal { get; }

    public static WriteResult<T> NotFound => Data.Refusal.NotFound;
    public static WriteResult<T> Stale => Data.Refusal.Stale;
    public static WriteResult<T> Done(Versioned<T> record) => new(record, null);

    public static implicit operator WriteResult<T>(Versioned<T> record) => new(record, null);
    public static implicit operator WriteResult<T>(Refusal refusal) => new(null, refusal);
}
