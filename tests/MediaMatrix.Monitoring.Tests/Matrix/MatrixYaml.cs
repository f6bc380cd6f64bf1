namespace MediaMatrix.Monitoring.Tests.Matrix;

/// <summary>
/// A small valid matrix whose line numbers the error tests rely on; a case swaps one line for a
/// mistake so the expected line is the line it edited.
/// </summary>
internal static class MatrixYaml
{
    public const string FileName = "matrix.yaml";

    public const string Valid = """
        matrix:
          name: 定海区政务新媒体矩阵
          timezone: Asia/Shanghai
          allowPrivateNetworks: false
        accounts:
          - id: dinghaishan
            name: 定海山
            platform: app
            tier: head
            department: 区融媒体中心
            source: { kind: feed, url: "http://rsshub.example.gov.cn/dinghaishan/rss.xml" }
            pollInterval: 1h
          - id: dh-hrss
            name: 定海人社
            platform: website
            tier: member
            department: 区人力社保局
            source: { kind: html, url: "http://www.dinghai.example.gov.cn/col/col1229/index.html", profile: gov-list }
        profiles:
          gov-list: { items: "ul.news li", title: "a", link: "a@href", published: "span.date" }
        """;

    /// <summary><see cref="Valid"/> with line <paramref name="line"/> (1-based) replaced.</summary>
    public static string WithLine(int line, string replacement) => WithLines((line, replacement));

    public static string WithLines(params (int Line, string Replacement)[] edits)
    {
        var lines = Valid.Split('\n');
        foreach (var (line, replacement) in edits)
            lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }
}
