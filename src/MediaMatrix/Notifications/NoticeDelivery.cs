namespace MediaMatrix.Notifications;

/// <summary>One notice to one destination: a chat route, or one recipient of an e-mail route.</summary>
internal sealed record NoticeDelivery(NoticeRoute Route, string? Recipient, AlertNotice Notice)
{
    /// <summary>Which attempt this is in this replica's go (1-based): the outbox counts them for the back-off.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The idempotency key: alert key, transition, route (and recipient). Sent once per key, cluster-wide.</summary>
    public string Key => $"{Notice.AlertKey}|{Notice.TransitionKey}|{Route.Id}" + (Recipient is null ? string.Empty : "|" + Recipient);

    /// <summary>The notice for every route that accepts it; an e-mail route gives one delivery per recipient.</summary>
    public static IEnumerable<NoticeDelivery> ToRoutes(AlertNotice notice, IEnumerable<NoticeRoute> routes) =>
        routes.Where(r => r.Accepts(notice)).SelectMany(r => r.Kind == RouteKind.Email
            ? r.Recipients.Select(to => new NoticeDelivery(r, to, notice))
            : [new NoticeDelivery(r, null, notice)]);
}
