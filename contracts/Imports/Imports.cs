namespace BioCluster.Contracts.Imports;

/// <summary>What an import brings in.</summary>
public enum ImportEntity
{
    Agencies,
    Clusters,
    ClusterIndicators,
    RegulatoryIssues,
    /// <summary>The council's seats (and its working groups'), matched by body and Korean label.</summary>
    CouncilSeats,
    /// <summary>Who holds a seat for a term (위원 임기), under the same rules as the membership endpoint.</summary>
    CouncilMemberships,
    /// <summary>Innovation actors: agencies with their actor profile, placed in the clusters listed (ADR 0024).</summary>
    Actors,
    /// <summary>Site projects, upserted by their external reference with their stages (ADR 0025).</summary>
    SiteProjects,
    /// <summary>Collaboration projects, upserted by their external reference with their partners (ADR 0025).</summary>
    CollaborationProjects,
    /// <summary>Policy recommendations, upserted by their external reference while they are submitted (ADR 0025).</summary>
    PolicyRecommendations,
}

/// <summary>What happens to the good rows when some rows are rejected.</summary>
public enum ImportErrorMode
{
    /// <summary>Any rejected row means nothing is written (the default).</summary>
    Fail,
    /// <summary>The good rows are written and the rejected ones reported.</summary>
    Skip,
}

/// <summary>How an import ended.</summary>
public enum ImportOutcome
{
    /// <summary>A dry run: everything was checked and nothing written.</summary>
    Validated,
    /// <summary>The rows were written (all of them, or the good ones with onError=skip).</summary>
    Imported,
    /// <summary>Rows were rejected and onError was fail, so nothing was written.</summary>
    Rejected,
}

/// <summary>Counts of an import's rows. Rows = created + updated + unchanged + rejected.</summary>
public sealed record ImportTotals(int Rows, int Created, int Updated, int Unchanged, int Rejected);

/// <summary>
/// One problem with one row: the spreadsheet row (the header is row 1), the column (its English name), the record's
/// key, what is wrong, and the column's header as the file has it (a Korean file's 국문명 for nameKo; null for the
/// whole row or a column the file does not have).
/// </summary>
public sealed record ImportProblem(int Row, string? Column, string? Key, string Code, string Message, string? Header = null);

/// <summary>The report of one import run.</summary>
public sealed record ImportReportDto(
    long Id,
    ImportEntity Entity,
    bool DryRun,
    ImportErrorMode OnError,
    ImportOutcome Outcome,
    ImportTotals Totals,
    IReadOnlyList<ImportProblem> Problems,
    bool ProblemsTruncated,
    string? FileName,
    string Format,
    string? Charset,
    string Sha256,
    long Bytes,
    string ActorName,
    DateTimeOffset StartedAt,
    long DurationMs);

/// <summary>One line of the import history.</summary>
public sealed record ImportRunDto(
    long Id,
    ImportEntity Entity,
    bool DryRun,
    ImportErrorMode OnError,
    ImportOutcome Outcome,
    ImportTotals Totals,
    string? FileName,
    string Format,
    string? Charset,
    string Sha256,
    long Bytes,
    string ActorName,
    DateTimeOffset StartedAt,
    long DurationMs);
