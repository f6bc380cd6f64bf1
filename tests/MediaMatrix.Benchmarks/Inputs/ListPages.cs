using System.Text;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Benchmarks.Inputs;

/// <summary>
/// List pages of a given size made from the real government list fixture (15 dated items in <c>#expertList1</c>).
/// "Padded" pages keep the 15 items and repeat the page's own header and navigation markup until the size is
/// reached, as real ≈100 KB CMS pages carry ≈20 posts in a sea of navigation; "items" pages repeat the list
/// items instead (hundreds of posts: the worst case for the profile's selectors).
/// </summary>
internal static class ListPages
{
    private const string ListStart = "<div class=\"info_ne disblock\" id=\"expertList1\">";

    /// <summary>The profile the unit tests read this fixture with.</summary>
    public static readonly Profile GovList = new(Name: "cms-list", Items: "#expertList1 li", Title: "a", Link: "a@href", Published: "span");

    public static readonly Uri PageUrl = new("http://www.rtfund.com/main/xxpl/index.shtml");

    /// <param name="shape"><c>padded</c> or <c>items</c>.</param>
    /// <param name="bytes">UTF-8 size to reach (the page ends up just over it).</param>
    public static string Build(string shape, int bytes)
    {
        var page = Fixtures.Text(Fixtures.GovListPage);
        return shape switch
        {
            "padded" => Pad(page, bytes),
            "items" => RepeatItems(page, bytes),
            _ => throw new ArgumentException($"unknown page shape '{shape}'; use padded or items", nameof(shape)),
        };
    }

    /// <summary>The same page declaring and encoded as GBK, as many county CMS sites still serve.</summary>
    public static byte[] AsGbk(string page)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(page.Replace("charset=gb2312", "charset=gbk", StringComparison.Ordinal));
    }

    private static string Pad(string page, int bytes)
    {
        var bodyStart = page.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var navigation = page[bodyStart..page.IndexOf(ListStart, StringComparison.Ordinal)];
        navigation = navigation[(navigation.IndexOf('>', StringComparison.Ordinal) + 1)..];
        var bodyEnd = page.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var padding = new StringBuilder("<div class=\"site-map\">\n");
        while (Encoding.UTF8.GetByteCount(page) + Encoding.UTF8.GetByteCount(padding.ToString()) < bytes)
        {
            padding.Append(navigation);
        }

        return page.Insert(bodyEnd, padding.Append("</div>\n").ToString());
    }

    private static string RepeatItems(string page, int bytes)
    {
        var listOpen = page.IndexOf("<ul>", page.IndexOf(ListStart, StringComparison.Ordinal), StringComparison.Ordinal) + "<ul>".Length;
        var listClose = page.IndexOf("</ul>", listOpen, StringComparison.Ordinal);
        var items = page[listOpen..listClose];
        var repeated = new StringBuilder(items);
        var fixedBytes = Encoding.UTF8.GetByteCount(page);
        var itemBytes = Encoding.UTF8.GetByteCount(items);
        while (fixedBytes + (itemBytes * (repeated.Length / items.Length)) < bytes)
        {
            repeated.Append(items);
        }

        return page.Remove(listOpen, listClose - listOpen).Insert(listOpen, repeated.ToString());
    }
}
