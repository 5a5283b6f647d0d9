package dev.exportersuite.e2e;

import dev.exportersuite.core.testing.Http;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The parts of Prometheus's HTTP API the tests read. */
final class PromApi {

  /** One answer of the API: status "success" or "error", and what came with it. */
  record Answer(int httpStatus, String status, Object data, String error, String body) {

    boolean ok() {
      return "success".equals(status);
    }

    List<Object> result() {
      return Repo.list(Repo.map(data).get("result"));
    }
  }

  private final String base;

  PromApi(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  Answer query(String promql) throws IOException, InterruptedException {
    return get("/api/v1/query?query=" + enc(promql));
  }

  Answer labelValues(String label, String match) throws IOException, InterruptedException {
    return get("/api/v1/label/" + enc(label) + "/values?match[]=" + enc(match));
  }

  Answer targets() throws IOException, InterruptedException {
    return get("/api/v1/targets?state=active");
  }

  List<Map<String, Object>> activeTargets() throws IOException, InterruptedException {
    Answer a = targets();
    if (!a.ok()) {
      throw new IOException("targets API: " + a.body());
    }
    return Repo.list(Repo.map(a.data()).get("activeTargets")).stream().map(Repo::map).toList();
  }

  private Answer get(String pathAndQuery) throws IOException, InterruptedException {
    Http.Response r = Http.get(base + pathAndQuery);
    Map<String, Object> body;
    try {
      body = Repo.parseMap(r.body());
    } catch (RuntimeException e) {
      return new Answer(r.status(), "unparsable", null, e.getMessage(), r.body());
    }
    return new Answer(r.status(), String.valueOf(body.get("status")), body.get("data"),
        body.get("error") == null ? null : String.valueOf(body.get("error")), r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
