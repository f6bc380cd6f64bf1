using System.Text;
using MediaMatrix.IntegrationTests.Infrastructure;

namespace MediaMatrix.IntegrationTests.Spine;

/// <summary>
/// Issue 16: <c>validate</c> pointed at a file that is no matrix config (a passwd file, a binary) says what is wrong and
/// prints none of its lines; in a YAML config it quotes at most the offending line.
/// </summary>
public sealed class ValidateQuotingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private const string Secret = "hunter2-SECRET-LINE";

    public static TheoryData<string, byte[]> NotConfigs => new()
    {
        { "passwd-like", Encoding.UTF8.GetBytes($"root:x:0:0:root:/root:/bin/bash\nsvc:x:999:999:{Secret}:/srv:/usr/sbin/nologin\n") },
        { "passwd-like ending in a key: value line", Encoding.UTF8.GetBytes($"root:x:0:0:root:/root:/bin/bash\napi_key: {Secret}\n") },
        { "binary", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, .. Encoding.ASCII.GetBytes($"\n{Secret}\n"), 0xFF, 0xFE] },
    };

    [Theory]
    [MemberData(nameof(NotConfigs))]
    public async Task Validate_AFileThatIsNoConfig_FailsWithoutEchoingItsLines(string kind, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mm-not-config-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, "validate", "--config", path);

            Assert.Equal(1, exit);
            Assert.False(string.IsNullOrWhiteSpace(stderr), $"{kind}: no error printed");
            Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("root:x", stdout + stderr, StringComparison.Ordinal);
            Assert.Contains(path, stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
