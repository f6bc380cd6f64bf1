using System.Text;
using System.Xml;
using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.Rendering;

/// <summary>
/// Writes an XML feed and encodes it. The declaration is written by hand because XmlWriter
/// would name code page 936 "gb2312", and the GBK behaviour should say "GBK" as such sites do.
/// Line breaks inside text are written as character references so a hostile title's CR/LF
/// reaches the reader intact (reliability.md X4).
/// </summary>
internal static class XmlDocumentWriter
{
    public static RenderedSource Write(RenderRequest request, string contentType, Action<XmlWriter> writeRoot)
    {
        var gbk = request.Account.Behaviour == AccountBehaviour.Gbk;
        var text = new StringBuilder();
        text.Append("<?xml version=\"1.0\" encoding=\"").Append(gbk ? "GBK" : "utf-8").Append("\"?>\n");
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize };
        using (var writer = XmlWriter.Create(text, settings))
        {
            writeRoot(writer);
        }

        var encoding = gbk ? TextEncodings.Gbk : TextEncodings.Utf8;
        var charset = gbk ? "GBK" : "utf-8";
        return new RenderedSource(encoding.GetBytes(text.ToString()), $"{contentType}; charset={charset}", request.Newest);
    }
}
