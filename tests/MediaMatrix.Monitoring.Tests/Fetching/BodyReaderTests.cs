using MediaMatrix.Monitoring.Fetching;

namespace MediaMatrix.Monitoring.Tests.Fetching;

/// <summary>The pooled, growing read gives back exactly the bytes sent, and the cap holds at its edge.</summary>
public class BodyReaderTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(65_535, false)]
    [InlineData(65_536, true)]
    [InlineData(65_537, false)]
    [InlineData(300_001, true)]
    [InlineData(300_001, false)]
    public async Task Body_IsReadByteForByte_WithOrWithoutADeclaredLength(int length, bool declared)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();

        var body = await BodyReader.ReadCappedAsync(Content(bytes, declared), 1_000_000, CancellationToken.None);

        Assert.Equal(bytes, body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cap_AllowsExactlyMaxBytes_AndRefusesOneMore(bool declared)
    {
        var atCap = await BodyReader.ReadCappedAsync(Content(new byte[200_000], declared), 200_000, CancellationToken.None);
        var overCap = await BodyReader.ReadCappedAsync(Content(new byte[200_001], declared), 200_000, CancellationToken.None);

        Assert.Equal(200_000, atCap?.Length);
        Assert.Null(overCap);
    }

    // Without a declared length the content is a chunked-style stream that hands out small reads.
    private static HttpContent Content(byte[] bytes, bool declared)
    {
        HttpContent content = declared ? new ByteArrayContent(bytes) : new StreamContent(new TrickleStream(bytes));
        Assert.Equal(declared ? bytes.Length : null, content.Headers.ContentLength);
        return content;
    }

    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        // Not seekable, so StreamContent cannot work out a length either.
        public override bool CanSeek => false;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7_000)], cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7_000));
    }
}
