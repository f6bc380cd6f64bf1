namespace MediaMatrix.Monitoring.Extraction;

/// <summary>A <see cref="TextReader"/> over decoded text held in memory, so the XmlReader reads a pooled body without a string copy.</summary>
internal sealed class MemoryTextReader(ReadOnlyMemory<char> text) : TextReader
{
    private int position;

    public override int Peek() => position < text.Length ? text.Span[position] : -1;

    public override int Read() => position < text.Length ? text.Span[position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, text.Length - position);
        text.Span.Slice(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override string ReadToEnd()
    {
        var rest = text.Span[position..].ToString();
        position = text.Length;
        return rest;
    }
}
