namespace BioCluster.Contracts.Common;

/// <summary>What kind of input a move's field takes, so a form can be drawn from the definition.</summary>
public enum MoveFieldInput
{
    /// <summary>One line of text.</summary>
    Text,
    /// <summary>Several paragraphs.</summary>
    LongText,
    /// <summary>A whole number between minimum and maximum.</summary>
    Integer,
    /// <summary>A calendar day (Korean time), yyyy-MM-dd.</summary>
    Date,
    /// <summary>An instant (ISO 8601 with offset).</summary>
    Instant,
    /// <summary>One of <c>choices</c>.</summary>
    Choice,
    /// <summary>The code of one active agency of <c>agencyKind</c>.</summary>
    Agency,
    /// <summary>The codes of up to <c>maxItems</c> active agencies of <c>agencyKind</c>.</summary>
    AgencyList,
    /// <summary>A responsible person: name, department and contact.</summary>
    Person,
}

/// <summary>Which days a date field accepts, judged on the council's calendar (Korean time).</summary>
public enum MoveDateRule
{
    /// <summary>After today.</summary>
    Future,
    /// <summary>Today or earlier.</summary>
    NotFuture,
}

/// <summary>One field of a workflow move, with the rules the API checks it by.</summary>
public sealed record MoveFieldDto(
    string Name,
    MoveFieldInput Input,
    bool Required,
    int? MinLength = null,
    int? MaxLength = null,
    int? Minimum = null,
    int? Maximum = null,
    IReadOnlyList<string>? Choices = null,
    MoveDateRule? Dates = null,
    string? AgencyKind = null,
    int? MaxItems = null);

/// <summary>
/// A move the caller may make now: the target state, the kind of move and the fields it takes; <c>move</c> names a move
/// that keeps the state (sent back as the request's <c>move</c>), null for a change of state.
/// </summary>
public sealed record WorkflowMoveDto(string To, string Kind, IReadOnlyList<MoveFieldDto> Fields, string? Move = null);
