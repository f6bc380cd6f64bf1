using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Monitoring.Worklist;

namespace MediaMatrix.Web;

/// <summary>
/// The localizer key (the Chinese label) for every enum and code a page shows, so no enum or key name reaches a page
/// raw: a page writes <c>L[Labels.Verdict(v)]</c>. <see cref="All"/> lists every key, for the test that each has English.
/// </summary>
public static class Labels
{
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Monitoring.Assessment.Verdict.Qualified => "合格",
        Monitoring.Assessment.Verdict.Unqualified => "不合格",
        _ => "数据不足",
    };

    public static string Disposition(DispositionKind? kind) => kind switch
    {
        DispositionKind.Retain => "保留",
        DispositionKind.Rectify => "限期整改",
        DispositionKind.Merge => "归集整合",
        DispositionKind.Close => "注销关停",
        _ => "—",
    };

    /// <summary>The tier names of domain.md: 正常更新, 长期未更新预警, 休眠, 僵尸（建议关停）.</summary>
    public static string Dormancy(Dormancy tier) => DormancyTier.Zh(tier);

    public static string Platform(Platform platform) => platform switch
    {
        Monitoring.Matrix.Platform.Wechat => "微信公众号",
        Monitoring.Matrix.Platform.Weibo => "微博",
        Monitoring.Matrix.Platform.Douyin => "抖音",
        Monitoring.Matrix.Platform.Toutiao => "今日头条",
        Monitoring.Matrix.Platform.Kuaishou => "快手",
        Monitoring.Matrix.Platform.Bilibili => "哔哩哔哩",
        Monitoring.Matrix.Platform.App => "客户端",
        Monitoring.Matrix.Platform.Website => "网站",
        _ => "其他平台",
    };

    public static string ScorePartName(string part) => part == ScorePart.Tasks ? "集群协同任务" : "勤勉度";

    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "严重",
        AlertSeverity.Warning => "警告",
        _ => "提示",
    };

    public static string AlertStatus(AlertStatus status) => status switch
    {
        Monitoring.Alerts.AlertStatus.Acknowledged => "已确认知悉",
        Monitoring.Alerts.AlertStatus.Resolved => "已关闭",
        _ => "待处理",
    };

    public static string Completion(CompletionStatus status) => status switch
    {
        CompletionStatus.OnTime => "按时",
        CompletionStatus.Late => "逾期完成",
        CompletionStatus.Manual => "人工确认",
        _ => "未完成",
    };

    /// <summary>Why the last poll failed; "—" for none.</summary>
    public static string ErrorClass(FetchErrorClass error) => error switch
    {
        FetchErrorClass.None => "—",
        FetchErrorClass.Dns => "域名解析失败",
        FetchErrorClass.Connect => "连接失败",
        FetchErrorClass.Timeout => "请求超时",
        FetchErrorClass.Tls => "TLS 证书错误",
        FetchErrorClass.Http4xx => "HTTP 4xx 错误",
        FetchErrorClass.Http5xx => "HTTP 5xx 错误",
        FetchErrorClass.Blocked => "被平台拦截",
        FetchErrorClass.BlockedPrivate => "内网地址被拒绝",
        FetchErrorClass.TooLarge => "响应过大",
        FetchErrorClass.Redirects => "重定向过多",
        FetchErrorClass.Parse => "无法解析",
        FetchErrorClass.Empty => "无内容",
        _ => "其他错误",
    };

    public static string FindingKind(FindingKind kind) => FindingKinds.Zh(kind);

    public static string Step(CaseStepKind kind) => CaseSteps.StepZh(kind);

    /// <summary>What a line of the overview's work list asks for.</summary>
    public static string WorkKind(WorkKind kind) => kind switch
    {
        Monitoring.Worklist.WorkKind.VetoSoon => "即将否决",
        Monitoring.Worklist.WorkKind.UnconfirmedFinding => "待确认问题",
        Monitoring.Worklist.WorkKind.OverdueStep => "处置逾期",
        _ => "未确认告警",
    };

    /// <summary>The overview's sort and grouping choices, by their query value.</summary>
    public static readonly IReadOnlyList<(string Value, string Key)> Sorts = [("score", "按得分"), ("name", "按名称"), ("last-post", "按最近更新")];

    public static readonly IReadOnlyList<(string Value, string Key)> Groups = [("department", "按部门分组"), ("platform", "按平台分组")];

    public static readonly IReadOnlyList<(string Value, string Key)> Verdicts =
        [("qualified", "合格"), ("unqualified", "不合格"), ("unknown", "数据不足")];

    /// <summary>Every key above, for the test that the English resource has each one.</summary>
    public static IEnumerable<string> All() =>
        Enum.GetValues<Verdict>().Select(Verdict)
            .Concat(Enum.GetValues<DispositionKind>().Select(k => Disposition(k)))
            .Concat(Enum.GetValues<Dormancy>().Select(Dormancy))
            .Concat(Enum.GetValues<Platform>().Select(Platform))
            .Concat(new[] { ScorePart.Diligence, ScorePart.Tasks }.Select(ScorePartName))
            .Concat(Enum.GetValues<AlertSeverity>().Select(Severity))
            .Concat(Enum.GetValues<AlertStatus>().Select(AlertStatus))
            .Concat(Enum.GetValues<CompletionStatus>().Select(Completion))
            .Concat(Enum.GetValues<FindingKind>().Select(FindingKind))
            .Concat(Enum.GetValues<FetchErrorClass>().Select(ErrorClass))
            .Concat(Enum.GetValues<CaseStepKind>().Select(Step))
            .Concat(Enum.GetValues<WorkKind>().Select(WorkKind))
            .Concat(Sorts.Concat(Groups).Concat(Verdicts).Select(x => x.Key))
            .Where(k => k != "—")
            .Distinct(StringComparer.Ordinal);
}
