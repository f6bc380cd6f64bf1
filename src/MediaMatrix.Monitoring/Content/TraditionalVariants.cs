using System.Collections.Frozen;

namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// The traditional form of simplified text, character by character, for lexicon entries marked <c>traditional: true</c>
/// (a post copied from a Hong Kong or Taiwan source writes 臺灣總統 or 台灣總統 for 台湾总统). One traditional form per
/// character: where a simplified character stands for several (发: 發/髮, 后: 後/后) the one official names and set
/// expressions use is chosen, which is all the lexicon needs. Characters not listed stay as they are; the list covers the
/// characters of the shipped lexicon and the common ones of official names, not the whole script.
/// (<see cref="Extraction.TraditionalForms"/> maps the other way, and only the characters of date phrases.)
/// </summary>
public static class TraditionalVariants
{
    private const string Simplified = "华国湾总统领导区当门务员会长岛东书记为义产党团结设划规计带战议鲜废残厅办习学两时个发后这说经济实现开关与对应们体认进传视电话号码银网络页动机构过还让从车马龙齐乡兴农业专万亿众优伟单卫历县参双变听启园围图圣场坚处备复头奋妇宁宝审宪层岁币师广庆库张强归录彻忆态怀恶户执扩扬护报担拥择挥据术权条来极标树样检欢毕气汉沟没洁测满灾点热爱独环画监础礼离种积称稳竞笔简类粮紧红约级纪纲线练组织终绝继续维综编罗职联节苏范荣药获营补装观览觉订训许论访证评识词试诚该误请读调谈谋谢负责贤败货质购贯费贺资赛赞践转轮软较输边达运远违连选适遗邮钟钱铁销错镇问间闻阅队阳际陆陈险随难须项顺顾题风飞馆驻验惩贪妆镜疗轰脍径胫筹励厉峦叠驰贬";

    private const string Traditional = "華國灣總統領導區當門務員會長島東書記為義產黨團結設劃規計帶戰議鮮廢殘廳辦習學兩時個發後這說經濟實現開關與對應們體認進傳視電話號碼銀網絡頁動機構過還讓從車馬龍齊鄉興農業專萬億眾優偉單衛歷縣參雙變聽啟園圍圖聖場堅處備復頭奮婦寧寶審憲層歲幣師廣慶庫張強歸錄徹憶態懷惡戶執擴揚護報擔擁擇揮據術權條來極標樹樣檢歡畢氣漢溝沒潔測滿災點熱愛獨環畫監礎禮離種積稱穩競筆簡類糧緊紅約級紀綱線練組織終絕繼續維綜編羅職聯節蘇範榮藥獲營補裝觀覽覺訂訓許論訪證評識詞試誠該誤請讀調談謀謝負責賢敗貨質購貫費賀資賽贊踐轉輪軟較輸邊達運遠違連選適遺郵鐘錢鐵銷錯鎮問間聞閱隊陽際陸陳險隨難須項順顧題風飛館駐驗懲貪妝鏡療轟膾徑脛籌勵厲巒疊馳貶";

    private static readonly FrozenDictionary<char, char> Map = BuildMap();

    /// <summary>The traditional form of <paramref name="text"/>; the same string when no character changes.</summary>
    public static string Of(string text)
    {
        char[]? changed = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (Map.TryGetValue(text[i], out var traditional))
            {
                changed ??= text.ToCharArray();
                changed[i] = traditional;
            }
        }

        return changed is null ? text : new string(changed);
    }

    private static FrozenDictionary<char, char> BuildMap()
    {
        // Two strings of the same length read more easily than 300 pairs; a mismatch is a bug caught by the first use.
        if (Simplified.Length != Traditional.Length)
            throw new InvalidOperationException("the simplified and traditional character lists differ in length");

        var map = new Dictionary<char, char>();
        for (var i = 0; i < Simplified.Length; i++)
            map.TryAdd(Simplified[i], Traditional[i]);
        return map.ToFrozenDictionary();
    }
}
