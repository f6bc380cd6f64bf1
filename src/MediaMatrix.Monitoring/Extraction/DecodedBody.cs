using System.Buffers;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>A decoded body in a pooled buffer (<see cref="BodyDecoder.DecodePooled"/>); Dispose gives the buffer back.</summary>
public sealed class DecodedBody : IDisposable
{
    private char[]? buffer;
    private readonly int length;

    internal DecodedBody(char[] buffer, int length)
    {
        this.buffer = buffer;
        this.length = length;
    }

    public ReadOnlyMemory<char> Memory => new(Buffer, 0, length);

    public ReadOnlySpan<char> Span => new(Buffer, 0, length);

    /// <summary>The text as a string: for the paths that need one (JSON, recovery, error messages), not the fast ones.</summary>
    public override string ToString() => new(Span);

    public void Dispose()
    {
        if (buffer is { } held)
        {
            buffer = null;
            ArrayPool<char>.Shared.Return(held);
        }
    }

    private char[] Buffer => buffer ?? throw new ObjectDisposedException(nameof(DecodedBody));
}
