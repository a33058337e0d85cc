using System.Text.Json;
using System.Text.Json.Serialization;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;

namespace BioCluster.Bench;

/// <summary>
/// Source-generated metadata for the issue list's page, for <c>profile</c> with <c>BENCH_JSON_SG=1</c> (issue 17: could
/// generated code replace the list's hand-written writer?). Metadata mode: the API's options carry converters and an
/// encoder, with which the serializer never takes the generator's fast path.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<RegulatoryIssueSummaryDto>))]
internal sealed partial class IssueListJsonContext : JsonSerializerContext;
