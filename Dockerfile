# syntax=docker/dockerfile:1
# Multi-stage: build with the SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/MediaMatrix/MediaMatrix.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The matrix config is mounted here (a ConfigMap in the Helm chart).
VOLUME /config
ENV ASPNETCORE_URLS=http://+:8080 \
    Matrix__Config=/config/matrix.yaml \
    DOTNET_gcServer=0
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD ["/app/mediamatrix", "healthcheck"]
ENTRYPOINT ["/app/mediamatrix"]
CMD ["serve"]
