using System.Globalization;
using BioCluster.Contracts.Notifications;

namespace BioCluster.Api.Features.Notifications;

/// <summary>
/// The words of every notification, in Korean and English. An event keeps only the values its message needs
/// (<c>params_json</c>); the sentence is made when it is read — the bell in the language of the request, an e-mail in
/// the recipient's chosen language — so one event reads right to everyone it reaches.
/// </summary>
public static class NotificationText
{
    public sealed record Message(string Title, string Body);

    private static readonly Dictionary<string, (string Ko, string En)> Statuses = new(StringComparer.Ordinal)
    {
        ["submitted"] = ("접수", "Submitted"),
        ["routed"] = ("부처 배정", "Routed"),
        ["under_review"] = ("검토 중", "Under review"),
        ["accepted"] = ("수용", "Accepted"),
        ["partially_accepted"] = ("일부 수용", "Partially accepted"),
        ["long_term_review"] = ("장기 검토", "Long-term review"),
        ["not_accepted"] = ("불수용", "Not accepted"),
        ["in_progress"] = ("추진 중", "In progress"),
        ["completed"] = ("완료", "Completed"),
        ["withdrawn"] = ("철회", "Withdrawn"),
    };

    /// <summary>The title and body of a notification of <paramref name="kind"/> made from <paramref name="p"/>.</summary>
    public static Message Render(NotificationKind kind, IReadOnlyDictionary<string, string?> p, bool english)
    {
        string V(string key) => p.TryGetValue(key, out var v) && v is not null ? v : "";
        // A value kept in both languages: the English one when asked for and there, else the Korean.
        string Both(string key) => english && p.TryGetValue(key + "En", out var en) && !string.IsNullOrEmpty(en) ? en : V(key);
        string Status(string key) => Statuses.TryGetValue(V(key), out var s) ? (english ? s.En : s.Ko) : V(key);
        var title = Both("title");
        var days = int.TryParse(V("daysLeft"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : 0;
        return (kind, english) switch
        {
            (NotificationKind.IssueRouted, false) => new("규제 개선 과제가 배정되었습니다",
                $"「{title}」 — 주관 부처: {Both("ministry")}, 답변 기한: {V("dueOn")}"),
            (NotificationKind.IssueRouted, true) => new("A regulatory issue was routed to you",
                $"“{title}” — lead ministry: {Both("ministry")}, answer due {V("dueOn")}"),
            (NotificationKind.IssueDueSoon, false) => new($"답변 기한 {days}일 전", $"「{title}」의 답변 기한은 {V("dueOn")}입니다."),
            (NotificationKind.IssueDueSoon, true) => new($"Answer due in {days} day{(days == 1 ? "" : "s")}", $"“{title}” must be answered by {V("dueOn")}."),
            (NotificationKind.IssueDueToday, false) => new("오늘이 답변 기한입니다", $"「{title}」의 답변 기한은 오늘({V("dueOn")})입니다."),
            (NotificationKind.IssueDueToday, true) => new("Answer due today", $"“{title}” must be answered today ({V("dueOn")})."),
            (NotificationKind.IssueOverdue, false) => new("답변 기한이 지났습니다", $"「{title}」의 답변 기한({V("dueOn")})이 지났습니다."),
            (NotificationKind.IssueOverdue, true) => new("Answer overdue", $"The answer to “{title}” was due {V("dueOn")}."),
            (NotificationKind.IssueMoved, false) => new("과제 상태가 바뀌었습니다", $"「{title}」: {Status("from")} → {Status("to")} ({V("actor")})"),
            (NotificationKind.IssueMoved, true) => new("An issue moved", $"“{title}”: {Status("from")} → {Status("to")} ({V("actor")})"),
            (NotificationKind.IssueCommented, false) => new("과제에 새 의견이 있습니다", $"「{title}」 — {V("actor")}: {V("excerpt")}"),
            (NotificationKind.IssueCommented, true) => new("New comment on an issue", $"“{title}” — {V("actor")}: {V("excerpt")}"),
            (NotificationKind.FollowUpAssigned, false) => new("후속조치가 배정되었습니다", $"「{title}」 — 기한: {Or(V("dueOn"), "미정")}"),
            (NotificationKind.FollowUpAssigned, true) => new("A follow-up was given to your agency", $"“{title}” — due {Or(V("dueOn"), "not set")}"),
            (NotificationKind.FollowUpDueSoon, false) => new($"후속조치 기한 {days}일 전", $"「{title}」의 기한은 {V("dueOn")}입니다."),
            (NotificationKind.FollowUpDueSoon, true) => new($"Follow-up due in {days} day{(days == 1 ? "" : "s")}", $"“{title}” is due {V("dueOn")}."),
            (NotificationKind.FollowUpDueToday, false) => new("오늘이 후속조치 기한입니다", $"「{title}」의 기한은 오늘({V("dueOn")})입니다."),
            (NotificationKind.FollowUpDueToday, true) => new("Follow-up due today", $"“{title}” is due today ({V("dueOn")})."),
            (NotificationKind.FollowUpOverdue, false) => new("후속조치 기한이 지났습니다", $"「{title}」의 기한({V("dueOn")})이 지났습니다."),
            (NotificationKind.FollowUpOverdue, true) => new("Follow-up overdue", $"“{title}” was due {V("dueOn")}."),
            (NotificationKind.MeetingConvened, false) => new("회의가 소집되었습니다", $"{title} — {V("startsAt")}{Prefixed(", ", V("venue"))}"),
            (NotificationKind.MeetingConvened, true) => new("A meeting was convened", $"{title} — {V("startsAt")} (KST){Prefixed(", ", V("venue"))}"),
            (NotificationKind.MeetingCancelled, false) => new("회의가 취소되었습니다", $"{title}{Prefixed(" — 사유: ", V("reason"))}"),
            (NotificationKind.MeetingCancelled, true) => new("A meeting was cancelled", $"{title}{Prefixed(" — reason: ", V("reason"))}"),
            (NotificationKind.ImprovementDueSoon, false) => new($"이행 기한 {days}일 전", $"「{title}」의 개선 이행 기한(완료 예정일)은 {V("dueOn")}입니다."),
            (NotificationKind.ImprovementDueSoon, true) => new($"Improvement due in {Days(days)}", $"The improvement of “{title}” is planned to be completed by {V("dueOn")}."),
            (NotificationKind.ImprovementDueToday, false) => new("오늘이 이행 기한입니다", $"「{title}」의 개선 이행 기한(완료 예정일)은 오늘({V("dueOn")})입니다."),
            (NotificationKind.ImprovementDueToday, true) => new("Improvement due today", $"The improvement of “{title}” is planned to be completed today ({V("dueOn")})."),
            (NotificationKind.ImprovementOverdue, false) => new("이행 기한이 지났습니다", $"「{title}」의 개선 이행 기한({V("dueOn")})이 지났습니다. 완료 또는 진행 상황을 등록하세요."),
            (NotificationKind.ImprovementOverdue, true) => new("Improvement overdue", $"The improvement of “{title}” was planned for {V("dueOn")}. Record its completion or progress."),
            (NotificationKind.FinalAnswerDueSoon, false) => new($"최종 답변 기한 {days}일 전", $"장기 검토 중인 「{title}」의 최종 답변 기한은 {V("dueOn")}입니다."),
            (NotificationKind.FinalAnswerDueSoon, true) => new($"Final answer due in {Days(days)}", $"“{title}” is under long-term review; its final answer is due {V("dueOn")}."),
            (NotificationKind.FinalAnswerDueToday, false) => new("오늘이 최종 답변 기한입니다", $"장기 검토 중인 「{title}」의 최종 답변 기한은 오늘({V("dueOn")})입니다."),
            (NotificationKind.FinalAnswerDueToday, true) => new("Final answer due today", $"“{title}” is under long-term review; its final answer is due today ({V("dueOn")})."),
            (NotificationKind.FinalAnswerOverdue, false) => new("최종 답변 기한이 지났습니다", $"장기 검토 중인 「{title}」의 최종 답변 기한({V("dueOn")})이 지났습니다."),
            (NotificationKind.FinalAnswerOverdue, true) => new("Final answer overdue", $"“{title}” is under long-term review; its final answer was due {V("dueOn")}."),
            (NotificationKind.ChallengeEndingSoon, false) => new($"이의신청 기간이 {days}일 남았습니다", $"「{title}」의 불수용 답변에 대한 이의신청 기간은 {V("dueOn")}까지입니다."),
            (NotificationKind.ChallengeEndingSoon, true) => new($"{Days(days)} left to challenge", $"The refusal of “{title}” may be challenged until {V("dueOn")}."),
            (NotificationKind.ChallengeEndsToday, false) => new("오늘이 이의신청 마지막 날입니다", $"「{title}」의 불수용 답변에 대한 이의신청 기간은 오늘({V("dueOn")})까지입니다."),
            (NotificationKind.ChallengeEndsToday, true) => new("Last day to challenge", $"The refusal of “{title}” may be challenged until today ({V("dueOn")})."),
            (NotificationKind.RecommendationRouted, false) => new("정책 제언이 배정되었습니다",
                $"「{title}」 — 주관 부처: {Both("ministry")}, 답변 기한: {V("dueOn")}"),
            (NotificationKind.RecommendationRouted, true) => new("A policy recommendation was routed to you",
                $"“{title}” — lead ministry: {Both("ministry")}, answer due {V("dueOn")}"),
            (NotificationKind.RecommendationDueSoon, false) => new($"제언 답변 기한 {days}일 전", $"정책 제언 「{title}」의 답변 기한은 {V("dueOn")}입니다."),
            (NotificationKind.RecommendationDueSoon, true) => new($"Recommendation answer due in {Days(days)}",
                $"The policy recommendation “{title}” must be answered by {V("dueOn")}."),
            (NotificationKind.RecommendationDueToday, false) => new("오늘이 제언 답변 기한입니다", $"정책 제언 「{title}」의 답변 기한은 오늘({V("dueOn")})입니다."),
            (NotificationKind.RecommendationDueToday, true) => new("Recommendation answer due today",
                $"The policy recommendation “{title}” must be answered today ({V("dueOn")})."),
            (NotificationKind.RecommendationOverdue, false) => new("제언 답변 기한이 지났습니다", $"정책 제언 「{title}」의 답변 기한({V("dueOn")})이 지났습니다."),
            (NotificationKind.RecommendationOverdue, true) => new("Recommendation answer overdue",
                $"The answer to the policy recommendation “{title}” was due {V("dueOn")}."),
            (NotificationKind.RecommendationMoved, false) when V("move") == "conversion" => new("제언이 규제 개선 과제가 되었습니다",
                $"「{title}」의 남은 부분이 규제 개선 과제로 등록되었습니다. ({V("actor")})"),
            (NotificationKind.RecommendationMoved, true) when V("move") == "conversion" => new("A recommendation became a regulatory issue",
                $"The remainder of “{title}” was registered as a regulatory issue. ({V("actor")})"),
            (NotificationKind.RecommendationMoved, false) => new("제언 상태가 바뀌었습니다", $"「{title}」: {Status("from")} → {Status("to")} ({V("actor")})"),
            (NotificationKind.RecommendationMoved, true) => new("Your recommendation moved", $"“{title}”: {Status("from")} → {Status("to")} ({V("actor")})"),
            _ => new(kind.ToString(), title),
        };

        static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
        static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
        static string Prefixed(string prefix, string value) => value.Length > 0 ? prefix + value : "";
    }

    /// <summary>The dashboard address of a notification's record.</summary>
    public static string Link(NotificationSubject subject, long id) => subject switch
    {
        NotificationSubject.RegulatoryIssue => $"/issues/{id}",
        NotificationSubject.Meeting => $"/meetings/{id}",
        NotificationSubject.FollowUp => "/follow-ups",
        NotificationSubject.PolicyRecommendation => $"/recommendations/{id}",
        _ => "/",
    };

    /// <summary>The subject line and opening of a daily digest.</summary>
    public static (string Subject, string Opening) Digest(int count, DateOnly day, bool english) => english
        ? ($"[BioCluster] Daily digest {day:yyyy-MM-dd}: {count} notification{(count == 1 ? "" : "s")}",
            $"Your BioCluster notifications since the last digest ({count}):")
        : ($"[BioCluster] {day:yyyy-MM-dd} 알림 모음: {count}건", $"지난 알림 모음 이후 BioCluster 알림 {count}건입니다.");

    /// <summary>The line under every e-mail: why it came and where to change that.</summary>
    public static string Footer(bool english) => english
        ? "You receive this because of your BioCluster notification preferences (Account → Notifications)."
        : "BioCluster 알림 설정에 따라 보낸 메일입니다. 설정은 내 계정 → 알림에서 바꿀 수 있습니다.";
}
