using MediaMatrix.Monitoring.Storage;
using StackExchange.Redis;

namespace MediaMatrix.IntegrationTests.Notifications;

/// <summary>The stores one notification replica works on: alerts (what the rules open and the sweep reads), notices
/// (what the outbox claims and settles) and poll states (what the alert rules read).</summary>
internal sealed record NoticeStores(IAlertStore Alerts, INoticeStore Notices, IPostStore Posts)
{
    public static NoticeStores InMemory() => new(new InMemoryAlertStore(), new InMemoryNoticeStore(), new InMemoryPostStore(new StoreOptions()));

    public static NoticeStores OnRedis(IConnectionMultiplexer redis, StoreOptions options) =>
        new(new RedisAlertStore(redis, options), new RedisNoticeStore(redis, options), new RedisPostStore(redis, options));
}
