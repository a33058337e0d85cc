namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// A field that is well-formed but refers to something the database does not allow (an unknown or
/// unsuitable operator, a parent that would form a cycle). Thrown inside the write's transaction, so
/// nothing is written; answered as a 400 validation problem on that field.
/// </summary>
public sealed class FieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
