# syntax=docker/dockerfile:1
# MediaMatrix container image.
#
#   docker build -t mediamatrix .
#   docker run --rm -p 8080:8080 --read-only --tmpfs /tmp \
#     -v "$PWD/config:/config:ro" -e Matrix__Config=/config/matrix.example.yaml mediamatrix
#
# Two stages: build with the .NET SDK, run on the ASP.NET Core runtime as the non-root `app` user
# (UID 1654, created by the base image). The runtime stage writes nothing outside /tmp, so it runs
# with a read-only root filesystem (docker --read-only --tmpfs /tmp; the Helm chart mounts an
# emptyDir at /tmp). See docs/deploy.md.

# ---- build ---------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so the package layer is cached until a project or a
# package version changes. Every project that MediaMatrix.csproj references must be listed here.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt ./
COPY src/MediaMatrix/MediaMatrix.csproj src/MediaMatrix/
COPY src/MediaMatrix.Monitoring/MediaMatrix.Monitoring.csproj src/MediaMatrix.Monitoring/
COPY src/MediaMatrix.Simulator/MediaMatrix.Simulator.csproj src/MediaMatrix.Simulator/
RUN dotnet restore src/MediaMatrix/MediaMatrix.csproj

# Then the sources (and config/, which the app project ships beside the binary: the demo matrix).
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/MediaMatrix/MediaMatrix.csproj -c Release -o /app --no-restore --no-self-contained

# ---- runtime -------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .

# The matrix config is mounted at /config (a ConfigMap in the Helm chart).
# Urls: the `serve` verb binds to its `Urls` setting (else 127.0.0.1:5300, loopback only), so the
#   image sets it; ASPNETCORE_HTTP_PORTS is cleared so the runtime does not warn about the override.
# TMPDIR / DOTNET_EnableDiagnostics=0: nothing is written outside /tmp, and the runtime opens no
#   diagnostics socket (set DOTNET_EnableDiagnostics=1 with a writable /tmp to use dotnet-trace).
# /metrics is served on the UI/API port (8080) unless Metrics__Port is set: then only on that port
#   (9090 by convention, exposed below), and 8080 no longer answers /metrics.
ENV Urls=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Matrix__Config=/config/matrix.yaml \
    TMPDIR=/tmp \
    DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0
VOLUME /config
EXPOSE 8080 9090

# The base image's non-root `app` user, by number so Kubernetes can verify runAsNonRoot.
USER 1654:1654

# The runtime image has no curl: the binary checks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/app/mediamatrix", "healthcheck", "--url", "http://127.0.0.1:8080/healthz"]

ENTRYPOINT ["/app/mediamatrix"]
CMD ["serve"]
