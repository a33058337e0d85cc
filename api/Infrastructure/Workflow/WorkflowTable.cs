namespace BioCluster.Api.Infrastructure.Workflow;

public enum MoveVerdict
{
    Allowed,
    /// <summary>The workflow has no such move from the current state: 409.</summary>
    NotFromThisState,
    /// <summary>The move exists but this caller may not make it: 403.</summary>
    NotForThisCaller,
}

/// <summary>
/// One row of a workflow's table: from a state to a state, who may make the move, and its definition. A row with a
/// <paramref name="Name"/> is a named move that a request asks for by that name (several named moves may keep a record in
/// the same state, such as an issue's deadline moves); a row without one is asked for by its target alone.
/// </summary>
public sealed record WorkflowRow<TState, TParty, TMove>(TState From, TState To, TParty Who, TMove Move, string? Name = null)
    where TState : struct, Enum where TParty : struct, Enum;

/// <summary>
/// A workflow as a table of moves: the whole rulebook of who may move a record from which state to which, each row
/// naming the declared move (<see cref="MoveDefinition{TRequest, TRecord, TContext}"/>) that says what the move takes and writes. A
/// feature's workflow is one of these plus its definitions; <paramref name="anyMove"/> parties (administrators) may
/// make every move the table has.
/// </summary>
public sealed class WorkflowTable<TState, TParty, TMove>(IEnumerable<WorkflowRow<TState, TParty, TMove>> rows, TParty anyMove)
    where TState : struct, Enum where TParty : struct, Enum
{
    public IReadOnlyList<WorkflowRow<TState, TParty, TMove>> Rows { get; } = rows.ToList();

    public WorkflowRow<TState, TParty, TMove>? Row(TState from, TState to, string? name = null) =>
        Rows.FirstOrDefault(r => EqualityComparer<TState>.Default.Equals(r.From, from) && EqualityComparer<TState>.Default.Equals(r.To, to) && r.Name == name);

    /// <summary>Whether <paramref name="caller"/> may move from one state to another (by the named move <paramref name="name"/>, if any); <paramref name="closed"/> shuts a row off for this record.</summary>
    public MoveVerdict CanMove(TState from, TState to, TParty caller, Func<WorkflowRow<TState, TParty, TMove>, bool>? closed = null, string? name = null)
    {
        var row = Row(from, to, name);
        if (row is null || closed?.Invoke(row) == true) return MoveVerdict.NotFromThisState;
        var who = Convert.ToInt64(row.Who) | Convert.ToInt64(anyMove);
        return (Convert.ToInt64(caller) & who) != 0 ? MoveVerdict.Allowed : MoveVerdict.NotForThisCaller;
    }

    /// <summary>The moves this caller may make from a state (for the dashboard to offer).</summary>
    public IReadOnlyList<WorkflowRow<TState, TParty, TMove>> MovesFor(TState from, TParty caller, Func<WorkflowRow<TState, TParty, TMove>, bool>? closed = null) =>
        Rows.Where(r => EqualityComparer<TState>.Default.Equals(r.From, from) && CanMove(from, r.To, caller, closed, r.Name) == MoveVerdict.Allowed).ToList();
}
