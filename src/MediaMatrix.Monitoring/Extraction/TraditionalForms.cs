using System.Text;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// The traditional characters date forms use (Hong Kong and Taiwan platforms, and mainland sites that render with
/// traditional fonts): 10分鐘前, 1小時前, 12個月前, 上禮拜, 週五, 下午3點, 剛剛. Mapped one to one, so the simplified
/// patterns read them all.
/// </summary>
internal static class TraditionalForms
{
    public static string ToSimplified(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var mapped = text[i] switch
            {
                '鐘' => '钟',
                '時' => '时',
                '個' => '个',
                '禮' => '礼',
                '週' => '周',
                '點' => '点',
                '頭' => '头',
                '後' => '后',
                '兩' => '两',
                '間' => '间',
                '剛' => '刚',
                '數' => '数',
                '幾' => '几',
                '約' => '约',
                '號' => '号',
                '發' => '发',
                '佈' => '布',
                '釋' => '释',
                '裡' => '里',
                '裏' => '里',
                '纔' => '才',
                var c => c,
            };
            if (mapped != text[i])
            {
                builder ??= new StringBuilder(text);
                builder[i] = mapped;
            }
        }

        return builder?.ToString() ?? text;
    }
}
