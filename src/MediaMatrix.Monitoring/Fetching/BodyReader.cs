using System.Buffers;

namespace MediaMatrix.Monitoring.Fetching;

/// <summary>Reads a response body up to a cap, so a 100 MiB chunked body or a decompression bomb stops early (F1, F2).</summary>
internal static class BodyReader
{
    private const int FirstBufferBytes = 64 * 1024;

    /// <returns>The body, or null when it is longer than <paramref name="maxBytes"/>.</returns>
    /// <remarks>
    /// The body is collected in a buffer rented from the shared pool, grown by renting a larger one, and copied once
    /// into an array of its exact length: a 100 KB page costs one 100 KB array per poll instead of a MemoryStream's
    /// doubling buffers (128 KB, both on the large-object heap) plus its ToArray copy. The array is the poll's to keep;
    /// the pooled buffer goes back before this returns.
    /// </remarks>
    public static async Task<byte[]?> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        // A declared length sizes the first buffer (one byte more, to see the end without a second rent).
        var declared = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and < int.MaxValue && declared < maxBytes ? (int)declared + 1 : FirstBufferBytes);
        try
        {
            var filled = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(filled), ct).ConfigureAwait(false)) > 0)
            {
                filled += read;
                if (filled > maxBytes)
                {
                    return null;
                }

                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return buffer.AsSpan(0, filled).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
