using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// A body that could not be read as posts: not a feed, a platform's "ok":0, a selector that
/// matched nothing. The poller records <see cref="ErrorClass"/> in the account's health; it is the
/// difference between "quiet" and "broken".
/// </summary>
public sealed class ExtractionException : Exception
{
    public ExtractionException(FetchErrorClass errorClass, string message)
        : base(message) => ErrorClass = errorClass;

    public ExtractionException(FetchErrorClass errorClass, string message, Exception innerException)
        : base(message, innerException) => ErrorClass = errorClass;

    public ExtractionException()
        : this(FetchErrorClass.Other, "extraction failed")
    {
    }

    public ExtractionException(string message)
        : this(FetchErrorClass.Other, message)
    {
    }

    public ExtractionException(string message, Exception innerException)
        : this(FetchErrorClass.Other, message, innerException)
    {
    }

    public FetchErrorClass ErrorClass { get; }
}
