package dev.exportersuite.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.SslConfigs;

/**
 * TLS to the brokers, as kafka_exporter's {@code --tls.*} flags ask for it: the brokers' CA (else the JVM's
 * trusted CAs), and a client certificate and key for brokers that require one. The PEM files are read once, at
 * start, and handed to the Kafka client as PEM text (its own PEM support), so a file that does not load is an
 * error of its flag before anything connects.
 *
 * @param ca the CA certificates' PEM text ({@code --tls.ca-file})
 * @param certificateChain the client certificate's PEM text ({@code --tls.cert-file})
 * @param key the client key's PEM text, PKCS#8 ({@code --tls.key-file})
 * @param insecure {@code --tls.insecure-skip-tls-verify}: the broker's name is not checked against its certificate
 */
record BrokerTls(Optional<String> ca, Optional<String> certificateChain, Optional<String> key, boolean insecure,
    String describe) {

  static final int MAX_FILE = 1 << 20;

  /** @throws IllegalArgumentException naming the flag whose file is missing or not what it must be */
  static BrokerTls read(Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile, boolean insecure) {
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new IllegalArgumentException((certFile.isPresent() ? "--tls.cert-file: needs --tls.key-file"
          : "--tls.key-file: needs --tls.cert-file") + " (a client certificate and its key come together)");
    }
    Optional<String> ca = caFile.map(f -> pem(f, "--tls.ca-file", "CERTIFICATE"));
    Optional<String> cert = certFile.map(f -> pem(f, "--tls.cert-file", "CERTIFICATE"));
    Optional<String> key = keyFile.map(f -> {
      String text = pem(f, "--tls.key-file", "PRIVATE KEY");
      if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
        throw new IllegalArgumentException("--tls.key-file: " + f + " is not an unencrypted PKCS#8 key (BEGIN PRIVATE "
            + "KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in " + f.getFileName() + " -out client.key");
      }
      return text;
    });
    String describe = "TLS" + caFile.map(f -> ", CA " + f).orElse(", the JVM's CAs")
        + certFile.map(f -> ", client certificate " + f).orElse("")
        + (insecure ? ", broker names NOT checked (--tls.insecure-skip-tls-verify)" : "");
    return new BrokerTls(ca, cert, key, insecure, describe);
  }

  private static String pem(Path file, String flag, String kind) {
    try {
      if (Files.size(file) > MAX_FILE) {
        throw new IllegalArgumentException(flag + ": " + file + " is larger than " + MAX_FILE + " bytes");
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      if (!text.contains("-----BEGIN ") || !text.contains(kind + "-----")) {
        throw new IllegalArgumentException(flag + ": " + file + " holds no PEM " + kind);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalArgumentException(flag + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The client settings for TLS; the security protocol is the caller's (SSL, or SASL_SSL with a login). */
  Map<String, Object> clientConfig() {
    Map<String, Object> c = new HashMap<>();
    ca.ifPresent(pem -> {
      c.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
      c.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, pem);
    });
    if (certificateChain.isPresent()) {
      c.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
      c.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, certificateChain.get());
      c.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, key.orElseThrow());
    }
    if (insecure) {
      c.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
    }
    return c;
  }

  @Override
  public String toString() {
    return "BrokerTls[" + describe + "]";
  }
}
