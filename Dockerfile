# One Dockerfile for every exporter of the suite. Pick the module with build args:
#
#   docker build --build-arg MODULE=mysql-exporter --build-arg EXPORTER_PORT=9104 -t localhost/exporter-suite/mysql-exporter .
#   docker build --build-arg MODULE=redis-exporter --build-arg EXPORTER_PORT=9121 -t localhost/exporter-suite/redis-exporter .
#
# BUILD_IMAGE and RUNTIME_IMAGE name the public base images; scripts/build-images.sh replaces them with local
# stand-ins made with debootstrap where no registry is reachable. See docs/deployment.md.

ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre-jammy

# ---------------------------------------------------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS build
ARG MODULE
ARG EXPORTER_PORT
# Refuse a missing or mismatched module/port pair early: EXPOSE and the HEALTHCHECK depend on it.
RUN case "${MODULE}:${EXPORTER_PORT}" in \
      mysql-exporter:9104|redis-exporter:9121|kafka-exporter:9308|oracle-exporter:9161) ;; \
      *) echo "set --build-arg MODULE=<module> and its EXPORTER_PORT" \
              "(mysql-exporter 9104, redis-exporter 9121, kafka-exporter 9308, oracle-exporter 9161);" \
              "got '${MODULE}' '${EXPORTER_PORT}'" >&2; exit 1 ;; \
    esac
WORKDIR /src
COPY . .
# The reactor reads every module's pom; -pl/-am builds only the chosen module and exporter-core.
RUN --mount=type=cache,id=exporter-suite-m2,target=/root/.m2 \
    mvn -B -ntp -q -pl "${MODULE}" -am -DskipTests package \
 && cp "${MODULE}/target/${MODULE}.jar" /exporter.jar \
 && java -jar /exporter.jar --help > /dev/null

# ---------------------------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE}
ARG MODULE
ARG EXPORTER_PORT
ARG VERSION=dev
ARG REVISION=unknown
ARG CREATED=unknown
ARG RUNTIME_IMAGE

LABEL org.opencontainers.image.title="${MODULE}" \
      org.opencontainers.image.description="Prometheus ${MODULE} of the exporter-suite (Java, YAML custom metrics)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.vendor="exporter-suite" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="${RUNTIME_IMAGE}"

# A fixed, unprivileged uid so that mounted files can be made readable to it (chown 10001 or world-readable).
RUN groupadd --gid 10001 exporter \
 && useradd --uid 10001 --gid exporter --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin exporter \
 && mkdir -p "/etc/${MODULE}" /opt/exporter

COPY --from=build /exporter.jar /opt/exporter/exporter.jar
COPY configs/${MODULE}/metrics.yaml /usr/share/${MODULE}/metrics.example.yaml
COPY scripts/healthcheck.sh /opt/exporter/healthcheck.sh

# Small, steady footprint for a process that answers a scrape every few seconds: one serial GC thread, a heap
# capped well below the usual container limits, C1 only (less compiler memory and CPU), glibc's free memory handed
# back to the system every 5 s (TrimNativeHeapInterval, JDK 17.0.9 and later), fail fast on OOM. Each flag was
# chosen by measurement: docs/performance.md has the figures and how to re-run them (bench/run.sh reads this line).
# Override the whole set with -e JAVA_OPTS=... . MALLOC_ARENA_MAX=2 keeps glibc from giving every scrape thread
# its own malloc arena (see mysql-exporter/README.md's memory notes).
ENV EXPORTER_MODULE=${MODULE} \
    EXPORTER_PORT=${EXPORTER_PORT} \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-XX:+UseSerialGC -Xms16m -Xmx128m -Xss512k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError"

# Config files and custom metrics are mounted here, e.g. -v ./configs/mysql-exporter:/etc/mysql-exporter:ro and
# --custom.metrics=/etc/mysql-exporter/metrics.yaml (a directory of *.yaml works as well).
WORKDIR /etc/${MODULE}
USER 10001:10001
EXPOSE ${EXPORTER_PORT}

# scripts/healthcheck.sh: healthy with or without --web.config.file (TLS, basic auth); EXPORTER_PORT must follow a
# changed --web.listen-address port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "/opt/exporter/healthcheck.sh"]

# exec: java is PID 1 and gets SIGTERM (clean shutdown) and SIGHUP (reload of the metrics files).
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /opt/exporter/exporter.jar \"$@\"", "exporter"]
