using System.Text;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.History;

/// <summary>
/// The text of a simulated post: what feeds carry as description/content and article pages as their body. Plain
/// sentences about the title; the posts that <see cref="Carries"/> a flaw add the account's <see cref="ContentFlaw"/>s.
/// The numbers are made up but valid where that matters (the ID's check digit, a 1[3-9] mobile prefix). Public so
/// the tests can say which posts should give findings.
/// </summary>
public static class PostBodies
{
    /// <summary>A made-up resident ID number: region 330902, born 1985-03-15, valid check digit.</summary>
    public const string LeakedId = "330902198503150022";

    public const string LeakedMobile = "13957212345";

    /// <summary>The office's published duty mobile (值班手机), in the demo config's allow-list: never a finding.</summary>
    public const string Hotline = "139 0580 1234";

    public const string LexiconWrong = "再接再励";

    /// <summary>Every third post, chosen by its stable id, carries the account's flaws.</summary>
    public static bool Carries(SimulatedAccount account, SimulatedPost post) =>
        account.Flaws != ContentFlaw.None && post.Variant % 3 == 0;

    /// <summary>The body as plain text (renderers encode it for their format).</summary>
    public static string Text(SimulatedAccount account, SimulatedPost post)
    {
        var text = new StringBuilder($"{post.Title}。{account.Name}发布。");
        if (Carries(account, post))
        {
            var flaws = account.Flaws;
            if (flaws.HasFlag(ContentFlaw.LeakedId))
                text.Append("公示名单：张三，身份证号").Append(LeakedId).Append("，住址略。");
            if (flaws.HasFlag(ContentFlaw.LeakedMobile))
                text.Append("联系人李四，手机").Append(LeakedMobile).Append('。');
            if (flaws.HasFlag(ContentFlaw.MaskedNumber))
                text.Append("联系人王五，电话138****1234，身份证号3309**********0022。值班手机").Append(Hotline).Append('。');
            if (flaws.HasFlag(ContentFlaw.LexiconError))
                text.Append("希望大家").Append(LexiconWrong).Append("，再创佳绩。");
            if (account.Behaviour == AccountBehaviour.Hostile)
                text.Append(HostilePayloads.Titles[post.Variant % HostilePayloads.Titles.Count]);
        }

        text.Append("（模拟内容）");
        return text.ToString();
    }

    /// <summary>The article page's body: the text, then (for long articles) many paragraphs of filler after it.</summary>
    public static string ArticleText(SimulatedAccount account, SimulatedPost post)
    {
        var text = Text(account, post);
        if (!account.Flaws.HasFlag(ContentFlaw.LongArticle))
            return text;

        var filler = new StringBuilder(text, 32_000);
        for (var i = 1; filler.Length < 30_000; i++)
            filler.Append($"第{i}段：围绕年度重点工作，各部门协同推进，细化责任分工，确保各项任务按期完成。");
        return filler.ToString();
    }
}
