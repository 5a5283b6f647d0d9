package dev.exportersuite.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --web.config.file in the exporter-toolkit's schema: what it accepts, and every mistake reported at once. */
class WebConfigReaderTest {

  /** htpasswd -nbBC 10 prometheus scrape-s3cret */
  static final String HASH_10 = "$2y$10$NRwoWZnvP46kcdXHgG74v.cLZaGovMYZ1utX5b3arGfKRI7ycXwgW";

  @TempDir
  static Path dir;
  static TestPki pki;
  static TestPki.Issued server;

  @BeforeAll
  static void certificates() throws Exception {
    pki = TestPki.create(dir, "reader");
    server = pki.server("server");
  }

  static Path write(String name, String yaml) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void everyKeyOfTheToolkitSchemaIsRead() throws Exception {
    // relative file names are read from the config file's directory, as the toolkit does
    Path file = write("full.yml", """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          client_auth_type: RequireAndVerifyClientCert
          client_ca_file: reader-ca.pem
          client_allowed_sans: [scraper.example]
          min_version: TLS13
          max_version: TLS13
          cipher_suites:
            - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
            - TLS_AES_128_GCM_SHA256
          prefer_server_cipher_suites: false
          curve_preferences: [X25519, CurveP256]
        http_server_config:
          http2: false
          headers:
            X-Frame-Options: deny
            Content-Security-Policy: "default-src 'none'"
            X-XSS-Protection: ""
        basic_auth_users:
          prometheus: %s
        rate_limit:
          interval: 1s
          burst: 20
        """.formatted(HASH_10));
    WebConfig c = WebConfigReader.read(file);
    TlsSettings t = c.tls().orElseThrow();
    assertThat(t.certificate().path()).contains(dir.resolve("server.crt").toAbsolutePath());
    assertThat(t.clientCa().orElseThrow().path()).contains(pki.caFile().toAbsolutePath());
    assertThat(t.clientAuth()).isEqualTo(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT);
    assertThat(t.minVersion()).isEqualTo(TlsVersion.TLS13);
    assertThat(t.cipherSuites()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256");
    assertThat(t.preferServerCipherSuites()).isFalse();
    assertThat(t.clientAllowedSans()).containsExactly("scraper.example");
    assertThat(c.http2()).isFalse();
    // a blank header is "unset", as the toolkit says
    assertThat(c.headers()).containsOnlyKeys("X-Frame-Options", "Content-Security-Policy");
    assertThat(c.users().size()).isEqualTo(1);
    assertThat(c.rateLimit()).contains(new WebConfig.RateLimit(Duration.ofSeconds(1), 20));
    assertThat(c.notices()).singleElement().asString().contains("curve_preferences has no effect");
  }

  @Test
  void anEmptyFileMeansPlainHttpWithoutAuthentication() throws Exception {
    WebConfig c = WebConfigReader.read(write("empty.yml", "# nothing yet\n"));
    assertThat(c.tls()).isEmpty();
    assertThat(c.users().enabled()).isFalse();
  }

  @Test
  void inlinePemAndTheToolkitsOldClientAuthNameAreAccepted() throws Exception {
    Path file = write("inline.yml", """
        tls_server_config:
          cert: |
        %s  key: |
        %s  client_ca: |
        %s  client_auth_type: RequireClientCert
        """.formatted(indent(Files.readString(server.certFile())), indent(Files.readString(server.keyFile())),
        indent(Files.readString(pki.caFile()))));
    TlsSettings t = WebConfigReader.read(file).tls().orElseThrow();
    assertThat(t.clientAuth()).isEqualTo(ClientAuth.REQUIRE_ANY_CLIENT_CERT);
    assertThat(t.certificate().toString()).isEqualTo("(inline PEM)");
  }

  private static String indent(String pem) {
    return pem.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
  }

  @Test
  void keysInEveryFormGoReadsAreRead(@TempDir Path keys) throws Exception {
    TestPki other = TestPki.create(keys, "formats");
    List<Path[]> pairs = new java.util.ArrayList<>();
    for (TestPki.Issued issued : List.of(other.server("ec-sec1", TestPki.KeyFormat.TRADITIONAL, false),
        other.server("ec-pkcs8", TestPki.KeyFormat.PKCS8, false),
        other.server("rsa-pkcs1", TestPki.KeyFormat.TRADITIONAL, true))) {
      pairs.add(new Path[] {issued.certFile(), issued.keyFile()});
    }
    // and as openssl writes them: SEC1 with the public key inside, PKCS#1, Ed25519 in PKCS#8
    pairs.add(openssl(keys, "openssl-ec", "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out"));
    pairs.add(openssl(keys, "openssl-rsa", "openssl", "genrsa", "-traditional", "-out"));
    pairs.add(openssl(keys, "openssl-ed25519", "openssl", "genpkey", "-algorithm", "ed25519", "-out"));
    List<String> headers = new java.util.ArrayList<>();
    for (Path[] pair : pairs) {
      String header = Files.readString(pair[1]).lines().findFirst().orElseThrow();
      headers.add(header);
      Path file = write("formats.yml", "tls_server_config:\n  cert_file: " + pair[0] + "\n  key_file: " + pair[1]
          + "\n");
      assertThat(WebConfigReader.read(file).tls()).as(pair[1] + " " + header).isPresent();
    }
    assertThat(headers).contains("-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN EC PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----");
  }

  /** A key made by {@code command <key file>} and a self-signed certificate for it, both by openssl. */
  private static Path[] openssl(Path dir, String name, String... command) throws Exception {
    Path key = dir.resolve(name + ".key");
    Path cert = dir.resolve(name + ".crt");
    List<String> keyCommand = new java.util.ArrayList<>(List.of(command));
    keyCommand.add(key.toString());
    run(keyCommand);
    run(List.of("openssl", "req", "-x509", "-key", key.toString(), "-out", cert.toString(), "-days", "1", "-subj",
        "/CN=127.0.0.1"));
    return new Path[] {cert, key};
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
  }

  @Test
  void everyMistakeIsReportedAtOnceWithFileLineAndKey() throws Exception {
    TestPki.Issued other = pki.server("other");
    Path file = write("broken.yml", """
        tls_server_config:
          cert_file: server.crt
          key_file: other.key
          client_ca_file: missing-ca.pem
          client_auth_type: RequireAndVerifyClientCertificate
          min_version: TLS14
          cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ECDHE-RSA-AES128-GCM-SHA256]
          prefer_server_cipher_suite: true
        http_server_config:
          http2: maybe
          headers:
            X-Frame-Options: allow
            Server: exporter
        basic_auth_users:
          alice: $2y$10$tooshort
          bob: %s
          "carol:x": %s
        rate_limit:
          interval: 1s
          burst: 0
        tls_config: {}
        """.formatted(HASH_10, HASH_10));
    assertThat(other.keyFile()).exists();
    ConfigException e = catchConfig(file);
    String f = file.toString();
    assertThat(e.lines()).containsExactly(
        f + ":3: tls_server_config.key_file: " + dir.resolve("other.key").toAbsolutePath()
            + ": the private key does not match the certificate in " + dir.resolve("server.crt").toAbsolutePath(),
        f + ":4: tls_server_config.client_ca_file: " + dir.resolve("missing-ca.pem").toAbsolutePath()
            + ": file not found",
        f + ":5: tls_server_config.client_auth_type: unknown client_auth_type 'RequireAndVerifyClientCertificate'; "
            + "one of NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, "
            + "RequireAndVerifyClientCert",
        f + ":6: tls_server_config.min_version: unknown TLS version 'TLS14'; one of TLS10, TLS11, TLS12, TLS13",
        f + ":7: tls_server_config.cipher_suites[1]: unknown cipher suite 'ECDHE-RSA-AES128-GCM-SHA256'; known: "
            + GoCipherSuites.known(),
        f + ":8: tls_server_config.prefer_server_cipher_suite: unknown key 'prefer_server_cipher_suite' (did you "
            + "mean 'prefer_server_cipher_suites'?); known keys: " + String.join(", ", WebConfigReader.TLS_KEYS),
        f + ":10: http_server_config.http2: expected true or false, found 'maybe'",
        f + ":12: http_server_config.headers.X-Frame-Options: invalid value for X-Frame-Options: expected one of "
            + "deny, sameorigin, got 'allow'",
        f + ":13: http_server_config.headers.Server: HTTP header 'Server' can not be configured; these can: "
            + "Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection, "
            + "Content-Security-Policy",
        f + ":15: basic_auth_users.alice: not a bcrypt hash: expected $2y$ (or $2a$, $2b$), a two-digit cost, $ and "
            + "53 characters, as 'htpasswd -nBC 10 \"\" | tr -d :' prints",
        f + ":17: basic_auth_users.carol:x: a user name must be 1 to 256 characters without ':' or control "
            + "characters",
        f + ":20: rate_limit.burst: a burst of 0 refuses every request; set 1 or more",
        f + ":21: tls_config: unknown key 'tls_config'; known keys: tls_server_config, http_server_config, "
            + "basic_auth_users, rate_limit");
    assertThat(e.getMessage()).doesNotContain("tooshort").doesNotContain(HASH_10);
  }

  @Test
  void noMessageQuotesAHashOrAKeyGivenWhereAMappingBelongs() throws Exception {
    ConfigException users = catchConfig(write("users-scalar.yml", "basic_auth_users: " + HASH_10 + "\n"));
    assertThat(users.getMessage()).isEqualTo(dir.resolve("users-scalar.yml") + ":1: basic_auth_users: expected a "
        + "mapping");
    String key = Files.readString(server.keyFile());
    ConfigException tls = catchConfig(write("tls-scalar.yml", "tls_server_config: |\n" + indent(key)));
    assertThat(tls.getMessage()).doesNotContain("PRIVATE KEY").doesNotContain(key.lines().skip(1).findFirst()
        .orElseThrow());
  }

  @Test
  void contradictionsAndTlsWithoutACertificateAreRefused() throws Exception {
    ConfigException noCert = catchConfig(write("no-cert.yml", "tls_server_config:\n  min_version: TLS13\n"));
    assertThat(noCert.getMessage()).contains(":2: tls_server_config: TLS needs cert_file and key_file");
    ConfigException caWithoutAuth = catchConfig(write("ca.yml", """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          client_ca_file: reader-ca.pem
          min_version: TLS13
          max_version: TLS12
        """));
    assertThat(caWithoutAuth.lines()).containsExactly(
        dir.resolve("ca.yml") + ":4: tls_server_config.client_ca_file: a client CA is configured but "
            + "client_auth_type is NoClientCert; to authenticate clients set client_auth_type: "
            + "RequireAndVerifyClientCert",
        dir.resolve("ca.yml") + ":5: tls_server_config.min_version: min_version TLS13 is above max_version TLS12");
    ConfigException oldOnly = catchConfig(write("old.yml", """
        tls_server_config: {cert_file: server.crt, key_file: server.key, min_version: TLS10, max_version: TLS11}
        """));
    assertThat(oldOnly.getMessage()).contains("tls_server_config.max_version: no TLS version from TLS10 to TLS11 "
        + "is enabled in this Java runtime");
    ConfigException missingKey = catchConfig(write("half.yml", "tls_server_config:\n  cert_file: server.crt\n"));
    assertThat(missingKey.getMessage()).contains(":2: tls_server_config: missing one of key or key_file");
  }

  @Test
  void anEncryptedKeyIsRefusedAsTheGoExportersRefuseIt() throws Exception {
    Path encrypted = write("encrypted.key", """
        -----BEGIN ENCRYPTED PRIVATE KEY-----
        MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhQ2lPgAJBxvAICCAAw
        DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEELrk3q1t9j6x0w1mB0wL4J8EgZBm
        -----END ENCRYPTED PRIVATE KEY-----
        """);
    ConfigException e = catchConfig(write("enc.yml", "tls_server_config:\n  cert_file: server.crt\n  key_file: "
        + encrypted + "\n"));
    assertThat(e.getMessage()).contains("key_file: " + encrypted + ": the private key is encrypted")
        .doesNotContain("MIHs");
  }

  @Test
  void aDamagedKeyIsRefusedWithoutQuotingIt() throws Exception {
    for (String type : List.of("RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY")) {
      Path damaged = write("damaged.key", "-----BEGIN " + type + "-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END " + type
          + "-----\n");
      ConfigException e = catchConfig(write("damaged.yml", "tls_server_config:\n  cert_file: server.crt\n  key_file: "
          + damaged + "\n"));
      assertThat(e.getMessage()).as(type).contains(":3: tls_server_config.key_file: " + damaged + ": the ")
          .doesNotContain("MIIBOgIBAAJBAKj34GkxFhD9");
    }
  }

  private static ConfigException catchConfig(Path file) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> WebConfigReader.read(file));
    assertThat(t).isInstanceOf(ConfigException.class);
    return (ConfigException) t;
  }

  @Test
  void aMissingFileIsAConfigError() {
    assertThatThrownBy(() -> WebConfigReader.read(dir.resolve("nope.yml"))).isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("nope.yml") + ": file not found");
  }
}
