namespace BioCluster.Api.Infrastructure.Data;

/// <summary>An agency's id, kind and status: what checks that an agency is the right kind for a role or a move read.</summary>
public sealed class AgencyKindRow
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
}
