using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Registry;

/// <summary>The registry's columns and the words a county's file may use for them and for platforms and statuses.
/// config/README.md ("The account registry") lists them; header cells are compared without spaces, '*' and letter case.</summary>
public static class RegistryColumns
{
    public enum Column { Unit, Platform, Name, Ref, Number, Status, ClosedOn }

    /// <summary>How a column is named in messages: its Chinese header and the English one.</summary>
    public static string Label(Column column) => column switch
    {
        Column.Unit => "开设单位 (unit)",
        Column.Platform => "平台 (platform)",
        Column.Name => "账号名称 (name)",
        Column.Ref => "账号ID/链接 (account id or url)",
        Column.Number => "备案编号 (filing number)",
        Column.Status => "状态 (status)",
        _ => "注销日期 (closed on)",
    };

    /// <summary>Every column but the closure date must be in the file (a cell of 账号ID/链接 or 备案编号 may be empty).</summary>
    public static readonly Column[] Required = [Column.Unit, Column.Platform, Column.Name, Column.Ref, Column.Number, Column.Status];

    private static readonly Dictionary<string, Column> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["开设单位"] = Column.Unit,
        ["主办单位"] = Column.Unit,
        ["运营单位"] = Column.Unit,
        ["单位"] = Column.Unit,
        ["单位名称"] = Column.Unit,
        ["unit"] = Column.Unit,
        ["department"] = Column.Unit,
        ["owner"] = Column.Unit,
        ["平台"] = Column.Platform,
        ["平台名称"] = Column.Platform,
        ["所属平台"] = Column.Platform,
        ["platform"] = Column.Platform,
        ["账号名称"] = Column.Name,
        ["帐号名称"] = Column.Name,
        ["名称"] = Column.Name,
        ["name"] = Column.Name,
        ["accountname"] = Column.Name,
        ["账号ID/链接"] = Column.Ref,
        ["帐号ID/链接"] = Column.Ref,
        ["账号ID"] = Column.Ref,
        ["账号链接"] = Column.Ref,
        ["链接"] = Column.Ref,
        ["账号ID或链接"] = Column.Ref,
        ["id"] = Column.Ref,
        ["url"] = Column.Ref,
        ["link"] = Column.Ref,
        ["accountid"] = Column.Ref,
        ["id/url"] = Column.Ref,
        ["accountid/url"] = Column.Ref,
        ["accountidorurl"] = Column.Ref,
        ["备案编号"] = Column.Number,
        ["备案号"] = Column.Number,
        ["filingnumber"] = Column.Number,
        ["filing"] = Column.Number,
        ["filingno"] = Column.Number,
        ["状态"] = Column.Status,
        ["账号状态"] = Column.Status,
        ["运营状态"] = Column.Status,
        ["status"] = Column.Status,
        ["注销日期"] = Column.ClosedOn,
        ["关停日期"] = Column.ClosedOn,
        ["注销时间"] = Column.ClosedOn,
        ["closedon"] = Column.ClosedOn,
        ["closeddate"] = Column.ClosedOn,
        ["closed"] = Column.ClosedOn,
    };

    private static readonly Dictionary<string, Platform> Platforms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["微信"] = Platform.Wechat,
        ["微信公众号"] = Platform.Wechat,
        ["公众号"] = Platform.Wechat,
        ["wechat"] = Platform.Wechat,
        ["微博"] = Platform.Weibo,
        ["新浪微博"] = Platform.Weibo,
        ["weibo"] = Platform.Weibo,
        ["抖音"] = Platform.Douyin,
        ["douyin"] = Platform.Douyin,
        ["今日头条"] = Platform.Toutiao,
        ["头条"] = Platform.Toutiao,
        ["头条号"] = Platform.Toutiao,
        ["toutiao"] = Platform.Toutiao,
        ["快手"] = Platform.Kuaishou,
        ["kuaishou"] = Platform.Kuaishou,
        ["哔哩哔哩"] = Platform.Bilibili,
        ["b站"] = Platform.Bilibili,
        ["bilibili"] = Platform.Bilibili,
        ["客户端"] = Platform.App,
        ["移动客户端"] = Platform.App,
        ["app"] = Platform.App,
        ["网站"] = Platform.Website,
        ["政府网站"] = Platform.Website,
        ["门户网站"] = Platform.Website,
        ["website"] = Platform.Website,
        ["其他"] = Platform.Other,
        ["other"] = Platform.Other,
    };

    private static readonly Dictionary<string, FilingStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["正常"] = FilingStatus.Open,
        ["运营中"] = FilingStatus.Open,
        ["正常运营"] = FilingStatus.Open,
        ["在用"] = FilingStatus.Open,
        ["open"] = FilingStatus.Open,
        ["active"] = FilingStatus.Open,
        ["停更"] = FilingStatus.Paused,
        ["暂停更新"] = FilingStatus.Paused,
        ["暂停"] = FilingStatus.Paused,
        ["停止更新"] = FilingStatus.Paused,
        ["paused"] = FilingStatus.Paused,
        ["suspended"] = FilingStatus.Paused,
        ["已注销"] = FilingStatus.Closed,
        ["已关停"] = FilingStatus.Closed,
        ["注销"] = FilingStatus.Closed,
        ["关停"] = FilingStatus.Closed,
        ["已关闭"] = FilingStatus.Closed,
        ["closed"] = FilingStatus.Closed,
    };

    public static Column? HeaderOf(string text) => Headers.TryGetValue(Key(text), out var column) ? column : null;

    public static Platform? PlatformOf(string text) => Platforms.TryGetValue(Key(text), out var platform) ? platform : null;

    public static FilingStatus? StatusOf(string text) => Statuses.TryGetValue(Key(text), out var status) ? status : null;

    public static string StatusWords => "正常/运营中, 停更/暂停更新, 已注销/已关停 (open, paused, closed)";

    public static string PlatformWords => "微信公众号, 微博, 抖音, 今日头条, 快手, 哔哩哔哩, 客户端, 网站, 其他 (or the config names wechat, weibo, …)";

    // 账号 ID / 链接 *, "Filing Number": spaces, '*' (a required-column marker) and '_' do not count; nor does full-width '／'.
    private static string Key(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '_' or '-')).Select(c => c == '／' ? '/' : c)]);
}
