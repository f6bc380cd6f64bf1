using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Cleanup;
using MediaMatrix.Monitoring.Decisions;

namespace MediaMatrix.Monitoring.Tests.Cleanup;

/// <summary>The case rules at an instant T, as tables of named cases: what a decision opens and when each step is due,
/// where each step stands at T, which posts are stop-updating notices, and what a round finds by itself.</summary>
public sealed class CaseStepsTests
{
    private static readonly DateTimeOffset Decided = new(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CaseOptions Options = new();

    private static CleanupCase Opened(DispositionKind kind, DateTimeOffset? deadline = null, string? mergeInto = null) =>
        CaseSteps.Open(Decision.Confirm("dh-yjgl", kind, "确认", "op", Decided), new Disposition(kind, deadline, mergeInto, []), Options)!;

    private static CleanupCase WithDone(CleanupCase c, params CaseStepKind[] done) =>
        done.Aggregate(c, (x, k) => CaseSteps.Record(x, new StepRecord(k, Decided.AddDays(1), "op", Decided.AddDays(1))).Change!.After);

    private static Evaluation Judged(Verdict verdict, DateTimeOffset at) => new("dh-yjgl", at, verdict, verdict == Verdict.Qualified ? 82 : 40, null, 0, 0, 0, []);

    public static TheoryData<string, DispositionKind, DateTimeOffset?, CaseStepKind[], int[]> Openings => new()
    {
        { "close: notice in 15 days, closed in 30, filed in 45", DispositionKind.Close, null,
            [CaseStepKind.Notice, CaseStepKind.AccountClosed, CaseStepKind.Filed], [15, 30, 45] },
        { "merge: merged in 30 days", DispositionKind.Merge, null, [CaseStepKind.Merged], [30] },
        { "rectify: re-check at the proposal's deadline", DispositionKind.Rectify, Decided.AddDays(20), [CaseStepKind.Recheck], [20] },
        { "rectify without a deadline: re-check in 30 days", DispositionKind.Rectify, null, [CaseStepKind.Recheck], [30] },
        { "rectify whose deadline already passed: re-check in 30 days", DispositionKind.Rectify, Decided.AddDays(-1), [CaseStepKind.Recheck], [30] },
    };

    [Theory]
    [MemberData(nameof(Openings))]
    public void Open_GivesTheDispositionsSteps_DueFromTheDecision(string name, DispositionKind kind, DateTimeOffset? deadline, CaseStepKind[] steps, int[] dueInDays)
    {
        var c = Opened(kind, deadline);

        Assert.True(c.IsOpen, name);
        Assert.Equal(steps, c.Steps.Select(s => s.Kind));
        Assert.Equal(dueInDays.Select(d => Decided.AddDays(d)), c.Steps.Select(s => s.DueAt));
    }

    [Fact]
    public void Open_Retain_OpensNoCase() =>
        Assert.Null(CaseSteps.Open(Decision.Confirm("dh-yjgl", DispositionKind.Retain, "确认", "op", Decided), null, Options));

    public static TheoryData<string, CaseStepKind[], double, CaseStepState[]> States => new()
    {
        { "the day after the decision: every step pending", [], 1, [CaseStepState.Pending, CaseStepState.Pending, CaseStepState.Pending] },
        { "on the notice's due date itself: still pending", [], 15, [CaseStepState.Pending, CaseStepState.Pending, CaseStepState.Pending] },
        { "just after day 15 with no notice: the notice is overdue", [], 15.01, [CaseStepState.Overdue, CaseStepState.Pending, CaseStepState.Pending] },
        { "day 31, notice posted: only closing is overdue", [CaseStepKind.Notice], 31, [CaseStepState.Done, CaseStepState.Overdue, CaseStepState.Pending] },
        { "day 50, nothing done: all three overdue", [], 50, [CaseStepState.Overdue, CaseStepState.Overdue, CaseStepState.Overdue] },
        { "day 50, all done: none overdue", [CaseStepKind.Notice, CaseStepKind.AccountClosed, CaseStepKind.Filed], 50, [CaseStepState.Done, CaseStepState.Done, CaseStepState.Done] },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void StateAt_EachStep_AtT(string name, CaseStepKind[] done, double days, CaseStepState[] expected)
    {
        var c = WithDone(Opened(DispositionKind.Close), done);
        var at = Decided.AddDays(days);

        Assert.Equal(expected, c.Steps.Select(s => CaseSteps.StateAt(s, at)));
        Assert.Equal(expected.Count(s => s == CaseStepState.Overdue), CaseSteps.OverdueAt(c, at).Count);
        _ = name;
    }

    [Fact]
    public void Record_TheLastStep_ClosesTheCase_AtTheLatestDoneDate_AndTheTrailSaysSo()
    {
        var c = WithDone(Opened(DispositionKind.Close), CaseStepKind.Notice, CaseStepKind.AccountClosed);

        var (change, error) = CaseSteps.Record(c, new StepRecord(CaseStepKind.Filed, Decided.AddDays(3), "chief", Decided.AddDays(4)) { Reference = "备案-2026-17" });

        Assert.Null(error);
        Assert.Equal(Decided.AddDays(3), change!.After.ClosedAt);
        Assert.False(change.After.IsOpen);
        Assert.Empty(CaseSteps.OverdueAt(change.After, Decided.AddDays(100)));
        Assert.Equal([CaseAction.StepDone, CaseAction.Closed], change.Entries.Select(e => e.Action));
        Assert.All(change.Entries, e => Assert.Equal(("chief", Decided.AddDays(4)), (e.By, e.At)));
        Assert.Contains("备案-2026-17", change.Entries[0].Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, CaseStepKind, double, string> Refusals => new()
    {
        { "a step the case does not have", CaseStepKind.Merged, 1, "step:" },
        { "a step done already", CaseStepKind.Notice, 1, "step:" },
        { "a date after the recording", CaseStepKind.AccountClosed, 3, "at:" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Record_Refuses(string name, CaseStepKind kind, double doneInDays, string field)
    {
        var c = WithDone(Opened(DispositionKind.Close), CaseStepKind.Notice);

        var (change, error) = CaseSteps.Record(c, new StepRecord(kind, Decided.AddDays(doneInDays), "op", Decided.AddDays(2)));

        Assert.Null(change);
        Assert.StartsWith(field, error, StringComparison.Ordinal);
        _ = name;
    }

    [Theory]
    [InlineData("关于本账号停止更新的公告", null, true)]
    [InlineData("停更声明", null, true)]
    [InlineData("通知", "本号即日起不再更新，请关注定海山客户端", true)]
    [InlineData("账号注销说明", null, true)]
    [InlineData("关于开展防汛演练的通知", null, false)] // a notice, but not of stopping
    [InlineData("暂停更新一周", null, false)] // stopping, but no announcement word: a holiday note is not a closure
    [InlineData("城市道路注销登记办理指南", null, false)] // 注销 without a notice word
    [InlineData("", null, false)]
    public void IsStopNotice_NeedsAStopWordAndANoticeWord(string title, string? text, bool expected) =>
        Assert.Equal(expected, CaseSteps.IsStopNotice(title, text));

    public static TheoryData<string, DispositionKind, double, Verdict?, string?, CaseStepState?> Progressions => new()
    {
        { "the newest post is a stop notice: notice done by the system", DispositionKind.Close, 5, null, "关于停止更新的公告", CaseStepState.Done },
        { "the newest post is ordinary: nothing changes", DispositionKind.Close, 5, null, "今日天气", null },
        { "re-check before the deadline: nothing, even if qualified", DispositionKind.Rectify, 10, Verdict.Qualified, null, null },
        { "re-check at the deadline, qualified: done", DispositionKind.Rectify, 30, Verdict.Qualified, null, CaseStepState.Done },
        { "re-check after the deadline, unqualified: failed", DispositionKind.Rectify, 31, Verdict.Unqualified, null, CaseStepState.Failed },
        { "re-check after the deadline, unknown: nothing (it runs overdue)", DispositionKind.Rectify, 31, Verdict.Unknown, null, null },
    };

    [Theory]
    [MemberData(nameof(Progressions))]
    public void Progress_WhatARoundFindsByItself(string name, DispositionKind kind, double days, Verdict? verdict, string? newestTitle, CaseStepState? expected)
    {
        var c = Opened(kind);
        var at = Decided.AddDays(days);
        var post = newestTitle is null ? null : new Post("p1", newestTitle, "https://example.gov.cn/p1", at.AddDays(-1));

        var change = CaseSteps.Progress(c, verdict is { } v ? Judged(v, at) : null, post, at);

        if (expected is null)
        {
            Assert.Null(change);
            return;
        }

        var step = change!.After.Steps[0];
        Assert.Equal(expected, CaseSteps.StateAt(step, at));
        Assert.All(change.Entries, e => Assert.Null(e.By)); // the system, not an operator
        if (kind == DispositionKind.Close)
            Assert.Equal(("https://example.gov.cn/p1", at.AddDays(-1)), (step.Link, step.DoneAt));
        _ = name;
    }

    [Fact]
    public void Progress_AFailedRecheck_PassesLater_AndFailsOnlyOnce()
    {
        var c = Opened(DispositionKind.Rectify);
        var failed = CaseSteps.Progress(c, Judged(Verdict.Unqualified, Decided.AddDays(31)), null, Decided.AddDays(31))!.After;

        Assert.Null(CaseSteps.Progress(failed, Judged(Verdict.Unqualified, Decided.AddDays(32)), null, Decided.AddDays(32)));
        var passed = CaseSteps.Progress(failed, Judged(Verdict.Qualified, Decided.AddDays(33)), null, Decided.AddDays(33))!.After;
        Assert.Equal(Decided.AddDays(33), passed.ClosedAt);
    }

    [Fact]
    public void Alerts_OneCaseOverdueAlertPerCase_ResolvedWhenTheStepIsDone()
    {
        var c = Opened(DispositionKind.Close);
        var late = Decided.AddDays(16);

        var opened = AlertRules.Evaluate([], [], [], late, new AlertOptions(), [c]);
        var alert = Assert.Single(opened.Opened);
        Assert.Equal((AlertKind.CaseOverdue, c.Id, "dh-yjgl"), (alert.Kind, alert.Subject, Assert.Single(alert.Accounts)));
        Assert.Contains("停更公告", alert.TitleZh, StringComparison.Ordinal);

        // Still overdue the day after: the open alert de-duplicates.
        Assert.True(AlertRules.Evaluate([alert], [], [], late.AddDays(1), new AlertOptions(), [c]).IsEmpty);

        var done = WithDone(c, CaseStepKind.Notice);
        Assert.Equal(alert.Key, Assert.Single(AlertRules.Evaluate([alert], [], [], late.AddDays(1), new AlertOptions(), [done]).Resolved).Key);
    }
}
