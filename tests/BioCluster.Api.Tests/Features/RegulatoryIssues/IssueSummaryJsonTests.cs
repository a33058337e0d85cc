using System.Text.Json;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;
using CsCheck;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>
/// The list rows' hand-written JSON writer against the general serializer with the API's options: the same
/// bytes for any row, so a field added to the record and not to the writer fails here.
/// </summary>
public class IssueSummaryJsonTests
{
    private static readonly JsonSerializerOptions Api = Options(withWriter: true);
    private static readonly JsonSerializerOptions General = Options(withWriter: false);

    private static JsonSerializerOptions Options(bool withWriter)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(o, fastWriters: withWriter);
        return o;
    }

    private static readonly Gen<string> Texts = Gen.OneOf<string>("가", "규제 개선", "클러스터", "<", ">", "&", "'", "\"", "\\", "/", "\n", "\t", "\u0001",
        "\u2028", "😀", "a", "Z", " ", "=1+1", "é").Array[0, 8].Select(parts => string.Concat(parts));

    private static readonly Gen<string?> MaybeTexts = Gen.Frequency((1, Gen.OneOf<string?>((string?)null)), (3, Texts.Select(t => (string?)t)));

    private static readonly Gen<DateTimeOffset> Instants =
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks].Select(t => new DateTimeOffset(t, TimeSpan.Zero));

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : struct => Gen.Frequency((1, Gen.OneOf<T?>((T?)null)), (3, gen.Select(v => (T?)v)));

    private static readonly Gen<AgencyRef> Agencies = Gen.Select(Gen.Long, Texts, Texts, MaybeTexts, (id, code, ko, en) => new AgencyRef(id, code, ko, en));
    private static readonly Gen<ClusterRef> ClusterRefs = Gen.Select(Gen.Long, Texts, Texts, MaybeTexts, (id, code, ko, en) => new ClusterRef(id, code, ko, en));
    private static readonly Gen<DateOnly> Dates = Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber].Select(DateOnly.FromDayNumber);

    private static readonly Gen<RegulatoryIssueSummaryDto> Rows =
        from id in Gen.Long
        from titleKo in Texts
        from titleEn in MaybeTexts
        from category in Gen.Enum<IssueCategory>()
        from raisedBy in Agencies
        from clusters in ClusterRefs.Array[0, 3]
        from lead in Gen.Frequency((1, Gen.OneOf<AgencyRef?>((AgencyRef?)null)), (3, Agencies.Select(a => (AgencyRef?)a)))
        from priority in Gen.Enum<IssuePriority>()
        from status in Gen.Enum<IssueStatus>()
        from due in Maybe(Instants)
        from planned in Maybe(Dates)
        from review in Maybe(Dates)
        from progress in Maybe(Gen.Int)
        from overdue in Gen.Bool
        from kind in Maybe(Gen.Enum<OverdueKind>())
        from remaining in Maybe(Gen.Int)
        from late in Maybe(Gen.Int)
        from created in Instants
        from updated in Instants
        select new RegulatoryIssueSummaryDto(id, titleKo, titleEn, category, raisedBy, clusters, lead, priority, status, due, planned, review,
            progress, overdue, kind, remaining, late, created, updated);

    [Fact]
    public void Rows_AreWrittenExactlyAsTheGeneralSerializerWritesThem() =>
        Rows.Array[0, 4].Sample(rows =>
        {
            var page = new Page<RegulatoryIssueSummaryDto>(rows, "next", rows.Length);
            return JsonSerializer.SerializeToUtf8Bytes(page, Api).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(page, General));
        });

    /// <summary>
    /// As the store builds a page: every row names the same agency and cluster instances, whose JSON the writer keeps per
    /// thread. Written under one encoder and then another (and indented), each document is still the general serializer's.
    /// </summary>
    [Fact]
    public void SharedReferences_AreWrittenAsTheGeneralSerializerWritesThem_UnderEveryEncoder()
    {
        var variants = new[] { (Api, General) }.Concat(
            from encoder in new[] { System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, System.Text.Encodings.Web.JavaScriptEncoder.Default }
            from indented in new[] { false, true }
            select (new JsonSerializerOptions(Api) { Encoder = encoder, WriteIndented = indented },
                new JsonSerializerOptions(General) { Encoder = encoder, WriteIndented = indented })).ToArray();
        Gen.Select(Rows.Array[1, 6], Agencies, ClusterRefs).Sample((rows, agency, cluster) =>
        {
            var shared = rows.Select(r => r with { RaisedBy = agency, LeadMinistry = agency, Clusters = [cluster] }).ToArray();
            var page = new Page<RegulatoryIssueSummaryDto>(shared, null, shared.Length);
            return variants.All(v => JsonSerializer.SerializeToUtf8Bytes(page, v.Item1).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(page, v.Item2)));
        });
    }

    [Fact]
    public void Rows_ReadBackThroughTheApiOptions() =>
        Rows.Sample(row =>
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(row, Api);
            var back = JsonSerializer.Deserialize<RegulatoryIssueSummaryDto>(json, Api)!;
            return JsonSerializer.SerializeToUtf8Bytes(back, General).AsSpan().SequenceEqual(json);
        });

    /// <summary>
    /// The API's options carry the writer while it knows every property of the record; a record it does not know (a field
    /// added to the DTO) is written by the general serializer, correctly, until the writer learns the field.
    /// </summary>
    [Fact]
    public void TheApiOptions_UseTheWriter_WhileItKnowsTheRecord() =>
        Assert.Equal(IssueSummaryJsonConverter.KnowsTheRecord() ? 1 : 0, Api.Converters.OfType<IssueSummaryJsonConverter>().Count());
}
