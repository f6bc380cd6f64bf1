using System.Text;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Matrix;

/// <summary>
/// Issue 16: <c>validate</c> may be pointed at any file. An error quotes at most the offending line of a file that reads
/// as YAML, cut to <see cref="ConfigText.MaxQuoted"/> characters; for anything else it says what is wrong and quotes nothing.
/// </summary>
public class ConfigQuotingTests
{
    private const string Secret = "s3cr3t-LINE-do-not-echo";

    public static TheoryData<string, string> NotAConfig => new()
    {
        { "a passwd file", $"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nsvc:x:999:999:{Secret}:/srv:/bin/false\n" },
        { "one line of plain text", $"{Secret}\n" },
        { "a private key", $"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA{Secret}\n-----END OPENSSH PRIVATE KEY-----\n" },
        { "a list", $"- {Secret}\n- two\n" },
        { "an ini file", $"[database]\npassword={Secret}\n" },
    };

    [Theory]
    [MemberData(nameof(NotAConfig))]
    public void Load_AFileThatIsNoMatrixConfig_SaysWhatIsWrong_WithoutQuotingIt(string kind, string text)
    {
        var errors = MatrixConfigLoader.LoadFromText(text, "other.txt").Errors;

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("root:x", e.ToString(), StringComparison.Ordinal));
        Assert.True(errors.Count == 1, $"{kind}: {string.Join(" | ", errors)}");
    }

    [Fact]
    public void Load_AValueOverSeveralLines_IsNamedByItsLines_NotQuoted()
    {
        var yaml = MatrixYaml.Valid.Replace("  name: 定海区政务新媒体矩阵", $"  name: 定海区政务新媒体矩阵\n  timezone:\n    {Secret}\n    more", StringComparison.Ordinal)
            .Replace("  timezone: Asia/Shanghai\n", "", StringComparison.Ordinal);

        var error = Assert.Single(MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName).Errors);

        Assert.Equal("matrix.timezone", error.Field);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ALongValueOnTheOffendingLine_IsQuotedCut()
    {
        var value = "often" + new string('x', 500);
        var yaml = MatrixYaml.Valid.Replace("    pollInterval: 1h", $"    pollInterval: {value}", StringComparison.Ordinal);

        var error = Assert.Single(MatrixConfigLoader.LoadFromText(yaml, MatrixYaml.FileName).Errors);

        Assert.Contains($"'often{new string('x', ConfigText.MaxQuoted - 5)}…'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', ConfigText.MaxQuoted), error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> NotText => new()
    {
        { "binary with NUL bytes", [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, .. Encoding.ASCII.GetBytes($"matrix: {Secret}\n")] },
        { "Latin-1, not UTF-8", [.. Encoding.ASCII.GetBytes($"matrix:\n  name: {Secret}"), 0xE9, 0xE8, (byte)'\n'] },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public void Load_AFileThatIsNotUtf8Text_IsOneWholeFileError_QuotingNothing(string kind, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mm-quoting-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, content);
        try
        {
            var error = Assert.Single(MatrixConfigLoader.Load(path).Errors);

            Assert.True(error.Line == 0, $"{kind}: {error}");
            Assert.Contains("not a text file", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_AUtf8FileWithABom_IsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mm-quoting-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, MatrixYaml.Valid, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var result = MatrixConfigLoader.Load(path);
            Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
