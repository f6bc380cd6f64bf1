using MediaMatrix.Monitoring.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace MediaMatrix.Access;

/// <summary>
/// Where login sessions live: beside the rest of the data (Redis when <c>Store:Kind</c> is redis, else in process), so
/// every replica honours a logout; and, with Redis, the data protection key ring too, so a cookie one replica issued is
/// read by every other (docs/access.md, "Sessions").
/// </summary>
internal static class Sessions
{
    /// <summary>The auth cookie's sliding lifetime, and the TTL of its session record.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(10);

    public static IServiceCollection AddSessionStore(this IServiceCollection services, IConfiguration settings)
    {
        services.AddDataProtection().SetApplicationName("MediaMatrix");
        if (!string.Equals(settings["Store:Kind"], "redis", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISessionStore>(sp => new InMemorySessionStore(sp.GetRequiredService<TimeProvider>()));
            return services;
        }

        services.AddSingleton<ISessionStore>(sp => new RedisSessionStore(
            sp.GetRequiredService<IConnectionMultiplexer>(), new RedisKeys(sp.GetRequiredService<StoreOptions>().KeyPrefix)));
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            var key = new RedisKeys(sp.GetRequiredService<StoreOptions>().KeyPrefix).DataProtectionKeys;
            o.XmlRepository = new RedisXmlRepository(() => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), key);
        });
        return services;
    }
}
