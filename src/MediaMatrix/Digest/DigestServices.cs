using MediaMatrix.Hosting;

namespace MediaMatrix.Digest;

/// <summary>The digest's object graph, used by <c>serve</c> (the weekly job) and the <c>digest</c> verb. Needs
/// <c>AddMonitoring</c> and <see cref="AddSmtp"/> first.</summary>
internal static class DigestServices
{
    /// <summary>The one SMTP transport (<c>Smtp</c>), shared by the digest and e-mail notices.</summary>
    public static IServiceCollection AddSmtp(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(SettingsSection.Read<SmtpOptions>(settings, "Smtp", o => o.Validate()));
        services.AddSingleton<DigestMailer>();
        return services;
    }

    public static IServiceCollection AddWeeklyDigest(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(Read(settings));
        services.AddSingleton<DigestSender>();
        services.AddSingleton<DigestOutbox>();
        services.AddSingleton<WeeklyDigest>();
        return services;
    }

    /// <summary>The checked <c>Digest</c> section.</summary>
    public static DigestOptions Read(IConfiguration settings) => SettingsSection.Read<DigestOptions>(settings, "Digest", o => o.Validate());
}
