using MimeKit;

namespace MediaMatrix.Digest;

/// <summary>Puts one edition into a MIME message: one recipient per message (so each has its own delivery record),
/// multipart/alternative with the text part first, UTF-8 throughout.</summary>
internal static class DigestMessage
{
    public static MimeMessage Compose(DigestContent content, string from, string to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = DigestWording.Subject(content);
        message.Date = content.EvaluatedAt;
        message.Headers.Add("X-MediaMatrix-Week", content.WeekKey);
        message.Body = new BodyBuilder { TextBody = DigestText.Render(content), HtmlBody = DigestHtml.Render(content) }.ToMessageBody();
        return message;
    }
}
