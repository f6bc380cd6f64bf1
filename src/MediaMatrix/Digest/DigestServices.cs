namespace MediaMatrix.Digest;

/// <summary>The digest's object graph, used by <c>serve</c> (the weekly job) and the <c>digest</c> verb. Needs <c>AddMonitoring</c> first.</summary>
internal static class DigestServices
{
    public static IServiceCollection AddWeeklyDigest(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(settings.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddSingleton(settings.GetSection("Digest").Get<DigestOptions>() ?? new DigestOptions());
        services.AddSingleton<DigestMailer>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<DigestOutbox>();
        services.AddSingleton<WeeklyDigest>();
        return services;
    }
}
