package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.testing.Http;
import dev.exportersuite.core.testing.TestPki;
import dev.exportersuite.core.web.ClientAuth;
import dev.exportersuite.core.web.PemSource;
import dev.exportersuite.core.web.TlsSettings;
import dev.exportersuite.core.web.TlsVersion;
import dev.exportersuite.core.web.WebConfig;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on the exporter's port with real certificates made here and real handshakes: versions, client
 * certificates in each mode the toolkit has, cipher suites, and a renewed certificate picked up without a restart.
 */
class TlsServingTest {

  @TempDir
  static Path dir;
  static TestPki pki;
  static TestPki otherCa;
  static TestPki.Issued server;
  static TestPki.Issued client;
  static TestPki.Issued stranger;

  @BeforeAll
  static void certificates() throws Exception {
    pki = TestPki.create(dir, "serving");
    otherCa = TestPki.create(dir, "other");
    server = pki.server("server");
    client = pki.client("client", "scraper.example");
    stranger = otherCa.client("stranger", "scraper.example");
  }

  static ExporterServer serve(UnaryOperator<TlsSettings.Builder> tls) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge.builder().name("tls_test_value").help("A value.").register(registry).set(7);
    TlsSettings settings = tls.apply(TlsSettings.builder(PemSource.file(server.certFile()),
        PemSource.file(server.keyFile()))).build();
    return ExporterServer.builder().listen(new ListenAddress("127.0.0.1", 0)).registry(registry)
        .web(WebConfig.NONE.withTls(settings)).start();
  }

  static HttpResponse<String> get(HttpClient c, ExporterServer s, String path) throws Exception {
    return c.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + s.port() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static SSLSession session(HttpResponse<?> r) {
    return r.sslSession().orElseThrow();
  }

  @Test
  void tls12And13HandshakesBothSucceedByDefault() throws Exception {
    try (ExporterServer s = serve(b -> b)) {
      HttpResponse<String> v12 = get(TestPki.https(pki.clientContext(null), "TLSv1.2"), s, "/metrics");
      assertThat(v12.statusCode()).isEqualTo(200);
      assertThat(v12.body()).contains("tls_test_value 7.0");
      assertThat(session(v12).getProtocol()).isEqualTo("TLSv1.2");
      HttpResponse<String> v13 = get(TestPki.https(pki.clientContext(null), "TLSv1.3"), s, "/-/healthy");
      assertThat(v13.statusCode()).isEqualTo(200);
      assertThat(session(v13).getProtocol()).isEqualTo("TLSv1.3");
      // the certificate served is the one of cert_file
      assertThat(((X509Certificate) session(v13).getPeerCertificates()[0]).getSerialNumber())
          .isEqualTo(server.certificate().getSerialNumber());
    }
  }

  @Test
  void anRsaCertificateWithAPkcs1KeyIsServedOverTls12And13() throws Exception {
    TestPki.Issued rsa = pki.server("rsa", TestPki.KeyFormat.TRADITIONAL, true);
    PrometheusRegistry registry = new PrometheusRegistry();
    try (ExporterServer s = ExporterServer.builder().listen(new ListenAddress("127.0.0.1", 0)).registry(registry)
        .web(WebConfig.NONE.withTls(TlsSettings.builder(PemSource.file(rsa.certFile()), PemSource.file(rsa.keyFile()))
            .build())).start()) {
      for (String version : List.of("TLSv1.2", "TLSv1.3")) {
        HttpResponse<String> r = get(TestPki.https(pki.clientContext(null), version), s, "/-/healthy");
        assertThat(session(r).getProtocol()).isEqualTo(version);
        assertThat(session(r).getPeerCertificates()[0].getPublicKey().getAlgorithm()).isEqualTo("RSA");
      }
    }
  }

  @Test
  void minVersionIsHonoured() throws Exception {
    try (ExporterServer s = serve(b -> b.minVersion(TlsVersion.TLS13))) {
      assertThatThrownBy(() -> get(TestPki.https(pki.clientContext(null), "TLSv1.2"), s, "/metrics"))
          .isInstanceOf(IOException.class);
      assertThat(get(TestPki.https(pki.clientContext(null), "TLSv1.3"), s, "/metrics").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void maxVersionIsHonoured() throws Exception {
    try (ExporterServer s = serve(b -> b.maxVersion(TlsVersion.TLS12))) {
      assertThat(session(get(TestPki.https(pki.clientContext(null)), s, "/metrics")).getProtocol())
          .isEqualTo("TLSv1.2");
    }
  }

  @Test
  void plainHttpOnTheTlsPortGetsNoAnswer() throws Exception {
    try (ExporterServer s = serve(b -> b)) {
      assertThatThrownBy(() -> Http.get("http://127.0.0.1:" + s.port() + "/metrics"))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void aRequiredClientCertificateThatIsMissingOrFromAnotherCaIsRefused() throws Exception {
    try (ExporterServer s = serve(b -> b.clientAuth(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT)
        .clientCa(PemSource.file(pki.caFile())))) {
      for (String version : List.of("TLSv1.2", "TLSv1.3")) {
        assertThatThrownBy(() -> get(TestPki.https(pki.clientContext(null), version), s, "/metrics"))
            .as("no certificate, %s", version).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(TestPki.https(pki.clientContext(stranger), version), s, "/metrics"))
            .as("certificate of another CA, %s", version).isInstanceOf(IOException.class);
        HttpResponse<String> ok = get(TestPki.https(pki.clientContext(client), version), s, "/metrics");
        assertThat(ok.statusCode()).as(version).isEqualTo(200);
        assertThat(ok.body()).contains("tls_test_value 7.0");
      }
    }
  }

  @Test
  void theOtherClientAuthModesBehaveAsInGo() throws Exception {
    // RequireAnyClientCert: some certificate is needed, whoever signed it
    try (ExporterServer s = serve(b -> b.clientAuth(ClientAuth.REQUIRE_ANY_CLIENT_CERT))) {
      assertThatThrownBy(() -> get(TestPki.https(pki.clientContext(null), "TLSv1.3"), s, "/"))
          .isInstanceOf(IOException.class);
      assertThat(get(TestPki.https(pki.clientContext(stranger)), s, "/").statusCode()).isEqualTo(200);
    }
    // VerifyClientCertIfGiven: none is fine, a bad one is not
    try (ExporterServer s = serve(b -> b.clientAuth(ClientAuth.VERIFY_CLIENT_CERT_IF_GIVEN)
        .clientCa(PemSource.file(pki.caFile())))) {
      assertThat(get(TestPki.https(pki.clientContext(null)), s, "/").statusCode()).isEqualTo(200);
      assertThat(get(TestPki.https(pki.clientContext(client)), s, "/").statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> get(TestPki.https(pki.clientContext(stranger), "TLSv1.2"), s, "/"))
          .isInstanceOf(IOException.class);
    }
    // without client_ca_file the verifying modes check against the Java runtime's CAs, which do not know this test CA
    try (ExporterServer s = serve(b -> b.clientAuth(ClientAuth.VERIFY_CLIENT_CERT_IF_GIVEN))) {
      assertThat(get(TestPki.https(pki.clientContext(null)), s, "/").statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> get(TestPki.https(pki.clientContext(client), "TLSv1.2"), s, "/"))
          .isInstanceOf(IOException.class);
    }
    // RequestClientCert: asked, never checked
    try (ExporterServer s = serve(b -> b.clientAuth(ClientAuth.REQUEST_CLIENT_CERT))) {
      assertThat(get(TestPki.https(pki.clientContext(null)), s, "/").statusCode()).isEqualTo(200);
      assertThat(get(TestPki.https(pki.clientContext(stranger)), s, "/").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void clientAllowedSansNarrowsVerifiedCertificatesToTheListedNames() throws Exception {
    TestPki.Issued intruder = pki.client("intruder", "intruder.example");
    try (ExporterServer s = serve(b -> b.clientAuth(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT)
        .clientCa(PemSource.file(pki.caFile())).clientAllowedSans(List.of("scraper.example")))) {
      assertThat(get(TestPki.https(pki.clientContext(client)), s, "/").statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> get(TestPki.https(pki.clientContext(intruder), "TLSv1.2"), s, "/"))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void cipherSuitesRestrictTls12AndLeaveTls13Alone() throws Exception {
    String suite = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
    try (ExporterServer s = serve(b -> b.cipherSuites(List.of(suite)))) {
      assertThat(session(get(TestPki.https(pki.clientContext(null), "TLSv1.2"), s, "/")).getCipherSuite())
          .isEqualTo(suite);
      assertThat(session(get(TestPki.https(pki.clientContext(null), "TLSv1.3"), s, "/")).getCipherSuite())
          .startsWith("TLS_AES_");
    }
  }

  @Test
  void aRenewedCertificateIsServedWithoutARestart() throws Exception {
    Path cert = dir.resolve("rotating.crt");
    Path key = dir.resolve("rotating.key");
    TestPki.Issued first = pki.server("first");
    Files.copy(first.certFile(), cert, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(first.keyFile(), key, StandardCopyOption.REPLACE_EXISTING);
    PrometheusRegistry registry = new PrometheusRegistry();
    try (ExporterServer s = ExporterServer.builder().listen(new ListenAddress("127.0.0.1", 0)).registry(registry)
        .web(WebConfig.NONE.withTls(TlsSettings.builder(PemSource.file(cert), PemSource.file(key)).build()))
        .start()) {
      assertThat(servedSerial(s)).isEqualTo(first.certificate().getSerialNumber());
      // a half-done renewal (new certificate, old key) keeps the old pair in service
      TestPki.Issued second = pki.server("second");
      Files.move(second.certFile(), cert, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      assertThat(servedSerial(s)).isEqualTo(first.certificate().getSerialNumber());
      // then the key arrives, as cert-manager or a Kubernetes secret update writes them: new files
      Files.move(second.keyFile(), key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      assertThat(servedSerial(s)).isEqualTo(second.certificate().getSerialNumber());
    }
  }

  private static java.math.BigInteger servedSerial(ExporterServer s) throws Exception {
    // a new client each time: a new connection, so a new handshake
    HttpResponse<String> r = get(TestPki.https(pki.clientContext(null)), s, "/-/healthy");
    return ((X509Certificate) session(r).getPeerCertificates()[0]).getSerialNumber();
  }
}
