using System.Collections.Frozen;
using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// Personal numbers in published text: resident ID numbers, mainland mobile numbers, bank card numbers. Digits are read
/// in runs: digits with single spaces or hyphens between groups, as numbers are written ("138 0013 8000",
/// "6222 0200 1234 5678 901"). A run is read whole when its groups have a shape the number is written in (3-4-4 or 3-8
/// for a mobile, fours for a card, 6-8-4 for an ID), else group by group; digits next to a run make it a longer number,
/// which is never taken apart. A run with a mask (<c>*</c>, <c>×</c>, <c>x</c>) is a number someone already hid and
/// never counts, nor does a number on the allow-list. Reads normalised text (full-width digits are plain by then).
/// </summary>
public sealed class PrivacyScanner
{
    private const int LongestNumber = 23; // 0086 + a 19-digit card: longer runs are read group by group only.

    private readonly FrozenSet<string> _allowed;

    /// <param name="allowedNumbers">Published numbers that are no leak; only their digits are compared.</param>
    public PrivacyScanner(IEnumerable<string> allowedNumbers)
    {
        _allowed = allowedNumbers.Select(n => new string([.. n.Where(char.IsAsciiDigit)])).Where(n => n.Length > 0).ToFrozenSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<ContentHit> Scan(string text, DateOnly asOf)
    {
        var hits = new List<ContentHit>();
        Scan(text, asOf, hits);
        return hits;
    }

    internal void Scan(string text, DateOnly asOf, List<ContentHit> hits)
    {
        List<(int Start, int End)>? groups = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) && !IsMask(text[i]))
            {
                i++;
                continue;
            }

            groups ??= [];
            groups.Clear();
            i = ReadRun(text, i, groups);
            if (!IsHidden(text, groups))
                Evaluate(text, groups, asOf, hits);
        }
    }

    private static int ReadRun(string text, int start, List<(int Start, int End)> groups)
    {
        var groupStart = start;
        var at = start;
        while (true)
        {
            while (at < text.Length && (char.IsAsciiDigit(text[at]) || IsMask(text[at]) || text[at] is 'x' or 'X'))
                at++;
            groups.Add((groupStart, at));
            if (at + 1 < text.Length && text[at] is ' ' or '-' && (char.IsAsciiDigit(text[at + 1]) || IsMask(text[at + 1])))
            {
                groupStart = ++at;
                continue;
            }

            return at;
        }
    }

    /// <summary>A masked number, or one that goes on past the run (1.38001380001, x138…): nothing to report.</summary>
    private static bool IsHidden(string text, List<(int Start, int End)> groups)
    {
        var start = groups[0].Start;
        var end = groups[^1].End;
        if (start > 0 && (text[start - 1] is 'x' or 'X' || (text[start - 1] == '.' && start > 1 && char.IsAsciiDigit(text[start - 2]))))
            return true;
        if (end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1]))
            return true;

        foreach (var (from, to) in groups)
        {
            for (var k = from; k < to; k++)
            {
                // An ID number's check character is X, at the end of its group; anywhere else an x is a mask.
                if (IsMask(text[k]) || (text[k] is 'x' or 'X' && k != to - 1))
                    return true;
            }
        }

        return false;
    }

    private void Evaluate(string text, List<(int Start, int End)> groups, DateOnly asOf, List<ContentHit> hits)
    {
        var plus = groups[0].Start > 0 && text[groups[0].Start - 1] == '+';
        if (Classify(text, groups, 0, groups.Count, plus, asOf, hits) != Reading.None || groups.Count == 1)
            return;

        for (var g = 0; g < groups.Count; g++)
            Classify(text, groups, g, 1, plus && g == 0, asOf, hits);
    }

    private Reading Classify(string text, List<(int Start, int End)> groups, int first, int count, bool plus, DateOnly asOf, List<ContentHit> hits)
    {
        var length = groups[first + count - 1].End - groups[first].Start;
        if (length > LongestNumber + count)
            return Reading.None;

        Span<char> buffer = stackalloc char[LongestNumber + 1];
        Span<int> sizes = stackalloc int[count];
        var n = 0;
        for (var g = 0; g < count; g++)
        {
            var (from, to) = groups[first + g];
            if (n + to - from > buffer.Length)
                return Reading.None;
            text.AsSpan(from, to - from).CopyTo(buffer[n..]);
            n += to - from;
            sizes[g] = to - from;
        }

        var digits = (ReadOnlySpan<char>)buffer[..n];
        var start = groups[first].Start;
        // A country code: "+86 138…", "0086 138…" or "+8613800138000".
        if (count > 1 && ((digits.StartsWith("86") && sizes[0] == 2) || (digits.StartsWith("0086") && sizes[0] == 4)))
        {
            digits = digits[sizes[0]..];
            sizes = sizes[1..];
        }
        else if (plus && digits.StartsWith("86"))
        {
            digits = digits[2..];
            sizes[0] -= 2;
        }

        var rule = Rule(digits, sizes, asOf);
        if (rule is null)
            return Reading.None;
        if (_allowed.Contains(new string(digits)))
            return Reading.Allowed;

        if (plus && first == 0)
            start--;
        var end = groups[first + count - 1].End;
        hits.Add(new ContentHit(rule, FindingKind.PersonalDataLeak, ContentSeverity.Serious, start, end - start, text[start..end], null, SourceOf(rule)));
        return Reading.Hit;
    }

    private static string? Rule(ReadOnlySpan<char> digits, ReadOnlySpan<int> sizes, DateOnly asOf)
    {
        var whole = sizes.Length == 1;
        if ((whole || sizes.SequenceEqual([6, 8, 4])) && NumberChecks.IsResidentId(digits, asOf))
            return ContentRuleNames.IdNumber;
        if ((whole || sizes.SequenceEqual([3, 4, 4]) || sizes.SequenceEqual([3, 8])) && NumberChecks.IsMobile(digits))
            return ContentRuleNames.Mobile;
        if ((whole || InFours(sizes)) && NumberChecks.IsBankCard(digits))
            return ContentRuleNames.BankCard;
        return null;
    }

    /// <summary>Groups of four, the last of one to four: how card numbers are printed and copied.</summary>
    private static bool InFours(ReadOnlySpan<int> sizes)
    {
        for (var g = 0; g < sizes.Length - 1; g++)
        {
            if (sizes[g] != 4)
                return false;
        }

        return sizes[^1] is >= 1 and <= 4;
    }

    private static bool IsMask(char c) => c is '*' or '×';

    private static string SourceOf(string rule) => rule switch
    {
        // Shown to operators as the finding's 依据, so in their language.
        ContentRuleNames.IdNumber => "居民身份证号码（GB 11643 校验码与出生日期有效）；《个人信息保护法》",
        ContentRuleNames.Mobile => "手机号码（11位，13x–19x号段）；《个人信息保护法》",
        _ => "银行卡号（16–19位，Luhn 校验通过）；《个人信息保护法》：金融账户属敏感个人信息",
    };

    private enum Reading { None, Allowed, Hit }
}
