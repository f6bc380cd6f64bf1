using System.Reflection;

namespace MediaMatrix.Web;

/// <summary>/static/app.css and /static/app.js from embedded resources: no CDN, works offline on an intranet.</summary>
internal static class StaticAssets
{
    private static readonly Dictionary<string, (string Type, byte[] Body)> Files = new(StringComparer.Ordinal)
    {
        ["app.css"] = ("text/css; charset=utf-8", Read("app.css")),
        ["app.js"] = ("text/javascript; charset=utf-8", Read("app.js")),
    };

    public static WebApplication MapStaticAssets(this WebApplication app)
    {
        app.MapGet("/static/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(file.Body, file.Type);
        }).AllowAnonymous();
        return app;
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MediaMatrix.Web.Static." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
