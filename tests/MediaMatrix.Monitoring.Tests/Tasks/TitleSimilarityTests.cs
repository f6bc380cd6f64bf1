using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests.Tasks;

public class TitleSimilarityTests
{
    [Theory]
    [InlineData("plain", "定海区2026年冬季征兵公告", "定海区2026年冬季征兵公告")]
    [InlineData("【转发】 block", "【转发】定海区2026年冬季征兵公告", "定海区2026年冬季征兵公告")]
    [InlineData("【…】 block of another kind", "【重要通知】定海区2026年冬季征兵公告", "定海区2026年冬季征兵公告")]
    [InlineData("whole title in 【】", "【定海区2026年冬季征兵公告】", "定海区2026年冬季征兵公告")]
    [InlineData("转载： with full-width colon", "转载：定海区2026年冬季征兵公告", "定海区2026年冬季征兵公告")]
    [InlineData("转： prefix", "转：定海区2026年冬季征兵公告", "定海区2026年冬季征兵公告")]
    [InlineData("转发 without colon", "转发 定海区2026年冬季征兵公告", "定海区2026年冬季征兵公告")]
    [InlineData("prefixes stacked", "【转发】转载:定海区2026年冬季征兵公告", "定海区2026年冬季征兵公告")]
    [InlineData("#话题# before the title", "#定海发布# 定海区2026年冬季征兵公告", "定海区2026年冬季征兵公告")]
    [InlineData("title as #话题#", "#定海区2026年冬季征兵公告#", "定海区2026年冬季征兵公告")]
    [InlineData("full-width ＃话题＃", "＃定海区2026年冬季征兵公告＃", "定海区2026年冬季征兵公告")]
    [InlineData("CJK and ASCII punctuation, spaces", "定海区 2026年·冬季征兵 公告！", "定海区2026年冬季征兵公告")]
    [InlineData("full-width digits and letters", "定海区２０２６年ＡＢ冬季征兵公告", "定海区2026年ab冬季征兵公告")]
    [InlineData("转 inside a word stays", "转学须知", "转学须知")]
    public void Core_RemovesDecorationButNotWords(string name, string title, string expected)
    {
        Assert.True(expected == TitleSimilarity.Core(title), $"{name}: got '{TitleSimilarity.Core(title)}'");
    }

    [Theory]
    [InlineData("same title", Winter.Title, 1.0)]
    [InlineData("punctuation differences only", "定海区2026年“冬季征兵”公告。", 1.0)]
    [InlineData("one word dropped", "定海区冬季征兵公告", 0.667)]
    [InlineData("just above 0.6", "定海区2026年征兵工作通知", 0.615)]
    [InlineData("just below 0.6", "2026年冬季征兵开始啦快来报名", 0.571)]
    [InlineData("different subject, same county", "定海区召开防汛工作会议", 0.174)]
    [InlineData("empty after cleaning", "【】！！", 0.0)]
    public void Score_IsDiceOfCharacterBigrams(string name, string title, double expected)
    {
        var score = TitleSimilarity.Score(Winter.Title, title);

        Assert.True(Math.Abs(expected - score) < 0.001, $"{name}: {score:0.000}");
    }

    [Fact]
    public void Score_IsSymmetric() =>
        Assert.Equal(TitleSimilarity.Score("定海区冬季征兵公告", Winter.Title), TitleSimilarity.Score(Winter.Title, "定海区冬季征兵公告"));
}
