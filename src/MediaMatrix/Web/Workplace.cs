using System.Text.Json;
using System.Text.Json.Serialization;
using MediaMatrix.Hosting;

namespace MediaMatrix.Web;

/// <summary>The services behind the pages and the API: the view over the engine (<c>Web</c>), the task book, readiness,
/// problem details, JSON shape, OpenAPI.</summary>
internal static class Workplace
{
    public static IServiceCollection AddWorkplace(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(SettingsSection.Read<WebOptions>(settings, "Web", o => o.Validate()));
        services.AddSingleton<Readiness>();
        services.AddSingleton<TaskBook>();
        services.AddSingleton<MatrixView>();
        services.AddSingleton<PassRateHistory>();
        services.AddProblemDetails();
        services.AddExceptionHandler<StoreOutageHandler>();
        services.AddRetryAfterOnRejection();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddOpenApi("v1");
        services.AddPageLocalization();
        return services;
    }
}
