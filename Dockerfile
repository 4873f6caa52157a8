# syntax=docker/dockerfile:1
#
# One image recipe for every Civic Taskforce service, chosen with the SERVICE build argument:
#
#   docker build --build-arg SERVICE=membership-service -t civic-taskforce/membership-service:dev .
#
# SERVICE is one of: membership-service, research-service, strategy-service, notification-service, identity-service,
# gateway.
# docker-compose.yml builds all five from this file.
#
# The build stage does not use SERVICE, so its layers are the same for all five images: BuildKit builds the
# Maven reactor once and every image takes its own jar from it.
#
# Base images are pinned to exact versions (see docker-compose.yml for the infrastructure images); bump them
# deliberately, together with the Java version in pom.xml.

############################################################################################################
# web: the web workspace (module web-client), built by npm from its lockfile on Node 20; the gateway serves it
############################################################################################################
FROM node:20.19.5-bookworm-slim AS web
WORKDIR /web
COPY web-client/package.json web-client/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web-client/ ./
RUN npm run --silent build

############################################################################################################
# build: the whole reactor, on Maven + Temurin 17
############################################################################################################
FROM maven:3.9.16-eclipse-temurin-17-noble AS build
WORKDIR /workspace

# 1. Only the wrapper and the poms, so the dependency download below is a cached layer that a source change
#    does not invalidate. Every module of the root pom's <modules> must be listed here
#    (ComposeFileTest checks that).
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY event-contracts/pom.xml event-contracts/
COPY access-tokens/pom.xml access-tokens/
COPY platform-kit/pom.xml platform-kit/
COPY document-renderer/pom.xml document-renderer/
COPY meeting-calendar/pom.xml meeting-calendar/
COPY membership-service/pom.xml membership-service/
COPY research-service/pom.xml research-service/
COPY strategy-service/pom.xml strategy-service/
COPY notification-service/pom.xml notification-service/
COPY identity-service/pom.xml identity-service/
COPY gateway/pom.xml gateway/
COPY devstack/pom.xml devstack/
COPY system-tests/pom.xml system-tests/
COPY load-tests/pom.xml load-tests/
COPY web-client/pom.xml web-client/
# The project's own modules are not in any repository yet: leave them to the reactor build.
RUN chmod +x mvnw \
 && ./mvnw -B -q dependency:go-offline -DexcludeGroupIds=org.civictaskforce

# 2. The sources, then the reactor. Tests run in CI, not in the image build (-DskipTests also skips the
#    system-tests module's npm step).
COPY . .
# web-client's npm steps ran in the "web" stage (this image has no Node): its built files go where Maven packs
# them, and exec.skip leaves npm out of the reactor
COPY --from=web /web/target/classes/static/ web-client/target/classes/static/
RUN ./mvnw -B -DskipTests -Dexec.skip=true package

############################################################################################################
# extract: the chosen service's jar, split into Spring Boot layers (dependencies change less often than code)
############################################################################################################
FROM eclipse-temurin:17.0.20_8-jre-noble AS extract
ARG SERVICE
RUN test -n "${SERVICE}" \
 || { echo "Build with --build-arg SERVICE=<membership-service|research-service|strategy-service|notification-service|identity-service|gateway>" >&2; exit 1; }
WORKDIR /extract
COPY --from=build /workspace/${SERVICE}/target/${SERVICE}.jar service.jar
RUN java -Djarmode=tools -jar service.jar extract --layers --application-filename app.jar --destination layers

############################################################################################################
# runtime: a JRE, the service as /app/app.jar, a non-root user
############################################################################################################
FROM eclipse-temurin:17.0.20_8-jre-noble AS runtime
ARG SERVICE
LABEL org.opencontainers.image.title="civic-taskforce-${SERVICE}" \
      org.opencontainers.image.description="Civic Taskforce ${SERVICE}" \
      org.opencontainers.image.vendor="Civic Taskforce"

# A fixed numeric uid/gid, so Kubernetes' runAsNonRoot can verify it. The application files stay owned by
# root and read-only for this user; only /tmp is writable (Tomcat/Netty scratch space).
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
# Least-changing layer first. The application jar's manifest puts lib/*.jar on its class path.
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/spring-boot-loader/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./

ENV SERVICE_NAME=${SERVICE}

USER 10001:10001

# curl comes with the eclipse-temurin Ubuntu images (kept there "for historical reasons", adoptium/containers
# issue 255), so no extra package is needed for the probe. docker-compose.yml sets its own healthcheck per
# service; this one serves a plain `docker run`. Each service reads its port from SERVER_PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
  CMD curl -fsS "http://localhost:${SERVER_PORT:-8080}/actuator/health/readiness" > /dev/null || exit 1

# Heap sized from the container's memory limit (cgroup-aware JVM): 75 % heap leaves room for metaspace,
# threads and direct buffers. Exit on OOM so the orchestrator restarts a clean JVM. More flags can be
# passed with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:InitialRAMPercentage=25.0", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", "-jar", "/app/app.jar"]
