using System.Text;
using System.Text.RegularExpressions;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Rewrites Chinese numerals and full-width characters as ASCII so date patterns only need to
/// know one alphabet: 十五分钟前 → 15分钟前, 二〇二二年 → 2022年, ２０２２－１２－０１ → 2022-12-01.
/// </summary>
internal static partial class ChineseNumerals
{
    [GeneratedRegex("[零〇一二两三四五六七八九十百]+")]
    private static partial Regex NumeralRun();

    public static string ToAscii(string text)
    {
        var halfWidth = ToHalfWidth(text);
        return NumeralRun().Replace(halfWidth, m => ParseRun(m.Value));
    }

    // Full-width forms (U+FF01–U+FF5E) sit at a fixed offset from ASCII; U+3000 is the ideographic space.
    private static string ToHalfWidth(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char mapped = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
            if (mapped != c)
            {
                builder ??= new StringBuilder(text);
                builder[i] = mapped;
            }
        }
        return builder?.ToString() ?? text;
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    // Years are written digit by digit (二〇二二); counts use 十/百 positions (二十三, 十五, 一百零五).
    private static string ParseRun(string run)
    {
        if (run.IndexOfAny(['十', '百']) < 0)
        {
            var digits = new StringBuilder(run.Length);
            foreach (var c in run)
            {
                digits.Append((char)('0' + Digit(c)));
            }
            return digits.ToString();
        }

        var total = 0;
        var pending = 0;
        foreach (var c in run)
        {
            switch (c)
            {
                case '百':
                    total += (pending == 0 ? 1 : pending) * 100;
                    pending = 0;
                    break;
                case '十':
                    total += (pending == 0 ? 1 : pending) * 10;
                    pending = 0;
                    break;
                default:
                    pending = Digit(c);
                    break;
            }
        }
        return (total + pending).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
