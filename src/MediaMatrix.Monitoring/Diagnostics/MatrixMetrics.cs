using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Polling;
using Prometheus;

namespace MediaMatrix.Monitoring.Diagnostics;

/// <summary>
/// Every metric MediaMatrix exports, in one place (style habit 10; documented in docs/metrics.md). All names start
/// with <c>mediamatrix_</c>; every label has a bounded set of values: account ids and departments come from the
/// config, platforms, kinds, outcomes and commands from enums or a fixed list — never a URL or a post id.
/// </summary>
public static class MatrixMetrics
{
    /// <summary>The labels of every per-account series.</summary>
    public static readonly string[] AccountLabels = ["account", "department", "platform", "tier"];

    // Per account: set at scrape time from the store (AccountSeries), so every replica exports the same figures.
    public static readonly Gauge AccountScore = Metrics.CreateGauge("mediamatrix_account_score", "Published (smoothed) score 0-100 at the latest stored evaluation; absent when unknown.", AccountLabels);
    public static readonly Gauge AccountUnqualified = Metrics.CreateGauge("mediamatrix_account_unqualified", "1 when the latest evaluation judged the account unqualified (不合格), else 0.", AccountLabels);
    public static readonly Gauge AccountUnknown = Metrics.CreateGauge("mediamatrix_account_unknown", "1 when the latest evaluation could not judge the account (数据不足), else 0.", AccountLabels);
    public static readonly Gauge AccountWeak = Metrics.CreateGauge("mediamatrix_account_weak", "1 when the account is weakly run (弱运营) at the latest evaluation, else 0.", AccountLabels);
    public static readonly Gauge AccountZombie = Metrics.CreateGauge("mediamatrix_account_zombie", "1 when the account is a zombie (僵尸: no post in the long-term window), else 0.", AccountLabels);
    public static readonly Gauge AccountLastPostAge = Metrics.CreateGauge("mediamatrix_account_last_post_age_seconds", "Time from the last dated post to the latest evaluation (divide by 86400 for days); absent when no post is known.", AccountLabels);
    public static readonly Gauge AccountPosts7d = Metrics.CreateGauge("mediamatrix_account_posts_7d", "Posts in the 7 days before the latest evaluation.", AccountLabels);
    public static readonly Gauge AccountPosts30d = Metrics.CreateGauge("mediamatrix_account_posts_30d", "Posts in the 30 days before the latest evaluation.", AccountLabels);
    public static readonly Gauge AccountTaskCompletion = Metrics.CreateGauge("mediamatrix_account_task_completion_ratio", "Completed share of the cluster tasks assigned to the account; absent when none were assigned.", AccountLabels);
    public static readonly Gauge AccountCollectionUp = Metrics.CreateGauge("mediamatrix_account_collection_up", "1 when the account's last poll succeeded, 0 when it failed; absent before the first poll.", AccountLabels);
    public static readonly Gauge AccountConsecutiveFailures = Metrics.CreateGauge("mediamatrix_account_collection_consecutive_failures", "Polls of the account that failed in a row.", AccountLabels);

    /// <summary>All per-account gauges, so a scrape can drop the series of accounts it no longer exports.</summary>
    public static readonly Gauge[] AccountGauges =
    [
        AccountScore, AccountUnqualified, AccountUnknown, AccountWeak, AccountZombie, AccountLastPostAge,
        AccountPosts7d, AccountPosts30d, AccountTaskCompletion, AccountCollectionUp, AccountConsecutiveFailures,
    ];

    // Per matrix: set at scrape time from the same read, whatever the per-account cap.
    public static readonly Gauge Accounts = Metrics.CreateGauge("mediamatrix_accounts", "Configured accounts by the verdict of their latest evaluation (qualified, unqualified, unknown, none = not evaluated yet).", "verdict");
    public static readonly Gauge AccountsByGrade = Metrics.CreateGauge("mediamatrix_accounts_by_grade", "Judged accounts by grade (A-D) at their latest evaluation.", "grade");
    public static readonly Gauge AccountsFlagged = Metrics.CreateGauge("mediamatrix_accounts_flagged", "Accounts with a flag at their latest evaluation (weak, zombie) or poll (collection_down).", "flag");
    public static readonly Gauge PassRate = Metrics.CreateGauge("mediamatrix_pass_rate_ratio", "Qualified share of judged accounts (合格率) at the latest evaluations; absent when none is judged.");
    public static readonly Gauge CollectionDownByPlatform = Metrics.CreateGauge("mediamatrix_platform_collection_down_accounts", "Accounts whose last poll failed, by platform.", "platform");
    public static readonly Gauge PlatformIncident = Metrics.CreateGauge("mediamatrix_platform_incident", "1 while a platform collection incident (平台采集异常) is open on the platform, else 0; read from the store at scrape time.", "platform");
    public static readonly Gauge AccountsByPlatform = Metrics.CreateGauge("mediamatrix_platform_accounts", "Configured accounts by platform.", "platform");
    public static readonly Gauge AccountSeriesExported = Metrics.CreateGauge("mediamatrix_account_series_exported_accounts", "Accounts whose per-account series this scrape carries (all up to Metrics:AccountSeriesCap, then only flagged ones).");
    public static readonly Gauge LatestEvaluationTime = Metrics.CreateGauge("mediamatrix_last_evaluation_timestamp_seconds", "Unix time of the newest stored evaluation of any account.");

    // Process level: counted where the work happens, per replica. The Quartz label is quartz_job, not job: Prometheus
    // owns "job" (the scrape job) and would rename ours.
    public static readonly Histogram PollDuration = Metrics.CreateHistogram("mediamatrix_poll_duration_seconds", "Wall time of one poll (fetch, extract, store).",
        new HistogramConfiguration { LabelNames = ["platform", "kind"], Buckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    // Due time to start of each dispatched poll: the tick interval, the wait for a worker and a slow lane all show here
    // (performance Q1/E2). "Poll now" and check are not due-driven and are not observed.
    public static readonly Histogram PollLateness = Metrics.CreateHistogram("mediamatrix_poll_lateness_seconds", "Time from an account's due time to the start of its dispatched poll.",
        new HistogramConfiguration { Buckets = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 15, 30, 60, 300] });
    public static readonly Counter Polls = Metrics.CreateCounter("mediamatrix_polls_total", "Polls by platform, source kind and outcome (fetched, not_modified, failed).", "platform", "kind", "outcome");
    public static readonly Counter FetchErrors = Metrics.CreateCounter("mediamatrix_fetch_errors_total", "Failed polls by platform and error class (dns, timeout, http-5xx, parse, ...).", "platform", "error_class");
    public static readonly Counter FetchedBytes = Metrics.CreateCounter("mediamatrix_fetched_bytes_total", "Response body bytes read from sources, by platform.", "platform");
    public static readonly Counter ExtractedItems = Metrics.CreateCounter("mediamatrix_extracted_items_total", "Items extracted from fetched bodies, by platform and source kind.", "platform", "kind");
    public static readonly Counter NewPosts = Metrics.CreateCounter("mediamatrix_new_posts_total", "Posts stored for the first time, by platform.", "platform");
    public static readonly Histogram RedisCommandDuration = Metrics.CreateHistogram("mediamatrix_redis_command_duration_seconds", "Redis command latency as the client saw it (enqueue to reply), by command.",
        new HistogramConfiguration { LabelNames = ["command"], Buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1] });
    public static readonly Counter JobRuns = Metrics.CreateCounter("mediamatrix_job_runs_total", "Quartz job executions by job and result (ok, failed).", "quartz_job", "result");
    public static readonly Counter JobMisfires = Metrics.CreateCounter("mediamatrix_job_misfires_total", "Quartz triggers that misfired, by job.", "quartz_job");
    public static readonly Gauge JobLastSuccess = Metrics.CreateGauge("mediamatrix_job_last_success_timestamp_seconds", "Unix time this replica last finished the job without error.", "quartz_job");
    public static readonly Histogram JobDuration = Metrics.CreateHistogram("mediamatrix_job_duration_seconds", "Quartz job run time, by job.",
        new HistogramConfiguration { LabelNames = ["quartz_job"], Buckets = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300] });
    public static readonly Counter DigestSends = Metrics.CreateCounter("mediamatrix_digest_sends_total", "Weekly digest deliveries by edition (office, department) and result (sent, retry, failed_permanent, unknown).", "edition", "result");
    public static readonly Counter Notifications = Metrics.CreateCounter("mediamatrix_notifications_total", "Alert notification attempts by channel (wecom, dingtalk, feishu, webhook, email) and result (sent, retry, failed, unknown).", "channel", "result");
    public static readonly Gauge NotificationsPending = Metrics.CreateGauge("mediamatrix_notifications_pending", "Alert notifications queued or being delivered in this replica, by channel.", "channel");
    public static readonly Gauge DigestLastSent = Metrics.CreateGauge("mediamatrix_digest_last_sent_timestamp_seconds", "Unix time of the last digest message this replica delivered.");
    public static readonly Gauge DigestRecipients = Metrics.CreateGauge("mediamatrix_digest_recipients", "Addresses the weekly digest goes to (office and department contacts) in the current config.");
    public static readonly Gauge DigestWeekDeliveries = Metrics.CreateGauge("mediamatrix_digest_week_deliveries", "This ISO week's digest deliveries by state, read from the store at scrape time.", "state");

    /// <summary>Counts one poll (called once per poll by <see cref="AccountPoller"/>).</summary>
    public static void RecordPoll(Account account, PollReport report, FetchResult fetch)
    {
        var platform = Label(account.Platform);
        var kind = Label(account.Source.Kind);
        PollDuration.WithLabels(platform, kind).Observe(report.Duration.TotalSeconds);
        Polls.WithLabels(platform, kind, OutcomeLabel(report.Outcome)).Inc();
        if (report.State.ConsecutiveFailures > 0)
            FetchErrors.WithLabels(platform, ErrorClassLabel(report.State.LastErrorClass)).Inc();
        if (!fetch.Body.IsEmpty)
            FetchedBytes.WithLabels(platform).Inc(fetch.Body.Length);
        ExtractedItems.WithLabels(platform, kind).Inc(report.Items);
        NewPosts.WithLabels(platform).Inc(report.NewPosts);
    }

    public static string Label<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string OutcomeLabel(FetchOutcome outcome) => outcome switch
    {
        FetchOutcome.Fetched => "fetched",
        FetchOutcome.NotModified => "not_modified",
        _ => "failed",
    };

    public static string ErrorClassLabel(FetchErrorClass errorClass) => errorClass switch
    {
        FetchErrorClass.Http4xx => "http-4xx",
        FetchErrorClass.Http5xx => "http-5xx",
        FetchErrorClass.BlockedPrivate => "blocked-private",
        FetchErrorClass.TooLarge => "too-large",
        _ => Label(errorClass),
    };

    // Alerts and the store's own health: the alert rules page on these, not on log lines.
    public static readonly Counter AlertsOpened = Metrics.CreateCounter("mediamatrix_alerts_opened_total", "Alerts opened, by kind.", "kind");
    public static readonly Counter AlertsResolved = Metrics.CreateCounter("mediamatrix_alerts_resolved_total", "Alerts resolved (automatically or by an operator after an evaluation), by kind.", "kind");
    public static readonly Gauge OpenAlerts = Metrics.CreateGauge("mediamatrix_open_alerts", "Alerts open or acknowledged but not resolved, by kind, read from the store at scrape time.", "kind");

    /// <summary>1 while Redis runs without AOF or with an evicting policy (reliability R1): it works, but a crash or memory
    /// pressure can lose what we acknowledged. The reason is on /readyz.</summary>
    public static readonly Gauge StoreDegraded = Metrics.CreateGauge("mediamatrix_store_degraded", "1 when the store is reachable but not durable (Redis without AOF or noeviction); see /readyz.");

    /// <summary>Store calls that failed (Redis away, timed out) and were reported rather than lost silently (reliability R3).</summary>
    public static readonly Counter StoreErrors = Metrics.CreateCounter("mediamatrix_store_errors_total", "Store operations that failed, by operation.", "operation");
}
