using System.Globalization;
using System.Security.Cryptography;
using MediaMatrix.Simulator.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MediaMatrix.Simulator.Serving;

/// <summary>
/// ETag (a hash of the body, so it changes exactly when the visible content does) and
/// Last-Modified (the newest visible post); 304 when the client already has this version.
/// If-None-Match wins over If-Modified-Since, as RFC 9110 says.
/// </summary>
internal static class ConditionalGet
{
    public static async Task WriteAsync(HttpContext context, RenderedSource source)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(source.Body))[..20] + "\"";
        var response = context.Response;
        response.Headers.ETag = etag;
        if (source.LastModified is { } lastModified)
        {
            response.Headers.LastModified = lastModified.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        }

        if (IsNotModified(context.Request, etag, source.LastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = source.ContentType;
        response.ContentLength = source.Body.Length;
        await response.Body.WriteAsync(source.Body, context.RequestAborted);
    }

    private static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Equals(etag, StringComparison.Ordinal));
        }

        return lastModified is { } modified
            && request.GetTypedHeaders().IfModifiedSince is { } since
            && TruncateToSeconds(modified) <= since;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset instant) =>
        new(instant.Ticks - instant.Ticks % TimeSpan.TicksPerSecond, instant.Offset);
}
