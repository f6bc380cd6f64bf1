using System.Globalization;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Content;

namespace MediaMatrix.Digest;

/// <summary>The digest's Chinese words and number formats, shared by the HTML and text parts and the subject.</summary>
internal static class DigestWording
{
    public static string Subject(DigestContent c)
    {
        var scope = c.Recipient.Edition == DigestEdition.Office ? "全矩阵" : c.Recipient.Scope;
        return OneLine($"【新媒体矩阵周报】{c.MatrixName}（{scope}）{c.WeekKey} 合格率 {Percent(c.PassRate)}");
    }

    /// <summary>Header values must be one line: CR, LF and every other control character become a space (reliability X4).</summary>
    public static string OneLine(string text) => string.Concat(text.Select(ch => char.IsControl(ch) ? ' ' : ch));

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Change(double? change) => change switch
    {
        null => "（无上周数据）",
        > 0 => $"较上周 +{(change.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)} 个百分点",
        < 0 => $"较上周 {(change.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)} 个百分点",
        _ => "与上周持平",
    };

    public static string Verdict(Verdict verdict) => verdict switch
    {
        Monitoring.Assessment.Verdict.Qualified => "合格",
        Monitoring.Assessment.Verdict.Unqualified => "不合格",
        _ => "数据不足",
    };

    public static string Score(double? score) => score is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static string Disposition(Disposition? d) => d?.Kind switch
    {
        DispositionKind.Retain => "保留",
        DispositionKind.Rectify => "限期整改",
        DispositionKind.Merge => d.MergeInto is { } into ? $"建议合并至 {into}" : "建议合并",
        DispositionKind.Close => "建议关停",
        _ => "待定",
    };

    public static string Local(DateTimeOffset at, TimeZoneInfo zone) => Monitoring.Matrix.ZoneClock.Time(at, zone);

    /// <summary>What a content finding is, in a few words: its kind, and the right form a lexicon gives.</summary>
    public static string Problem(ContentFinding f) =>
        FindingKinds.Zh(f.Kind) + (f.Correct is { } right ? $"（应为「{right}」）" : string.Empty)
        + (f.Severity == ContentSeverity.Serious ? "，严重" : "，一般");

    public static string Status(ContentFinding f) => f.Status switch
    {
        FindingStatus.Confirmed => f.Severity == ContentSeverity.Serious ? "已确认（单项否决）" : "已确认",
        FindingStatus.Dismissed => "已排除",
        _ => "待确认",
    };

    /// <summary>One finding as the text part lists it.</summary>
    public static string Finding(ContentFinding f, string accountName, TimeZoneInfo zone) =>
        $"{accountName}《{f.PostTitle}》{(f.PublishedAt is { } at ? "（" + Local(at, zone) + "）" : string.Empty)}：{Problem(f)}；"
        + $"摘录：{f.Before}【{f.Match}】{f.After}；{Status(f)}";
}
