namespace MediaMatrix.Web.Resources;

/// <summary>
/// The one resource class of the pages: <c>IStringLocalizer&lt;SharedResource&gt;</c>. The key is the Simplified Chinese
/// text (zh-CN is the default culture, so a key is its own zh value); <c>SharedResource.en.resx</c> holds the English.
/// </summary>
#pragma warning disable CA1052 // A marker type for the localizer, never instantiated.
internal sealed class SharedResource
#pragma warning restore CA1052
{
}
