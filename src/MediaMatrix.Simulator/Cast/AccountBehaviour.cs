namespace MediaMatrix.Simulator.Cast;

/// <summary>
/// How a simulated account behaves: its posting history (Active … Zombie) or how its source
/// misbehaves when read (Down … Hostile). The history-shaped ones mirror the rubric's cases:
/// the 2-week veto, the 90-day zombie and the ≤ 3-posts-in-90-days dormant rule.
/// </summary>
public enum AccountBehaviour
{
    /// <summary>Posts on cadence (head 3–6 a day, members one every 1–2 days), including after start.</summary>
    Active,

    /// <summary>Posted regularly, then only rarely; the last post is 10–12 days before the anchor (still qualified, an early warning).</summary>
    Slowing,

    /// <summary>The last post is 15–25 days before the anchor: unqualified by the 2-week veto but not a zombie.</summary>
    Quiet,

    /// <summary>At most 3 posts in the 90 days before the anchor, the last one 30–60 days before it.</summary>
    Dormant,

    /// <summary>The last post is 130–200 days before the anchor.</summary>
    Zombie,

    /// <summary>Every source request answers 503 with a plain-text body.</summary>
    Down,

    /// <summary>Active history, but every third source request (3rd, 6th, 9th …) answers 503: 30 % of requests, deterministically.</summary>
    Flaky,

    /// <summary>Every source request answers 429 with Retry-After: 3600.</summary>
    RateLimited,

    /// <summary>Active history; after <see cref="SimulatedAccount.LayoutChangesAfterRequests"/> source requests the HTML list switches to a markup the gov-list profile does not match.</summary>
    LayoutChanged,

    /// <summary>Active history, but the dates are missing or garbage (HTML date element, feed date fields).</summary>
    Undated,

    /// <summary>Active history; the HTML list (or XML feed) is encoded in GBK and says so.</summary>
    Gbk,

    /// <summary>Active history whose titles and links carry XSS payloads (<see cref="History.HostilePayloads"/>).</summary>
    Hostile,

    // Hostile transports, for the fetcher's reliability scenarios (reliability.md F1–F4, F9, F12).

    /// <summary>403 with an anti-bot challenge page, as a WAF in front of a government site answers a scraper (F12).</summary>
    Blocked,

    /// <summary>Six redirects before the real source: a fetcher limited to five hops fails (F4).</summary>
    RedirectChain,

    /// <summary>Redirects between two URLs for ever (F4).</summary>
    RedirectLoop,

    /// <summary>A 100 MiB chunked body without Content-Length (F1).</summary>
    Oversized,

    /// <summary>A small body that inflates to 128 MiB: brotli if the client accepts it, else gzip (F2).</summary>
    CompressionBomb,

    /// <summary>Accepts the request and never sends the headers, until the client gives up or the simulator stops (F3).</summary>
    Stalled,

    /// <summary>Sends the headers, then one byte of body per second of the simulator's clock (F3).</summary>
    Trickle,

    /// <summary>An RSS feed with a DTD: nested entities (billion laughs) and external entities to a file and to the simulator's canary URL (F9).</summary>
    XmlBomb,
}
