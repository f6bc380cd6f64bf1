namespace MediaMatrix.Simulator.Rendering;

/// <summary>A source document ready to send; <paramref name="LastModified"/> is the newest visible post.</summary>
internal sealed record RenderedSource(byte[] Body, string ContentType, DateTimeOffset? LastModified);
