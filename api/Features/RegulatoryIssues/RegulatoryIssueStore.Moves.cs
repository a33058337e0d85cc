using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>Workflow moves: load → plan (by the declared move) → apply → audit.</summary>
public sealed partial class RegulatoryIssueStore
{
    /// <summary>
    /// One workflow move, as one transaction guarded by the issue's version. Precedence: 404, then 412 (a client acting
    /// on an old read is told so first), then 409 (no such move from this state), 403 (not this caller's move), 400 (the
    /// move's fields). The record, its tallies, its timeline and the audit trail change together or not at all.
    /// </summary>
    public async Task<WriteResult<RegulatoryIssueDto>> MoveAsync(long id, long expectedVersion, IssueTransitionRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        // Load.
        var row = await RowAsync(connection, tx, id);
        if (row is null) return Refusal.NotFound;
        if (row.Version != expectedVersion) return Refusal.Stale;
        var from = row.StatusValue;
        var pending = row.RequestKind is not null;
        var named = r.Move is { } m ? WireNames.Of(m) : null;
        switch (IssueWorkflow.CanMove(from, r.To, PartyOf(actor, row), row.RereviewUsed, r.Move, pending))
        {
            case MoveVerdict.NotFromThisState:
                return Refusal.Conflict(r.Move switch
                {
                    IssueMove.ReliefRequest or IssueMove.ExtensionRequest when pending && from == IssueStatus.UnderReview && r.To == from =>
                        Text.Of("이미 처리를 기다리는 요청이 있습니다. 협의체 간사가 답한 뒤에 다시 요청하세요.",
                            "A request is already waiting for the secretariat; ask again once it is answered."),
                    IssueMove.GrantRequest or IssueMove.RefuseRequest when !pending && from == IssueStatus.UnderReview && r.To == from =>
                        Text.Of("처리를 기다리는 요청이 없습니다.", "No request is waiting to be answered."),
                    { } move => Text.Of($"{WireNames.Of(from)} 상태의 과제에는 {WireNames.Of(move)}을(를) 할 수 없습니다.",
                        $"An issue that is {WireNames.Of(from)} does not allow {WireNames.Of(move)}."),
                    null when from == IssueStatus.NotAccepted && r.To == IssueStatus.UnderReview =>
                        Text.Of("이 과제는 이미 한 번 재검토되었습니다.", "This issue has had its one re-review already."),
                    null => Text.Of($"{WireNames.Of(from)} 상태의 과제는 {WireNames.Of(r.To)}(으)로 옮길 수 없습니다.",
                        $"An issue that is {WireNames.Of(from)} cannot move to {WireNames.Of(r.To)}."),
                });
            case MoveVerdict.NotForThisCaller:
                return Refusal.Forbidden(named is not null
                    ? Text.Of($"이 과제에 {named}을(를) 할 권한이 없습니다.", $"You may not make the move {named} on this issue.")
                    : Text.Of($"이 과제를 {WireNames.Of(r.To)}(으)로 옮길 권한이 없습니다.", $"You may not move this issue to {WireNames.Of(r.To)}."));
        }

        // Plan.
        var kind = IssueWorkflow.Table.Row(from, r.To, named)!.Move;
        var errors = IssueWorkflow.CheckFields(kind, r, Council.DayOf(now));
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var context = new IssueMoveContext(now, ResponseDays, code => connection.QuerySingleOrDefaultAsync<AgencyKindRow>(
            "SELECT id, kind FROM agencies WHERE code = @code AND status = 'active'", new { code }, tx), await holidays.WorkingDaysAsync(ct),
            async () => (await connection.QueryAsync<long>("SELECT agency_id FROM regulatory_issue_co_ministries WHERE issue_id = @id", new { id }, tx)).ToList());
        var planned = await IssueWorkflow.Definition(kind).PlanAsync(row, r, context);
        if (planned.Refusal is { } refused) return refused;
        var plan = planned.Value!;
        if (named is not null) plan.Timeline["move"] = named;
        IssueDecisions.DecisionRow? decision = null;
        if (r.AgendaItemId is { } itemId)
        {
            var decided = await IssueDecisions.DecidedAsync(connection, tx, itemId, "agendaItemId");
            if (decided.Refusal is { } notDecided) return notDecided;
            decision = decided.Value!;
            plan.Timeline["decision"] = decision.Label;
        }

        // Apply.
        var before = await VersionedAsync(connection, tx, row, actor);
        var p = new DynamicParameters(new { Id = id, ExpectedVersion = expectedVersion, To = WireNames.Of(r.To), Now = now, NextDue = plan.Deadline ?? NoDeadline });
        var changed = await connection.ExecuteAsync(
            $"UPDATE regulatory_issues SET status = @To, version = version + 1, updated_at = @Now, next_due_at = @NextDue{plan.Assignments(p)} WHERE id = @Id AND version = @ExpectedVersion",
            p, tx);
        if (changed == 0) return Refusal.Stale;
        foreach (var link in plan.Links)
        {
            await connection.ExecuteAsync($"DELETE FROM {link.Table} WHERE {link.OwnerColumn} = @id", new { id }, tx);
            foreach (var other in link.Ids)
                await connection.ExecuteAsync($"INSERT INTO {link.Table} ({link.OwnerColumn}, {link.OtherColumn}) VALUES (@id, @other)", new { id, other }, tx);
        }
        if (decision is not null) await IssueDecisions.LinkAsync(connection, tx, decision.AgendaItemId, id);
        var moved = (await RowAsync(connection, tx, id))!;
        await IssueTallies.MoveAsync(connection, tx, db.Dialect, (row.LeadMinistryId, row.Status, row.Category), (moved.LeadMinistryId, moved.Status, moved.Category));

        // Record.
        await RecordMoveAsync(connection, tx, id, from, r.To, actor, r.Comment, plan.Timeline, now);
        // Routed: into review, or kept in review under another lead ministry (a re-route, a granted relief request).
        var routed = moved.Status == WireNames.Of(IssueStatus.UnderReview) && (from != IssueStatus.UnderReview || moved.LeadMinistryId != row.LeadMinistryId);
        await notifications.NotifyIssueMovedAsync(connection, tx, id, from, r.To, routed, actor, now);
        var after = await VersionedAsync(connection, tx, moved, actor);
        await audit.WriteAsync(connection, tx, actor, "transition:" + WireNames.Of(r.To), EntityType, id, before.Value, after.Value);
        await tx.CommitAsync(ct);
        return after;
    }
}
