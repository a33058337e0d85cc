using System.Text.RegularExpressions;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Data;

/// <summary>
/// The SQL is written once for both databases, so every statement in it must also be
/// valid T-SQL. This reads each raw SQL literal from every C# file under api/ (stores, imports, idempotency, rules), fills the interpolation
/// holes with what they stand for, and parses the result as SQL Server would.
/// </summary>
public sealed partial class StoreSqlTests
{
    [GeneratedRegex("\"\"\"(?<sql>.*?)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawLiteral();

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"IN @(\w+)")]
    private static partial Regex ListParameter();

    private const string SelectClusters = "SELECT c.id FROM clusters c JOIN agencies a ON a.id = c.operator_id";
    private const string SelectAgencies = "SELECT g.id FROM agencies g LEFT JOIN agencies p ON p.id = g.parent_id";

    [GeneratedRegex("""^\{(db\.Dialect|context\.Dialect|dialect)\.IdsIn\("(@\w+)"\)\}$""")]
    private static partial Regex IdsInHole();

    private static string Fill(string hole) => hole switch
    {
        "{Select}" => "SELECT 1 AS x FROM clusters c",
        "{Columns}" => "1 AS x",
        "{db.Dialect.SelectNewId}" or "{context.Dialect.SelectNewId}" or "{dialect.SelectNewId}" => "SELECT CAST(SCOPE_IDENTITY() AS BIGINT);",
        _ when IdsInHole().Match(hole) is { Success: true } m => SqlDialect.For(DatabaseProvider.SqlServer).IdsIn(m.Groups[2].Value),
        "{predicate}" => "g.id = @key",
        "{filterSql}" => " WHERE entity_type = @EntityType AND occurred_at >= @From",
        "{seekSql}" => " AND (id < @SeekValue OR (id = @SeekValue AND id < @SeekId))",
        "{Keyset.OrderBy(sort, \"id\")}" => "id DESC",
        "{db.Dialect.Limit(\"@Limit\")}" => "OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY",
        "{ClusterAgendaItem}" => "1 = 1",
        "{column}" => "i.companies",
        "{bucketSql}" => "CASE WHEN t.occurred_at < @b1 THEN 0 ELSE 11 END",
        _ => throw new Xunit.Sdk.XunitException($"Unknown interpolation {hole}: teach StoreSqlTests what it stands for."),
    };

    /// <summary>A raw literal that is a statement or a piece of one (not XML, not a message).</summary>
    [GeneratedRegex(@"^\s*\(?\s*(SELECT|INSERT|UPDATE|DELETE|WITH|FROM|EXISTS|MERGE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlStart();

    /// <summary>Every C# file under api/ that holds SQL in a raw literal (stores, imports, idempotency, rules …).</summary>
    public static TheoryData<string> StoreFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in SqlFiles()) data.Add(file);
        return data;
    }

    private static List<string> SqlFiles()
    {
        var files = new List<string>();
        foreach (var file in Directory.GetFiles(Repo.PathOf("api"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Where(f => RawLiteral().Matches(File.ReadAllText(f)).Any(m => SqlStart().IsMatch(m.Groups["sql"].Value)))
                     .Order(StringComparer.Ordinal))
            files.Add(Path.GetRelativePath(Repo.Root, file));
        return files;
    }

    [Fact]
    public void TheScan_FindsTheStoresAndTheOtherFilesWithSql()
    {
        var files = SqlFiles();
        Assert.Contains(files, f => f.EndsWith("RegulatoryIssueStore.List.cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("Idempotency.cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("AgencyImport.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith("XlsxSheetWriter.cs", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(StoreFiles))]
    public void EveryRawSqlLiteral_ParsesAsTSql(string file)
    {
        var source = File.ReadAllText(Repo.PathOf(file));
        var literals = RawLiteral().Matches(source).Select(m => m.Groups["sql"].Value).Where(l => SqlStart().IsMatch(l)).ToList();
        Assert.NotEmpty(literals);
        foreach (var literal in literals)
        {
            var sql = Hole().Replace(literal, m => Fill(m.Value));
            sql = ListParameter().Replace(sql, m => $"IN (@{m.Groups[1].Value}1, @{m.Groups[1].Value}2)"); // Dapper expands lists so
            if (sql.TrimStart().StartsWith("FROM", StringComparison.OrdinalIgnoreCase)) sql = "SELECT 1 " + sql;
            if (sql.TrimStart().StartsWith("EXISTS", StringComparison.OrdinalIgnoreCase)) sql = "SELECT 1 FROM regulatory_issues i WHERE " + sql; // a filter predicate
            if (sql.TrimStart().StartsWith('(')) sql = "SELECT 1 FROM agencies g WHERE " + sql; // a predicate kept as a rule (AgencyRules)
            TSql.AssertParses(sql, file);
        }
    }

    [Fact]
    public void ListQueries_WithTheirFiltersSeekAndLimit_ParseAsTSql()
    {
        const string limit = "OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY";
        TSql.AssertParses($@"{SelectClusters} WHERE c.region IN (@Regions1, @Regions2) AND a.code = @OperatorCode AND c.status <> 'archived'
            AND (c.name_ko LIKE @Q ESCAPE '\' OR c.name_en LIKE @Q ESCAPE '\' OR c.code LIKE @Q ESCAPE '\')
            AND (c.code > @SeekValue OR (c.code = @SeekValue AND c.id > @SeekId)) ORDER BY c.code ASC, c.id ASC {limit}", "cluster list");
        TSql.AssertParses($@"{SelectAgencies} WHERE g.kind IN (@Kinds1) AND g.status <> 'archived'
            AND (g.name_ko < @SeekValue OR (g.name_ko = @SeekValue AND g.id < @SeekId)) ORDER BY g.name_ko DESC, g.id DESC {limit}", "agency list");
        TSql.AssertParses($@"{SelectAgencies} LEFT JOIN clusters k ON k.id = g.cluster_id
            WHERE g.cluster_id = (SELECT id FROM clusters WHERE code = @ClusterCode) AND g.status <> 'archived'
            ORDER BY g.code ASC, g.id ASC {limit}", "agency list by cluster");
        TSql.AssertParses($@"SELECT i.id, i.year FROM cluster_indicators i JOIN clusters c ON c.id = i.cluster_id
            WHERE c.code = @ClusterCode AND i.year >= @YearFrom AND i.year <= @YearTo
            AND (i.year < @SeekValue OR (i.year = @SeekValue AND i.id < @SeekId)) ORDER BY i.year DESC, i.id DESC {limit}", "cluster indicator list");
    }
}
