using System.Net;
using System.Text;
using MimeKit;
using static MediaMatrix.Notifications.NoticeText;

namespace MediaMatrix.Notifications;

/// <summary>
/// An alert notice as a short zh-CN e-mail: multipart/alternative, text first, UTF-8. Every untrusted value is one line
/// (so no header can be injected through the subject) and HTML-encoded in the HTML part; the only link is the
/// configured UI address, and only when it is http(s) (reliability X4, as for the digest).
/// </summary>
internal static class NoticeMail
{
    public const int SubjectMaxChars = 120;

    public static MimeMessage Compose(AlertNotice notice, string from, string to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = Defang(ClipChars($"{notice.Heading}{notice.Title}", SubjectMaxChars));
        message.Date = notice.At;
        message.Headers.Add("X-MediaMatrix-Alert", notice.AlertKey);
        message.Body = new BodyBuilder { TextBody = Text(notice), HtmlBody = Html(notice) }.ToMessageBody();
        return message;
    }

    private static string Text(AlertNotice n)
    {
        var text = new StringBuilder();
        text.Append(Defang(ChatPayloads.HeadingLine(n))).Append("\r\n\r\n");
        foreach (var fact in n.Facts)
            text.Append(fact.Label).Append('：').Append(Defang(ClipChars(fact.Value, ChatPayloads.FactMaxChars))).Append("\r\n");
        if (n.Link is { } link)
            text.Append("\r\n在监测平台中查看：").Append(link.AbsoluteUri).Append("\r\n");
        text.Append("\r\n-- \r\n").Append(ChatPayloads.Footer).Append("（本邮件由系统自动发送）\r\n");
        return text.ToString();
    }

    private static string Html(AlertNotice n)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(ChatPayloads.HeadingLine(n))).Append("</title></head>");
        html.Append("<body style=\"margin:0;padding:16px;font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#222;\">");
        html.Append("<h1 style=\"font-size:18px;margin:0 0 12px;\">").Append(E(ChatPayloads.HeadingLine(n))).Append("</h1>");
        html.Append("<table style=\"border-collapse:collapse;font-size:14px;\">");
        foreach (var fact in n.Facts)
        {
            html.Append("<tr><th style=\"text-align:left;padding:4px 12px 4px 0;color:#666;font-weight:normal;white-space:nowrap;\">").Append(E(fact.Label))
                .Append("</th><td style=\"padding:4px 0;\">").Append(E(ClipChars(fact.Value, ChatPayloads.FactMaxChars))).Append("</td></tr>");
        }

        html.Append("</table>");
        if (n.Link is { Scheme: "http" or "https" } link)
            html.Append("<p style=\"margin-top:16px;\"><a href=\"").Append(WebUtility.HtmlEncode(link.AbsoluteUri)).Append("\" style=\"color:#1a5fb4;\">在监测平台中查看</a></p>");
        html.Append("<p style=\"color:#999;font-size:12px;\">").Append(ChatPayloads.Footer).Append("（本邮件由系统自动发送）</p></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(Defang(text));
}
