using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Polling;

namespace MediaMatrix.Monitoring.Extraction;

/// <summary>
/// Finds the JSON literal a page assigns to a script variable (<c>var msgList = {…};</c>): WeChat's
/// history page has no post markup, only this. Some pages quote the literal as a string with HTML
/// entities; that form is unwrapped too.
/// </summary>
internal static class ScriptJson
{
    public static JsonDocument Find(string html, string variable)
    {
        var assignment = new Regex(@"\b" + Regex.Escape(variable) + @"\s*=\s*", RegexOptions.None, TimeSpan.FromSeconds(1)).Match(html);
        if (!assignment.Success)
        {
            throw new ExtractionException(FetchErrorClass.Empty, $"no script assigns '{variable}' on the page");
        }

        var rest = Encoding.UTF8.GetBytes(html[(assignment.Index + assignment.Length)..]);
        var reader = new Utf8JsonReader(rest, new JsonReaderOptions { AllowTrailingCommas = true, MaxDepth = 64 });
        JsonDocument document;
        try
        {
            // ParseValue stops after one value, so the script that follows it does not matter.
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new ExtractionException(FetchErrorClass.Parse, $"'{variable}' on the page is not a JSON literal: {ex.Message}", ex);
        }

        if (document.RootElement.ValueKind != JsonValueKind.String)
        {
            return document;
        }
        using (document)
        {
            var quoted = WebUtility.HtmlDecode(document.RootElement.GetString() ?? string.Empty);
            return JsonDocument.Parse(quoted, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 64 });
        }
    }
}
