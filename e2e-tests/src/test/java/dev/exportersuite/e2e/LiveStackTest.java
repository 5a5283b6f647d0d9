package dev.exportersuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Http;
import dev.exportersuite.core.testing.Promtool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compose stack as processes (see {@link LiveStack}), checked through the real Prometheus: every target up,
 * the key metrics of each module queryable, every scraped output accepted by promtool, the shipped custom metrics
 * loaded and producing data.
 */
@ExtendWith(LiveStack.Extension.class)
class LiveStackTest {

  /**
   * Families whose names the suite keeps from mysqld_exporter, redis_exporter and kafka_exporter so that existing
   * dashboards and alerts keep working, and which promtool's naming lint flags in the Go exporters' own output just
   * the same:
   * MySQL's server variables and status counters verbatim (e.g. mysql_global_variables_max_error_count), and
   * redis_exporter's historical names. One more: redis_latency_percentiles_usec keeps redis_exporter's
   * quantile="50"/"99"/"99.9" labels, which the Java client refuses in a summary, so redis-exporter publishes it
   * as a gauge (see redis-exporter's default-metrics.yaml) and promtool flags a quantile label outside a summary.
   * From kafka_exporter: kafka_consumergroup_current_offset_sum and kafka_consumergroup_lag_sum, gauges whose
   * "_sum" suffix promtool reserves for summaries and histograms. Any other lint finding fails the test.
   */
  static final Pattern INHERITED_NAMES = Pattern.compile("^(?:mysql_global_variables_[a-z0-9_]+"
      + "|mysql_global_status_[a-z0-9_]+"
      + "|redis_(?:aof_current_rewrite_duration_sec|aof_last_rewrite_duration_sec|rdb_current_bgsave_duration_sec"
      + "|rdb_last_bgsave_duration_sec|expired_time_cap_reached_total|migrate_cached_sockets_total"
      + "|dump_payload_sanitizations|io_threaded_reads_processed|io_threaded_writes_processed|total_error_replies"
      + "|total_reads_processed|total_writes_processed|unexpected_error_replies"
      + "|last_key_groups_scrape_duration_milliseconds|latency_percentiles_usec)"
      + "|kafka_consumergroup_(?:current_offset|lag)_sum)$");

  @Test
  void everyJobOfTheShippedConfigAndTheTlsJobHasItsTargetsUp(LiveStack stack) throws Exception {
    List<Map<String, Object>> targets = stack.prometheus().activeTargets();
    Set<String> jobs = new LinkedHashSet<>();
    for (Map<String, Object> t : targets) {
      jobs.add(String.valueOf(t.get("scrapePool")));
      assertThat(t.get("health")).as("%s: %s%s", t.get("scrapeUrl"), t.get("lastError"), stack.report())
          .isEqualTo("up");
    }
    assertThat(jobs).containsExactlyInAnyOrderElementsOf(LiveStack.jobNames());
    PromApi.Answer up = stack.prometheus().query("up == 1");
    assertThat(up.result()).as(up.body()).hasSize(targets.size());
  }

  static Stream<Arguments> keyMetrics() {
    return Stream.of(
        // MySQL, single target and through /probe
        Arguments.of("mysql_up{job=\"mysql\"} == 1"),
        Arguments.of("mysql_up{job=\"mysql-probe\"} == 1"),
        Arguments.of("mysql_global_status_uptime{job=\"mysql\"} > 0"),
        Arguments.of("mysql_global_status_uptime{job=\"mysql-probe\"} > 0"),
        Arguments.of("mysql_global_status_threads_connected > 0"),
        Arguments.of("rate(mysql_global_status_queries[1m])"),
        Arguments.of("mysql_global_status_commands_total{command=\"select\"}"),
        Arguments.of("mysql_global_variables_max_connections > 0"),
        Arguments.of("mysql_global_status_innodb_buffer_pool_read_requests"),
        Arguments.of("mysql_version_info"),
        Arguments.of("mysql_exporter_last_scrape_error{job=\"mysql\"} == 0"),
        Arguments.of("increase(mysql_exporter_scrapes_total[1m]) > 0"),
        Arguments.of("mysql_exporter_collector_duration_seconds{collector=\"global_status\"}"),
        Arguments.of("mysql_exporter_last_scrape_duration_seconds"),
        // configs/mysql-exporter/metrics.yaml
        Arguments.of("mysql_team_sessions_sessions{team=\"platform\"} > 0"),
        Arguments.of("mysql_team_queries_value_total{variable_name=\"Select_scan\"}"),
        // Prometheus asks for OpenMetrics first; the bounds it stores are the Go exporters' (le="10"), which it
        // stores only when the exporter answers in text, as the Go exporters do.
        Arguments.of("mysql_team_session_age_seconds_bucket{job=\"mysql\", le=\"10\"} >= 0"),
        Arguments.of("absent(mysql_team_session_age_seconds_bucket{le=\"10.0\"})"),
        Arguments.of("histogram_quantile(0.5, mysql_team_session_age_seconds_bucket{job=\"mysql\"}) >= 0"),
        // Redis, single target and through /scrape
        Arguments.of("redis_up{job=\"redis\"} == 1"),
        Arguments.of("redis_up{job=\"redis-targets\"} == 1"),
        Arguments.of("redis_uptime_in_seconds > 0"),
        Arguments.of("redis_connected_clients > 0"),
        Arguments.of("redis_memory_used_bytes > 0"),
        Arguments.of("rate(redis_commands_processed_total[1m])"),
        Arguments.of("redis_commands_total{cmd=\"info\"}"),
        Arguments.of("redis_exporter_last_scrape_error{job=\"redis\"} == 0"),
        Arguments.of("increase(redis_exporter_scrapes_total[1m]) > 0"),
        Arguments.of("redis_exporter_last_scrape_duration_seconds"),
        // Oracle: no server runs here (see WithoutServer), so the exporter must say the database is down, keep
        // counting scrapes and report the failed one; its database metrics cannot be queried.
        Arguments.of("oracledb_up{job=\"oracle\"} == 0"),
        Arguments.of("oracledb_exporter_last_scrape_error{job=\"oracle\"} == 1"),
        Arguments.of("increase(oracledb_exporter_scrapes_total{job=\"oracle\"}[1m]) > 0"),
        Arguments.of("oracledb_exporter_last_scrape_duration_seconds{job=\"oracle\"}"),
        Arguments.of("oracledb_exporter_build_info{job=\"oracle\"} == 1"),
        // Kafka: the broker of the test JVM (the exact figures are KafkaLiveTest's)
        Arguments.of("kafka_up{job=\"kafka\"} == 1"),
        Arguments.of("kafka_brokers{job=\"kafka\"} == 1"),
        Arguments.of("kafka_topic_partitions{job=\"kafka\", topic=\"__consumer_offsets\"} > 0"),
        Arguments.of("kafka_consumergroup_lag_sum{job=\"kafka\"} > 0"),
        Arguments.of("kafka_exporter_last_scrape_error{job=\"kafka\"} == 0"),
        Arguments.of("increase(kafka_exporter_scrapes_total{job=\"kafka\"}[1m]) > 0"),
        Arguments.of("kafka_exporter_collector_duration_seconds{job=\"kafka\", collector=\"consumergroups\"}"),
        Arguments.of("kafka_exporter_last_scrape_duration_seconds{job=\"kafka\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyMetrics")
  void keyMetricIsQueryable(String promql, LiveStack stack) throws Exception {
    PromApi.Answer a = stack.prometheus().query(promql);
    assertThat(a.ok()).as("%s: %s", promql, a.body()).isTrue();
    assertThat(a.result()).as("%s returned no series%s", promql, stack.report()).isNotEmpty();
  }

  @Test
  void everyScrapedOutputPassesPromtool(LiveStack stack) throws Exception {
    List<String> urls = stack.scrapeUrls();
    assertThat(urls).isNotEmpty();
    for (String url : urls) {
      if (url.contains("/metrics") && url.startsWith(stack.prometheus().base())) {
        continue; // Prometheus's own
      }
      Http.Response r = Http.get(url, "text/plain; version=0.0.4");
      assertThat(r.status()).as(url).isEqualTo(200);
      Promtool.Result lint = Promtool.checkMetrics(r.body());
      // exit 1: the text does not parse; exit 3: lint findings only, which must all be names from the server
      assertThat(lint.exitCode()).as("promtool check metrics on %s:\n%s", url, lint.output()).isIn(0, 3);
      assertThat(unexplainedLintFindings(lint.output())).as("promtool check metrics on %s", url).isEmpty();
    }
  }

  static List<String> unexplainedLintFindings(String promtoolOutput) {
    List<String> out = new ArrayList<>();
    for (String line : promtoolOutput.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String family = line.split(" ", 2)[0];
      if (!INHERITED_NAMES.matcher(family).matches()) {
        out.add(line);
      }
    }
    return out;
  }

  /**
   * Every enabled entry of configs/&lt;module&gt;/metrics.yaml yields a family in the exporter's output. LIMITATION:
   * for a module without a server here (Oracle) the families are those --check-config lists for the file as the
   * compose service loads it; that the queries run on a real database is not shown.
   */
  @Test
  void shippedCustomMetricsProduceTheirFamilies(LiveStack stack) throws Exception {
    for (Repo.Module m : Repo.MODULES) {
      String text;
      if (m.serverInTests()) {
        text = Http.get(stack.exporterUrl(m.name(), "/metrics"), "text/plain; version=0.0.4").body();
      } else {
        Tools.Result r = CheckConfig.run(m);
        assertThat(r.exitCode()).as("%s --check-config:\n%s", m.name(), r.output()).isZero();
        // "      gauge oracledb_x [labels]" read as "# TYPE oracledb_x gauge" for the check below
        text = r.output().replaceAll("(?m)^\\s+(gauge|counter|untyped|histogram|summary) (\\S+).*$", "# TYPE $2 $1");
      }
      for (Object o : Repo.list(Repo.readMap(m.configDir().resolve("metrics.yaml")).get("metrics"))) {
        Map<String, Object> entry = Repo.map(o);
        if (Boolean.FALSE.equals(entry.get("enabled")) || Boolean.TRUE.equals(entry.get("ignorezeroresult"))) {
          continue;
        }
        for (Object column : Repo.map(entry.get("metricsdesc")).keySet()) {
          String family = (m.namespace() + "_" + entry.get("context") + "_" + column).toLowerCase();
          Matcher found = Pattern.compile("(?m)^# TYPE " + Pattern.quote(family) + "(_total)? ").matcher(text);
          assertThat(found.find()).as("%s: %s from %s/metrics.yaml", m.name(), family, m.configDir()).isTrue();
        }
      }
    }
  }

  /** The exporters answer /-/healthy and /-/ready as the image's HEALTHCHECK and compose expect. */
  @Test
  void exportersAnswerTheirHealthEndpoints(LiveStack stack) throws Exception {
    for (Repo.Module m : Repo.MODULES) {
      assertThat(Http.get(stack.exporterUrl(m.name(), "/-/healthy")).status()).as(m.name()).isEqualTo(200);
      assertThat(Http.get(stack.exporterUrl(m.name(), "/-/ready")).status()).as(m.name()).isEqualTo(200);
    }
  }

  /** Every metrics file shipped in configs/, enabled entries or not, passes the exporter's own --check-config. */
  @Test
  void shippedMetricsFilesPassCheckConfig() throws Exception {
    for (Repo.Module m : Repo.MODULES) {
      // the compose service's environment: oracle-exporter needs its DSN (DATA_SOURCE_NAME) even to check files
      Tools.Result r = Tools.run(Duration.ofSeconds(60), null, Compose.shipped().environment(m.name()), java(),
          "-jar", m.jar().toString(), "--custom.metrics=" + m.configDir().resolve("metrics.yaml"), "--check-config");
      assertThat(r.exitCode()).as("%s --check-config:\n%s", m.name(), r.output()).isZero();
    }
  }

  static String java() {
    return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
