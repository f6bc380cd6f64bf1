using System.Text;

namespace MediaMatrix.Simulator.Rendering;

/// <summary>The two encodings the simulator writes. UTF-8 without a BOM, as servers send it; GBK as many older county CMS sites still do.</summary>
internal static class TextEncodings
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Encoding Gbk { get; } = LoadGbk();

    private static Encoding LoadGbk()
    {
        // .NET Core ships only the Unicode encodings until the code-page provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }
}
