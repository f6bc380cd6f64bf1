using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Alerts;

/// <summary>One account's collection as the platform rule sees it: every account of the matrix, sampled or not.</summary>
public sealed record CollectionStanding(Account Account, PollState? Poll);

/// <summary>What the platform rule found on one platform: whether an incident holds, the accounts it names (when it
/// opens) and the accounts whose own collection alerts it holds back.</summary>
public sealed record PlatformJudgement(Platform Platform, bool Holds, FetchErrorClass ErrorClass, int Accounts, IReadOnlyList<Account> Failing, IReadOnlySet<string> HeldBack);

/// <summary>
/// 平台采集异常: when at least <see cref="AlertOptions.PlatformIncidentShare"/> of the accounts on one platform (and at
/// least <see cref="AlertOptions.PlatformIncidentMinAccounts"/> of them) last failed with the same error class, within
/// <see cref="AlertOptions.PlatformIncidentWindow"/>, the platform or our route to it is down (Weibo answering 432 to
/// everyone, a Douyin anti-bot page), not each department: one incident instead of one collection alert per account.
/// Pure: the open incidents are the previous state. Once open, the window no longer applies — a blocked account backs
/// off for hours, and its stale failure is still the platform's — and the incident holds while the share of the
/// platform's accounts whose last read failed stays at the threshold: it resolves when reads succeed again.
/// </summary>
public static class PlatformIncidents
{
    public static IReadOnlyList<PlatformJudgement> Judge(
        IReadOnlyList<CollectionStanding> accounts, IReadOnlyCollection<Alert> open, DateTimeOffset now, AlertOptions options)
    {
        var judgements = new List<PlatformJudgement>();
        foreach (var platform in accounts.GroupBy(a => a.Account.Platform).OrderBy(g => g.Key))
        {
            var all = platform.ToList();
            var failing = all.Where(a => Failed(a.Poll)).ToList();
            var incident = open.FirstOrDefault(a => a.IsOpen && a.Slot == Alert.SlotOf(AlertKind.PlatformIncident, Subject(platform.Key)));
            var enough = all.Count >= options.PlatformIncidentMinAccounts;
            if (incident is null)
            {
                var recent = failing.Where(a => a.Poll!.LastAttemptAt >= now - options.PlatformIncidentWindow);
                var largest = recent.GroupBy(a => a.Poll!.LastErrorClass).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
                var holds = enough && largest is not null && Reaches(largest.Count(), all.Count, options);
                var named = holds ? largest!.Select(a => a.Account).ToList() : [];
                judgements.Add(new(platform.Key, holds, largest?.Key ?? FetchErrorClass.None, all.Count, named, Ids(named)));
            }
            else
            {
                // While it is open it holds back every account of the platform still failing in the same way, and those
                // it named whatever their failure now; an account read again is never held back (its own alerts clear).
                var holds = enough && Reaches(failing.Count, all.Count, options);
                var shared = failing.GroupBy(a => a.Poll!.LastErrorClass).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault()?.Key;
                var held = holds
                    ? failing.Where(a => incident.Accounts.Contains(a.Account.Id) || a.Poll!.LastErrorClass == shared).Select(a => a.Account).ToList()
                    : [];
                judgements.Add(new(platform.Key, holds, shared ?? FetchErrorClass.None, all.Count, held, Ids(held)));
            }
        }

        return judgements;
    }

    /// <summary>The incident's subject: the platform as config spells it (<c>weibo</c>).</summary>
    public static string Subject(Platform platform) => platform.ToString().ToLowerInvariant();

    /// <summary>The platform an incident is about, or null when the subject names none.</summary>
    public static Platform? PlatformOf(Alert alert) =>
        alert.Kind == AlertKind.PlatformIncident && Enum.TryParse<Platform>(alert.Subject, ignoreCase: true, out var platform) ? platform : null;

    /// <summary>The alert, titled with the platform, the error class and the accounts by name and unit (id in brackets);
    /// <see cref="Alert.Accounts"/> keeps every id.</summary>
    public static Alert Open(PlatformJudgement judgement, DateTimeOffset now)
    {
        const int Named = 10;
        var failing = judgement.Failing;
        var more = failing.Count > Named ? failing.Count - Named : 0;
        var zhNames = string.Join("、", failing.Take(Named).Select(a => $"{a.Name} · {a.Department}（{a.Id}）")) + (more > 0 ? $" 等 {failing.Count} 个" : "");
        var enNames = string.Join(", ", failing.Take(Named).Select(a => $"{a.Name} · {a.Department} ({a.Id})")) + (more > 0 ? $" and {more} more" : "");
        var (zhClass, enClass) = Words(judgement.ErrorClass);
        var subject = Subject(judgement.Platform);
        var zh = $"{Platforms.Zh(judgement.Platform)}平台采集异常：{judgement.Accounts} 个账号中 {failing.Count} 个读取失败（{zhClass}）：{zhNames}";
        var en = $"Platform collection incident on {Platforms.En(judgement.Platform)}: {failing.Count} of {judgement.Accounts} accounts fail ({enClass}): {enNames}";
        var alert = new Alert(Alert.KeyOf(AlertKind.PlatformIncident, subject, now), AlertKind.PlatformIncident, subject,
            AlertKinds.Severity(AlertKind.PlatformIncident), AlertStatus.Open, zh, en, now);
        return alert with { Accounts = [.. failing.Select(a => a.Id)] };
    }

    /// <summary>An error class in words an operator reads.</summary>
    public static (string Zh, string En) Words(FetchErrorClass errorClass) => errorClass switch
    {
        FetchErrorClass.Blocked => ("被平台拦截：访问受限或验证页", "blocked by the platform: refused or a challenge page"),
        FetchErrorClass.Http4xx => ("HTTP 4xx 错误", "HTTP 4xx"),
        FetchErrorClass.Http5xx => ("平台服务器错误 HTTP 5xx", "platform server error HTTP 5xx"),
        FetchErrorClass.Timeout => ("连接超时", "timed out"),
        FetchErrorClass.Dns => ("域名解析失败", "DNS lookup failed"),
        FetchErrorClass.Connect => ("无法连接", "could not connect"),
        FetchErrorClass.Tls => ("TLS 握手失败", "TLS handshake failed"),
        FetchErrorClass.Parse or FetchErrorClass.Empty => ("页面无法解析出发布信息", "pages yield no posts"),
        _ => ("读取失败", "read failed"),
    };

    private static bool Failed(PollState? poll) =>
        poll is { LastAttemptAt: not null, ConsecutiveFailures: > 0 } && poll.LastErrorClass != FetchErrorClass.None;

    // "At least half": compared in whole accounts, so 0.5 of 3 needs 2 and of 4 needs 2.
    private static bool Reaches(int failing, int accounts, AlertOptions options) =>
        failing > 0 && failing >= Math.Ceiling(accounts * options.PlatformIncidentShare - 1e-9);

    private static HashSet<string> Ids(IEnumerable<Account> accounts) => accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
}
