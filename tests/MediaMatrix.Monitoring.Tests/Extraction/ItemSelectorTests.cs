using AngleSharp.Html.Parser;
using MediaMatrix.Monitoring.Extraction;

namespace MediaMatrix.Monitoring.Tests.Extraction;

/// <summary>The id shortcut for items selectors gives exactly what QuerySelectorAll gives, duplicate ids included.</summary>
public class ItemSelectorTests
{
    [Theory]
    [InlineData("<div id=\"list\"><ul><li>1</li><li>2</li></ul></div><ul><li>x</li></ul>", "#list li", 2)]
    [InlineData("<div id=\"list\"><li>1</li></div><div id=\"list\"><li>2</li><li>3</li></div>", "#list li", 3)]
    [InlineData("<a href=\"#list\">top</a><div id=\"list\"><li>1</li></div><li>x</li>", "#list li", 1)]
    [InlineData("<div id=\"list\"><li class=\"item\">1</li><li>2</li></div>", "#list li.item", 1)]
    [InlineData("<div id=\"list\"><ul><li>1</li></ul><li>2</li></div>", "#list > ul > li", 1)]
    [InlineData("<div id=\"List\"><li>1</li></div>", "#list li", 0)]
    [InlineData("<div id=\"list\"><div id=\"list\"><li>1</li></div></div>", "#list li", 1)]
    [InlineData("<script>show('list')</script><div ID = 'list'><li>1</li></div><div class=x id=list><li>2</li></div>", "#list li", 2)]
    [InlineData("<div data-id=\"list\"><li>0</li></div><div id=\"list2\"><li>x</li></div><div id=\"list\"><li>1</li></div>", "#list li", 1)]
    public void Select_GivesWhatQuerySelectorAllGives(string body, string selector, int count)
    {
        var html = "<!DOCTYPE html><html><body>" + body + "</body></html>";
        var document = new HtmlParser().ParseDocument(html);

        var selected = ItemSelector.Select(document, selector, html, markupInlined: false);

        Assert.Equal(document.QuerySelectorAll(selector), selected);
        Assert.Equal(count, selected.Count);
    }

    [Theory]
    [InlineData("<script>show('list')</script><a href='#list'>list</a><div id=\"list\">", true)]
    [InlineData("<div id=list><div id='list'>", false)]
    [InlineData("<div data-id=\"list\"><div id=\"list2\">", false)]
    [InlineData("<div class=\"a\"id=\"list\">", true)]
    public void OccursOnce_CountsIdAttributesOnly(string html, bool once) =>
        Assert.Equal(once, ItemSelector.OccursOnce(html, "list"));

    [Fact]
    public void OccursOnce_SeesTheRealListPagesSingleList_ThoughItsScriptsNameItToo()
    {
        var page = System.Text.Encoding.UTF8.GetString(Fixture.Bytes("list-pages/disclosure-list_meta-gb2312-but-utf8-bytes.html"));

        Assert.True(page.Split("expertList1").Length > 3);
        Assert.True(ItemSelector.OccursOnce(page, "expertList1"));
    }
}
