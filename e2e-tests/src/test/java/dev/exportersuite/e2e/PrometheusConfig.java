package dev.exportersuite.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus config the tests run: configs/prometheus/prometheus.yml with the compose addresses rewritten to
 * the local processes and a short scrape interval. Jobs, paths, params and relabelling stay as shipped.
 */
final class PrometheusConfig {

  private PrometheusConfig() {}

  static Map<String, Object> shipped() {
    return Repo.readMap(Repo.path("configs/prometheus/prometheus.yml"));
  }

  static List<String> jobNames(Map<String, Object> config) {
    List<String> out = new ArrayList<>();
    for (Object job : Repo.list(config.get("scrape_configs"))) {
      out.add(String.valueOf(Repo.map(job).get("job_name")));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static String derive(Map<String, Object> shipped, Addresses addresses, String interval,
      Iterable<String> composeHosts) {
    Map<String, Object> config = (Map<String, Object>) Repo.parse(dump(shipped));
    Map<String, Object> global = new LinkedHashMap<>(Repo.map(config.get("global")));
    global.put("scrape_interval", interval);
    global.put("scrape_timeout", interval);
    global.put("evaluation_interval", interval);
    config.put("global", global);
    config.remove("rule_files");
    config.remove("alerting");
    config.remove("remote_write");
    for (Object o : Repo.list(config.get("scrape_configs"))) {
      Map<String, Object> job = (Map<String, Object>) o;
      job.remove("scrape_interval");
      job.remove("scrape_timeout");
      for (Object sc : Repo.list(job.get("static_configs"))) {
        Map<String, Object> staticConfig = (Map<String, Object>) sc;
        List<Object> targets = new ArrayList<>();
        for (Object t : Repo.list(staticConfig.get("targets"))) {
          targets.add(addresses.rewrite(String.valueOf(t)));
        }
        staticConfig.put("targets", targets);
      }
      for (Object rc : Repo.list(job.get("relabel_configs"))) {
        Map<String, Object> relabel = (Map<String, Object>) rc;
        if (relabel.get("replacement") != null) {
          relabel.put("replacement", addresses.rewrite(String.valueOf(relabel.get("replacement"))));
        }
      }
    }
    String text = dump(config);
    if (Addresses.namesAny(text, composeHosts)) {
      throw new AssertionError("configs/prometheus/prometheus.yml names a compose address the e2e tests do not "
          + "map to a local process; extend LiveStack's address map:\n" + text);
    }
    return text;
  }

  /** The config with one more scrape job. */
  @SuppressWarnings("unchecked")
  static String withJob(String config, Map<String, Object> job) {
    Map<String, Object> parsed = (Map<String, Object>) Repo.parse(config);
    List<Object> jobs = new ArrayList<>(Repo.list(parsed.get("scrape_configs")));
    jobs.add(job);
    parsed.put("scrape_configs", jobs);
    return dump(parsed);
  }

  static String dump(Object o) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(200);
    return new Yaml(options).dump(o);
  }
}
