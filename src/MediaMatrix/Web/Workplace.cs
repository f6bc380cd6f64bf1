using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaMatrix.Web;

/// <summary>The services behind the pages and the API: the view over the engine, the task book, problem details, JSON shape, OpenAPI.</summary>
internal static class Workplace
{
    public static IServiceCollection AddWorkplace(this IServiceCollection services)
    {
        services.AddSingleton<TaskBook>();
        services.AddSingleton<MatrixView>();
        services.AddProblemDetails();
        services.AddExceptionHandler<StoreOutageHandler>();
        services.AddRetryAfterOnRejection();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddOpenApi("v1");
        return services;
    }
}
