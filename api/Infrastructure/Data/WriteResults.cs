namespace BioCluster.Api.Infrastructure.Data;

/// <summary>A record together with the version its ETag is made from.</summary>
public sealed record Versioned<T>(T Value, long Version);

public enum WriteStatus
{
    Done,
    NotFound,
    Stale,
}

/// <summary>What an optimistic-concurrency write did: it wrote, the record is gone, or the caller's version is stale.</summary>
public sealed record WriteResult<T>(WriteStatus Status, Versioned<T>? Record)
{
    public static readonly WriteResult<T> NotFound = new(WriteStatus.NotFound, null);
    public static readonly WriteResult<T> Stale = new(WriteStatus.Stale, null);
    public static WriteResult<T> Done(Versioned<T> record) => new(WriteStatus.Done, record);
}
