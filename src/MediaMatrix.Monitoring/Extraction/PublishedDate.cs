namespace MediaMatrix.Monitoring.Extraction;

/// <summary>A parsed publish date: the instant (in the matrix zone's offset) and how much of it the source stated.</summary>
public readonly record struct PublishedDate(DateTimeOffset At, DatePrecision Precision);
