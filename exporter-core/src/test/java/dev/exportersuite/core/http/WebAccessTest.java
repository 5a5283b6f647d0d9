package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.web.BasicAuthUsers;
import dev.exportersuite.core.web.BcryptHash;
import dev.exportersuite.core.web.WebConfig;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Basic authentication, response headers, the rate limit and the lifecycle switch of /-/reload, over real HTTP:
 * every path is behind the authentication, as with the toolkit.
 */
class WebAccessTest {

  /** htpasswd -nbBC 10 prometheus scrape-s3cret */
  static final String HTPASSWD_COST_10 = "$2y$10$NRwoWZnvP46kcdXHgG74v.cLZaGovMYZ1utX5b3arGfKRI7ycXwgW";
  /** The exporter-toolkit's test user alice / alice123, cost 12. */
  static final String TOOLKIT_COST_12 = "$2y$12$1DpfPeqF9HzHJt.EWswy1exHluGfbhnn3yXhR7Xes6m3WJqFg0Wby";
  /** Every kind of path: metrics, landing page, health, readiness, lifecycle, a module route, an unknown one. */
  static final List<String> PATHS = List.of("/metrics", "/", "/-/healthy", "/-/ready", "/-/reload",
      "/probe?target=db:3306", "/nothing-here");

  static ExporterServer server;
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    WebConfig web = new WebConfig("test", Optional.empty(), new BasicAuthUsers(Map.of(
        "prometheus", BcryptHash.parse(HTPASSWD_COST_10), "alice", BcryptHash.parse(TOOLKIT_COST_12))),
        Map.of("X-Frame-Options", "deny", "X-Content-Type-Options", "nosniff"), true, Optional.empty(), List.of());
    server = serve(web, true);
  }

  static ExporterServer serve(WebConfig web, boolean lifecycle) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge.builder().name("access_test_value").help("A value.").register(registry).set(3);
    return ExporterServer.builder().listen(new ListenAddress("127.0.0.1", 0)).registry(registry)
        .route("/probe", exchange -> ExporterServer.send(exchange, 200, "text/plain", "probed\n"))
        .reload(() -> "reloaded 1 definitions").lifecycle(lifecycle).web(web).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> request(ExporterServer s, String path, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
        .timeout(Duration.ofSeconds(30));
    if (path.equals("/-/reload")) {
      b.POST(HttpRequest.BodyPublishers.noBody());
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutCredentialsEveryPathAnswers401WithAChallenge() throws Exception {
    for (String path : PATHS) {
      HttpResponse<String> r = request(server, path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).as(path).contains("Basic");
      assertThat(r.body()).isEqualTo("Unauthorized\n");
      // the configured headers are on refusals too
      assertThat(r.headers().firstValue("X-Frame-Options")).contains("deny");
    }
  }

  @Test
  void aWrongPasswordAnUnknownUserOrAMalformedHeaderAnswer401() throws Exception {
    for (String auth : new String[] {basic("prometheus", "wrong"), basic("nobody", "scrape-s3cret"),
        basic("prometheus", ""), "Basic not-base64!", "Bearer abc", "Basic " + "A".repeat(5000)}) {
      HttpResponse<String> r = request(server, "/metrics", auth);
      assertThat(r.statusCode()).as(auth.length() > 40 ? "a long header" : auth).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Basic");
    }
  }

  @Test
  void theRightPasswordOpensEveryPath() throws Exception {
    String auth = basic("prometheus", "scrape-s3cret");
    assertThat(request(server, "/metrics", auth).body()).contains("access_test_value 3.0");
    assertThat(request(server, "/", auth).statusCode()).isEqualTo(200);
    assertThat(request(server, "/-/healthy", auth).statusCode()).isEqualTo(200);
    assertThat(request(server, "/-/ready", auth).statusCode()).isEqualTo(200);
    assertThat(request(server, "/-/reload", auth).body()).isEqualTo("reloaded 1 definitions\n");
    assertThat(request(server, "/probe?target=db:3306", auth).body()).isEqualTo("probed\n");
    assertThat(request(server, "/nothing-here", auth).statusCode()).isEqualTo(404);
    HttpResponse<String> ok = request(server, "/metrics", auth);
    assertThat(ok.headers().firstValue("X-Frame-Options")).contains("deny");
    assertThat(ok.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    // a hash of cost 12, as the toolkit's docs make them, and the scheme's name in any case, as Go reads it
    assertThat(request(server, "/metrics", basic("alice", "alice123")).statusCode()).isEqualTo(200);
    assertThat(request(server, "/metrics", "bAsIc " + basic("alice", "alice123").substring(6)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void reloadIsOffWithoutTheLifecycleFlagAsInPrometheus() throws Exception {
    try (ExporterServer off = serve(WebConfig.NONE, false)) {
      HttpResponse<String> post = request(off, "/-/reload", null);
      assertThat(post.statusCode()).isEqualTo(403);
      assertThat(post.body()).isEqualTo("Lifecycle API is not enabled.\n");
      assertThat(request(off, "/-/healthy", null).statusCode()).isEqualTo(200);
    }
    try (ExporterServer on = serve(WebConfig.NONE, true)) {
      assertThat(request(on, "/-/reload", null).statusCode()).isEqualTo(200);
      HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port()
          + "/-/reload")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void theRateLimitAnswers429OnceTheBurstIsSpent() throws Exception {
    WebConfig limited = new WebConfig("test", Optional.empty(), BasicAuthUsers.NONE, Map.of(), true,
        Optional.of(new WebConfig.RateLimit(Duration.ofHours(1), 2)), List.of());
    try (ExporterServer s = serve(limited, false)) {
      assertThat(request(s, "/-/healthy", null).statusCode()).isEqualTo(200);
      assertThat(request(s, "/metrics", null).statusCode()).isEqualTo(200);
      HttpResponse<String> third = request(s, "/-/healthy", null);
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.body()).isEqualTo("Too Many Requests\n");
    }
  }
}
