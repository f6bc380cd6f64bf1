using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MediaMatrix.Simulator.Serving;

/// <summary>
/// Bodies that attack the reader rather than the parser: too big, inflating, never coming, or
/// coming a byte at a time. Each stops as soon as the client hangs up or the simulator stops,
/// so a test's dispose is never held up by a request it abandoned.
/// </summary>
internal static class HostileBodies
{
    private const long OversizedBytes = 100L * 1024 * 1024;
    private const int BombInflatedBytes = 128 * 1024 * 1024;
    private const string FeedOpening = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>";

    private static readonly Lazy<byte[]> GzipBomb = new(() => Compress(stream => new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true)));
    private static readonly Lazy<byte[]> BrotliBomb = new(() => Compress(stream => new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true)));

    public static async Task WriteOversizedAsync(HttpContext context, SimulatedMatrix matrix)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, matrix.Stopping);
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        var filler = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<!-- 0123456789abcdef0123456789abcdef0123456789abcdef012345678 -->\n", 1024)));
        await IgnoringHangUpAsync(context, async () =>
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(FeedOpening), stop.Token);
            for (long written = 0; written < OversizedBytes; written += filler.Length)
            {
                await context.Response.Body.WriteAsync(filler, stop.Token);
            }
        });
    }

    public static async Task WriteCompressionBombAsync(HttpContext context)
    {
        var brotli = context.Request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.OrdinalIgnoreCase);
        var body = brotli ? BrotliBomb.Value : GzipBomb.Value;
        context.Response.Headers.ContentEncoding = brotli ? "br" : "gzip";
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await IgnoringHangUpAsync(context, () => context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask());
    }

    public static async Task StallAsync(HttpContext context, SimulatedMatrix matrix)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, matrix.Stopping);
        await IgnoringHangUpAsync(context, () => Task.Delay(Timeout.InfiniteTimeSpan, stop.Token));
    }

    /// <summary>One byte of a feed per second by the simulator's clock: with a fake clock, the test decides when each byte comes.</summary>
    public static async Task TrickleAsync(HttpContext context, SimulatedMatrix matrix)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, matrix.Stopping);
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        await IgnoringHangUpAsync(context, async () =>
        {
            await context.Response.StartAsync(stop.Token);
            var opening = Encoding.UTF8.GetBytes(FeedOpening);
            for (var i = 0; ; i = (i + 1) % opening.Length)
            {
                await context.Response.Body.WriteAsync(opening.AsMemory(i, 1), stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
                await Task.Delay(TimeSpan.FromSeconds(1), matrix.Clock, stop.Token);
            }
        });
    }

    /// <summary>
    /// Ends quietly when the client gives up (as it should) or the simulator stops. Then the
    /// connection is dropped: returning normally would close the response as if it were complete.
    /// </summary>
    private static async Task IgnoringHangUpAsync(HttpContext context, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            context.Abort();
        }
    }

    private static byte[] Compress(Func<Stream, Stream> compressor)
    {
        using var compressed = new MemoryStream();
        using (var stream = compressor(compressed))
        {
            stream.Write(Encoding.UTF8.GetBytes(FeedOpening));
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var written = 0; written < BombInflatedBytes; written += spaces.Length)
            {
                stream.Write(spaces);
            }
        }

        return compressed.ToArray();
    }
}
