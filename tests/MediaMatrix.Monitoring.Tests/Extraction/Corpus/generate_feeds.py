# Writes feeds/*.xml|json and feeds.tsv: feed documents in the dialects real publishers emit (shapes taken from
# RSSHub's templates, WordPress, Chinese government CMS exports, the RSS 0.9x/1.0 and Atom 0.3 specifications' examples),
# each clean or with one flaw feed readers tolerate. Expectations are by construction: which items are good, which broken.
import json, os
from datetime import datetime, timezone, timedelta
CST = timezone(timedelta(hours=8))
N = 3
def when(i): return datetime(2026, 11, 20 + i, 9, 30, tzinfo=CST)
def rfc_gmt(i): return when(i).astimezone(timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
def rfc_cst(i): return when(i).strftime("%a, %d %b %Y %H:%M:%S +0800")
def iso(i): return when(i).isoformat()
def iso_z(i): return when(i).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
def link(i, p): return f"https://www.example.gov.cn/c{p.encode().hex()[:8]}/art/2026/11/{20+i}/art_{i}.html"
NS = 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom"'

def rss_item(i, p, style, flaw_here=None):
    title = f"{p}第{i}条通知"
    date = {"rsshub": f"<pubDate>{rfc_gmt(i)}</pubDate>", "rss2": f"<pubDate>{rfc_cst(i)}</pubDate>",
            "wordpress": f"<pubDate>{when(i).astimezone(timezone.utc).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>",
            "dcdate": f"<dc:date>{iso(i)}</dc:date>", "dcdate-dayonly": f"<dc:date>{when(i).date().isoformat()}</dc:date>",
            "dcterms": f"<dcterms:issued>{iso(i)}</dcterms:issued><dcterms:modified>{iso(i)}</dcterms:modified>",
            "notitle": f"<pubDate>{rfc_cst(i)}</pubDate>", "rss091": f"<pubDate>{rfc_cst(i)}</pubDate>"}[style]
    t = f"<title><![CDATA[ {title} ]]></title>" if style == "rsshub" else f"<title>{title}</title>"
    if style == "notitle":
        t = ""
    desc = f"<description><![CDATA[<p>关于{title}的公告</p>]]></description>" if style != "notitle" else f"<description>&lt;p&gt;关于{title}的公告&lt;/p&gt;</description>"
    extra = f"<content:encoded><![CDATA[<p>正文 {i}</p>]]></content:encoded><dc:creator>办公室</dc:creator>" if style == "wordpress" else ""
    guid = f"<guid isPermaLink=\"false\">{link(i, p)}</guid>" if style == "rsshub" else ""
    l = f"<link>{link(i, p)}</link>"
    if flaw_here == "bare-amp":
        l = f"<link>{link(i, p)}?from=groupmessage&isappinstalled=0</link>"
    if flaw_here == "html-entities":
        t = f"<title>{p}第{i}条&mdash;通知</title>"
        desc = "<description>发布机构&nbsp;县政府办公室&nbsp;&copy;版权所有</description>"
    if flaw_here == "undefined-entity":
        desc = "<description>见附件&attach1;说明</description>"
    if flaw_here == "mismatched":
        t = f"<title>{title}</titel>"
    if flaw_here == "unescaped-html":
        desc = "<description><p>正文第一行<br>第二行 <img src=x.png></p></description>"
    if flaw_here == "control-char":
        t = t.replace("条通", "条\x01通")
    if flaw_here == "undeclared-prefix":
        extra += "<wx:source>微信公众号</wx:source>"
    if flaw_here == "stray-lt":
        desc = "<description>气温 < 5 度</description>"
    return f"<item>{t}{l}{desc}{extra}{guid}{date}</item>"

def expect_title(i, p, style, flaw_here=None):
    if flaw_here == "html-entities":
        return f"{p}第{i}条—通知"
    return f"关于{p}第{i}条通知的公告" if style == "notitle" else f"{p}第{i}条通知"

def expect_link(i, p, flaw_here=None):
    return link(i, p) + ("?from=groupmessage&isappinstalled=0" if flaw_here == "bare-amp" else "")

ROWS = []
def write(name, text, posts, dropped, titles, first_date, first_precision, first_link, note, binary_prefix=b""):
    path = os.path.join("feeds", name)
    with open(path, "wb") as f:
        f.write(binary_prefix + text.encode("utf-8"))
    ROWS.append((name, str(posts), str(dropped), " | ".join(titles), first_date, first_precision, first_link, note))

def rss_doc(style, p, flaw, flaw_item=2):
    items = "".join(rss_item(i, p, style, flaw if i == flaw_item else None) for i in range(1, N + 1))
    dcterms = ' xmlns:dcterms="http://purl.org/dc/terms/"' if style == "dcterms" else ""
    decl = '<?xml version="1.0" encoding="UTF-8"?>\n'
    doctype = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n' if style == "rss091" else ""
    version = "0.91" if style == "rss091" else "2.0"
    head = f"<channel><title>{p}</title><link>https://www.example.gov.cn/{p}/</link><description>{p}信息公开</description><language>zh-cn</language>"
    if style == "rsshub":
        return decl + f'<rss  xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"\n\n\n>\n    {head}<generator>RSSHub</generator><lastBuildDate>{rfc_gmt(5)}</lastBuildDate><ttl>5</ttl>\n' + items.replace("<item>", "\n        <item>") + "\n    </channel>\n</rss>\n"
    return decl + doctype + f'<rss version="{version}" {NS}{dcterms}>{head}{items}</channel></rss>\n'

def first(style, p, flaw, dropped_first=False):
    if style == "dcdate-dayonly":
        return when(1).replace(hour=0, minute=0).isoformat(), "day"
    return when(1).isoformat(), "time"

FLAWS_RSS = ["clean", "leading-whitespace", "bom", "junk-before-xml", "php-warning-text", "bare-amp", "html-entities",
             "undefined-entity", "mismatched", "truncated", "unescaped-html", "control-char", "undeclared-prefix", "stray-lt"]
STYLES = {"rsshub": FLAWS_RSS, "rss2": FLAWS_RSS, "wordpress": ["clean", "bare-amp", "truncated", "mismatched", "html-entities"],
          "dcdate": ["clean", "mismatched", "bom"], "dcdate-dayonly": ["clean", "truncated"], "dcterms": ["clean", "html-entities"],
          "notitle": ["clean", "bare-amp"], "rss091": ["clean", "html-entities", "truncated"]}
for style, flaws in STYLES.items():
    for flaw in flaws:
        p = {"rsshub": "RSSHub", "rss2": "县政府", "wordpress": "融媒", "dcdate": "教育局", "dcdate-dayonly": "卫健委", "dcterms": "文旅局", "notitle": "政务", "rss091": "老站"}[style]
        doc = rss_doc(style, p, flaw)
        good = list(range(1, N + 1)); dropped = 0
        prefix = b""
        if flaw == "leading-whitespace": doc = "\r\n\r\n   \t" + doc
        if flaw == "bom": prefix = b"\xef\xbb\xbf"; doc = "\n" + doc
        if flaw == "junk-before-xml": doc = "<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent in <b>/var/www/html/feed.php</b> on line <b>3</b><br />\n" + doc
        if flaw == "php-warning-text": doc = "Deprecated: Function create_function() is deprecated in /www/rss.php on line 12\n" + doc
        if flaw == "mismatched": good.remove(2); dropped = 1
        if flaw == "truncated":
            cut = doc.index("<item>", doc.index("<item>", doc.index("<item>") + 1) + 1) + 30
            doc = doc[:cut]; good = [1, 2]; dropped = 1
        d, prec = first(style, p, flaw)
        titles = [expect_title(i, p, style, flaw if i == 2 else None) for i in good]
        write(f"{style}_{flaw}.xml", doc, len(good), dropped, titles, d, prec, expect_link(1, p), f"{style} feed, {flaw}", prefix)

# RSS 1.0 (RDF) and RSS 0.90
def rdf_doc(p, ns, flaw=None):
    items = ""
    for i in range(1, N + 1):
        t = f"<title>{p}第{i}条通知</title>" if not (flaw == "mismatched" and i == 2) else f"<title>{p}第{i}条通知</tilte>"
        dc = f"<dc:date>{iso(i)}</dc:date>" if ns.endswith("1.0/") else ""
        items += f'<item rdf:about="{link(i, p)}">{t}<link>{link(i, p)}</link>{dc}</item>'
    return (f'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="{ns}" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="https://www.example.gov.cn/{p}/"><title>{p}</title><link>https://www.example.gov.cn/{p}/</link></channel>{items}</rdf:RDF>\n')
for flaw in ("clean", "mismatched", "html-entities"):
    doc = rdf_doc("区政府", "http://purl.org/rss/1.0/", flaw)
    if flaw == "html-entities": doc = doc.replace("第1条通知", "第1条&mdash;通知", 1)
    good = [1, 3] if flaw == "mismatched" else [1, 2, 3]
    titles = [("区政府第1条—通知" if (i == 1 and flaw == "html-entities") else f"区政府第{i}条通知") for i in good]
    write(f"rss10-rdf_{flaw}.xml", doc, len(good), 3 - len(good), titles, when(1).isoformat(), "time", link(1, "区政府"), f"RSS 1.0, {flaw}")
for flaw in ("clean", "truncated"):
    doc = rdf_doc("网景", "http://my.netscape.com/rdf/simple/0.9/")
    good = [1, 2, 3]; dropped = 0
    if flaw == "truncated":
        doc = doc[:doc.rindex("<item") + 20]; good = [1, 2]; dropped = 1
    write(f"rss090_{flaw}.xml", doc, len(good), dropped, [f"网景第{i}条通知" for i in good], "undated", "-", link(1, "网景"), f"RSS 0.90 (no dates), {flaw}")

# RSS 0.92 with items outside <channel> (seen in hand-written CMS templates)
doc = '<?xml version="1.0" encoding="utf-8"?><rss version="0.92"><channel><title>镇政府</title></channel>' + "".join(rss_item(i, "镇政府", "rss2") for i in range(1, N + 1)) + "</rss>"
write("rss092_items-outside-channel.xml", doc, 3, 0, [f"镇政府第{i}条通知" for i in range(1, 4)], when(1).isoformat(), "time", link(1, "镇政府"), "RSS 0.92, items after </channel>")
doc = '<?xml version="1.0"?><rss version="2.0"><channel><title>空栏目</title><link>https://www.example.gov.cn/</link></channel></rss>'
write("rss2_no-items.xml", doc, 0, 0, [], "undated", "-", "", "a valid feed with no items")

# Atom 1.0 and 0.3
def atom_doc(p, v, flaw=None):
    ns = "http://www.w3.org/2005/Atom" if v == "10" else "http://purl.org/atom/ns#"
    entries = ""
    for i in range(1, N + 1):
        t = f"<title type=\"html\">{p}第{i}条通知</title>"
        if flaw == "mismatched" and i == 2: t = f"<title>{p}第{i}条通知</titl>"
        if flaw == "bare-amp" and i == 2: t += f'<link rel="alternate" type="text/html" href="{link(i, p)}?a=1&b=2"/>'
        else: t += f'<link rel="alternate" type="text/html" href="{link(i, p)}"/>'
        d = f"<published>{iso_z(i)}</published><updated>{iso_z(i)}</updated>" if v == "10" else f"<issued>{iso(i)}</issued><modified>{iso_z(i)}</modified>"
        entries += f"<entry><id>tag:example.gov.cn,2026:{p}-{i}</id>{t}{d}<summary>摘要 {i}</summary></entry>"
    head = f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{ns}"' + (' version="0.3"' if v == "03" else "") + f"><title>{p}</title>"
    return head + entries + "</feed>\n"
for v in ("10", "03"):
    for flaw in ("clean", "mismatched", "bare-amp", "truncated", "leading-whitespace", "html-entities"):
        p = "发布厅" if v == "10" else "档案馆"
        doc = atom_doc(p, v, flaw)
        good = [1, 2, 3]; dropped = 0
        if flaw == "mismatched": good = [1, 3]; dropped = 1
        if flaw == "truncated": doc = doc[:doc.rindex("<entry>") + 40]; good = [1, 2]; dropped = 1
        if flaw == "leading-whitespace": doc = "\n\n" + doc
        titles = [f"{p}第{i}条通知" for i in good]
        if flaw == "html-entities":
            doc = doc.replace("<summary>摘要 1</summary>", "<summary>摘要&nbsp;1&hellip;</summary>")
        write(f"atom{v}_{flaw}.xml", doc, len(good), dropped, titles, when(1).isoformat(), "time", link(1, p), f"Atom {'1.0' if v == '10' else '0.3'}, {flaw}")

# JSON Feed 1.0 / 1.1
for v in ("1", "1.1"):
    for flaw in ("clean", "leading-whitespace", "non-object-item", "empty-item", "date-only"):
        p = "网信办" if v == "1" else "数据局"
        items = [{"id": f"{p}-{i}", "url": link(i, p), "title": f"{p}第{i}条通知",
                  "date_published": when(i).date().isoformat() if flaw == "date-only" else iso(i)} for i in range(1, N + 1)]
        dropped = 0
        if flaw == "non-object-item": items.insert(1, "broken"); dropped = 1
        if flaw == "empty-item": items.insert(1, {"content_text": ""}); dropped = 1
        doc = json.dumps({"version": f"https://jsonfeed.org/version/{v}", "title": p, "items": items}, ensure_ascii=False)
        if flaw == "leading-whitespace": doc = "\n  " + doc
        d, prec = (when(1).replace(hour=0, minute=0).isoformat(), "day") if flaw == "date-only" else (when(1).isoformat(), "time")
        write(f"jsonfeed{v.replace('.', '')}_{flaw}.json", doc, 3, dropped, [f"{p}第{i}条通知" for i in range(1, 4)], d, prec, link(1, p), f"JSON Feed {v}, {flaw}")

# Unreadable feeds: an extraction error, not an empty account
errors = {
    "error_every-item-broken.xml": '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</titel></item><item><title>b</tite></item></channel></rss>',
    "error_html-page.xml": "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>页面不存在</body></html>",
    "error_entity-bomb.xml": '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><item><title>&b;</title></item></channel></rss>',
    "error_plain-text.xml": "Service Temporarily Unavailable",
    "error_broken-json.json": '{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"a"',
}
for name, doc in errors.items():
    write(name, doc, -1, -1, [], "error", "-", "", "unreadable feed: an extraction error")

with open("feeds.tsv", "w", encoding="utf-8") as f:
    f.write("# file\tposts (-1: error)\tdropped\ttitles\tfirst date\tfirst precision\tfirst link\twhat\n")
    for r in ROWS:
        f.write("\t".join(r) + "\n")
print(len(ROWS), "feeds")
