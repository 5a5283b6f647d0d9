package dev.exportersuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files of configs/, the Dockerfile and the image scripts, checked without running the stack: the real
 * validators (promtool, docker-compose) accept them, and they agree with each other and with the modules.
 */
class ShippedConfigTest {

  @Test
  void promtoolAcceptsThePrometheusConfig() throws Exception {
    Tools.Result r = Tools.run(Duration.ofSeconds(60), "promtool", "check", "config",
        Repo.path("configs/prometheus/prometheus.yml").toString());
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  @Test
  void dockerComposeAcceptsTheComposeFile() throws Exception {
    assertThat(Tools.onPath("docker-compose")).as("docker-compose is installed (Debian package docker-compose; "
        + "scripts/services.sh installs it)").isTrue();
    for (List<String> args : List.of(List.of("config", "-q"), List.of("--profile", "demo", "config", "-q"))) {
      List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml"));
      command.addAll(args);
      Tools.Result r = Tools.run(Duration.ofSeconds(60), Repo.path("configs"), command.toArray(String[]::new));
      assertThat(r.exitCode()).as("%s:\n%s", command, r.output()).isZero();
    }
  }

  @Test
  void composeRunsEveryModuleBesidePrometheusAndGrafana() {
    Compose compose = Compose.shipped();
    for (String name : List.of("prometheus", "grafana")) {
      assertThat(compose.service(name)).containsKeys("image", "volumes", "networks", "restart");
    }
    for (Repo.Module m : Repo.MODULES) {
      Map<String, Object> s = compose.service(m.name());
      // the name scripts/build-images.sh and the docs' docker build give the image, also after docker load
      assertThat(Compose.substitute(String.valueOf(s.get("image")))).as(m.name())
          .startsWith("localhost/exporter-suite/" + m.name() + ":");
      assertThat(s.get("restart")).as(m.name()).isNotNull();
      assertThat(Repo.list(s.get("networks"))).as(m.name()).contains("monitoring");
      assertThat(Repo.list(s.get("volumes"))).as(m.name())
          .contains("./" + m.name() + ":/etc/" + m.name() + ":ro");
      assertThat(Repo.list(s.get("ports"))).as(m.name()).contains(m.defaultPort() + ":" + m.defaultPort());
      assertThat(compose.command(m.name())).as(m.name())
          .contains("--custom.metrics=/etc/" + m.name() + "/metrics.yaml");
    }
    // Grafana reads what configs/grafana holds, where the dashboard provider looks for it.
    Map<String, Object> provider = Repo.map(Repo.list(Repo.readMap(
        Repo.path("configs/grafana/provisioning/dashboards/exporter-suite.yml")).get("providers")).get(0));
    String dashboardsPath = String.valueOf(Repo.map(provider.get("options")).get("path"));
    assertThat(Repo.list(compose.service("grafana").get("volumes")))
        .contains("./grafana/provisioning:/etc/grafana/provisioning:ro",
            "./grafana/dashboards:" + dashboardsPath + ":ro");
    assertThat(Repo.list(compose.service("prometheus").get("volumes")))
        .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
  }

  /**
   * kafka-exporter keeps the seed's kafka_exporter command (--kafka.server from KAFKA_HOST and KAFKA_PORT), and its
   * default is the demo broker: one apache/kafka node in KRaft mode (broker and controller) that advertises that
   * address, with the replication settings of the e2e run's broker ({@link KafkaBroker#ONE_NODE_SETTINGS}).
   */
  @Test
  void kafkaExporterKeepsTheSeedsCommandAndTheDemoBrokerIsOneKraftNode() {
    Compose compose = Compose.shipped();
    List<Object> raw = Repo.list(compose.service("kafka-exporter").get("command"));
    assertThat(String.valueOf(raw.get(0))).matches("--kafka\\.server=\\$\\{KAFKA_HOST[^}]*}:\\$\\{KAFKA_PORT[^}]*}");
    String server = compose.command("kafka-exporter").get(0).substring("--kafka.server=".length());

    Map<String, Object> demo = compose.service("kafka");
    assertThat(Repo.list(demo.get("profiles"))).containsExactly("demo");
    assertThat(String.valueOf(demo.get("image"))).startsWith("apache/kafka:");
    Map<String, String> env = compose.environment("kafka");
    assertThat(env.get("KAFKA_PROCESS_ROLES").split(",")).containsExactlyInAnyOrder("broker", "controller");
    assertThat(env.get("KAFKA_ADVERTISED_LISTENERS").split(",")).contains("PLAINTEXT://" + server);
    KafkaBroker.ONE_NODE_SETTINGS.forEach((property, value) ->
        assertThat(env).as(property).containsEntry(KafkaBroker.imageVariable(property), value));
  }

  @Test
  void everyMountedFileOfTheComposeFileExists() {
    Compose compose = Compose.shipped();
    for (Object s : compose.services().values()) {
      for (Object v : Repo.list(Repo.map(s).get("volumes"))) {
        String source = String.valueOf(v).split(":")[0];
        if (source.startsWith("./")) {
          assertThat(Repo.path("configs").resolve(source)).as(String.valueOf(v)).exists();
        }
      }
    }
  }

  @Test
  void prometheusScrapesEveryModuleSingleAndMultiTarget() {
    List<Object> jobs = Repo.list(PrometheusConfig.shipped().get("scrape_configs"));
    for (Repo.Module m : Repo.MODULES) {
      String exporter = m.name() + ":" + m.defaultPort();
      boolean single = false;
      boolean multi = false;
      for (Object o : jobs) {
        Map<String, Object> job = Repo.map(o);
        List<Object> targets = new ArrayList<>();
        Repo.list(job.get("static_configs")).forEach(sc -> targets.addAll(Repo.list(Repo.map(sc).get("targets"))));
        single |= targets.contains(exporter);
        multi |= Repo.list(job.get("relabel_configs")).stream()
            .anyMatch(r -> exporter.equals(Repo.map(r).get("replacement"))
                && "__address__".equals(Repo.map(r).get("target_label")));
      }
      assertThat(single).as("a job scraping %s directly", exporter).isTrue();
      // a module without a multi-target endpoint (oracle-exporter) must not get a job that would scrape one
      assertThat(multi).as("a multi-target job relabelling __address__ to %s", exporter).isEqualTo(m.multiTarget());
    }
  }

  @Test
  void grafanaDatasourceHasTheUidTheDashboardsUse() {
    Map<String, Object> ds = Repo.map(Repo.list(Repo.readMap(
        Repo.path("configs/grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0));
    assertThat(ds).containsEntry("type", "prometheus").containsEntry("uid", "prometheus")
        .containsEntry("url", "http://prometheus:9090");
    for (Path f : Dashboards.files()) {
      for (Map<String, Object> p : Dashboards.panels(Dashboards.read(f))) {
        if ("row".equals(p.get("type"))) {
          continue;
        }
        assertThat(Repo.map(p.get("datasource"))).as("%s panel %s", f.getFileName(), p.get("title"))
            .containsEntry("uid", "prometheus");
      }
    }
  }

  @Test
  void oneDashboardPerModuleWithInstanceAndTeamVariables() {
    Set<String> uids = new HashSet<>();
    for (Repo.Module m : Repo.MODULES) {
      Path f = Dashboards.dir().resolve(m.name() + ".json");
      assertThat(f).exists();
      Map<String, Object> d = Dashboards.read(f);
      assertThat(uids.add(String.valueOf(d.get("uid")))).as("unique uid in %s", f).isTrue();
      assertThat(String.valueOf(d.get("title"))).isNotBlank();
      List<String> names = Dashboards.variables(f).stream().map(Dashboards.Variable::name).toList();
      assertThat(names).as(f.toString()).contains("instance", "team");
      Set<Integer> ids = new HashSet<>();
      for (Map<String, Object> p : Dashboards.panels(d)) {
        assertThat(ids.add((Integer) p.get("id"))).as("unique panel id %s in %s", p.get("id"), f).isTrue();
        for (Object t : Repo.list(p.get("targets"))) {
          String expr = String.valueOf(Repo.map(t).get("expr"));
          Matcher ours = Pattern.compile("\\b" + m.namespace() + "_[a-z0-9_]+\\{([^}]*)}").matcher(expr);
          while (ours.find()) {
            assertThat(ours.group(1)).as("%s panel '%s' filters by $instance: %s", f.getFileName(),
                p.get("title"), expr).contains("instance=~\"$instance\"");
          }
        }
      }
    }
  }

  @Test
  void dockerfileAndBuildScriptKnowEveryModulesPort() {
    String dockerfile = Repo.read(Repo.path("Dockerfile"));
    String script = Repo.read(Repo.path("scripts/build-images.sh"));
    for (Repo.Module m : Repo.MODULES) {
      assertThat(dockerfile).contains(m.name() + ":" + m.defaultPort());
      assertThat(script).containsPattern(Pattern.quote(m.name()) + "\\) echo " + m.defaultPort() + " ;;");
    }
    assertThat(dockerfile).contains("HEALTHCHECK", "COPY scripts/healthcheck.sh /opt/exporter/healthcheck.sh",
        "/opt/exporter/healthcheck.sh\"]", "USER 10001", "EXPOSE ${EXPORTER_PORT}", "org.opencontainers.image.",
        "ARG RUNTIME_IMAGE=", "ARG BUILD_IMAGE=");
    assertThat(Repo.read(Repo.path("scripts/healthcheck.sh"))).contains("GET /-/healthy", "EXPORTER_PORT");
  }

  /** No registry or mirror host is ever written into the repo: the scripts read the machine's own settings. */
  @Test
  void noRegistryHostIsWrittenIntoTheImageFilesOrConfigs() throws IOException {
    Pattern host = Pattern.compile("(?i)\\b(?:[a-z0-9-]+\\.)+(?:org|com|io|net|dev)(?::\\d+)?/");
    List<Path> files = new ArrayList<>(List.of(Repo.path("Dockerfile"), Repo.path(".dockerignore"),
        Repo.path("scripts/build-images.sh"), Repo.path("scripts/smoke-image.sh"), Repo.path("docs/deployment.md")));
    try (Stream<Path> s = Files.walk(Repo.path("configs"))) {
      s.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path f : files) {
      Matcher m = host.matcher(Repo.read(f));
      assertThat(m.find()).as("%s names a host: %s", f, m.find(0) ? m.group() : "").isFalse();
    }
  }

  /** Each module's custom metrics example is in configs/&lt;module&gt;/, where the image and compose expect it. */
  @Test
  void everyModuleHasACustomMetricsExample() {
    for (Repo.Module m : Repo.MODULES) {
      Path f = m.configDir().resolve("metrics.yaml");
      assertThat(f).exists();
      assertThat(Repo.list(Repo.readMap(f).get("metrics"))).as(f.toString()).isNotEmpty();
      assertThat(Repo.read(f)).as("%s explains itself", f).contains("# ");
    }
  }
}
