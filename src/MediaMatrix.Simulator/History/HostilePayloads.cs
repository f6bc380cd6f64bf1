namespace MediaMatrix.Simulator.History;

/// <summary>
/// What a compromised or malicious source might put in a title or link: everything downstream
/// (web UI, digest mail, bulletins) must show these as text and never follow the link.
/// </summary>
internal static class HostilePayloads
{
    public const string ScriptLink = "javascript:alert(1)";

    private static readonly string[] TitlePayloads =
    [
        "<img src=x onerror=alert(1)>",
        "<script>alert(document.cookie)</script>",
        "\"><svg onload=alert(1)>",
        "{{constructor.constructor('alert(1)')()}}",
    ];

    /// <summary>
    /// By place in the history: two posts in three get a payload in the title (before or after
    /// the real title, cycling through the payloads); every third gets a script link instead.
    /// </summary>
    public static SimulatedPost Infect(SimulatedPost post, int place) => (place % 3) switch
    {
        0 => post with { Link = ScriptLink },
        1 => post with { Title = TitlePayloads[place / 3 % TitlePayloads.Length] + post.Title },
        _ => post with { Title = post.Title + TitlePayloads[place / 3 % TitlePayloads.Length] },
    };
}
