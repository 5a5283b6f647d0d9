package dev.exportersuite.core.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cipher suite names the toolkit's {@code cipher_suites} accepts (those of Go's {@code tls.CipherSuites()})
 * and their JSSE names. Go names them by their IANA names, as JSSE does, so the mapping is the identity on this
 * list; what it adds is refusing everything else (Go's insecure suites, OpenSSL spellings) with the list.
 */
final class GoCipherSuites {

  /** TLS 1.3 suites: Go accepts their names but they cannot be configured, so all three stay enabled. */
  static final Set<String> TLS13 = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256");

  /** TLS 1.2 suites of Go's secure list; the four RSA key exchange ones are there in the Go releases up to 1.21. */
  static final List<String> TLS12 = List.of(
      "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_RSA_WITH_AES_128_CBC_SHA",
      "TLS_RSA_WITH_AES_256_CBC_SHA",
      "TLS_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_RSA_WITH_AES_256_GCM_SHA384");

  private GoCipherSuites() {}

  /** The JSSE name of a Go cipher suite name, or empty when Go's secure list has no such suite. */
  static Optional<String> jsseName(String goName) {
    return TLS13.contains(goName) || TLS12.contains(goName) ? Optional.of(goName) : Optional.empty();
  }

  /** Every accepted name, for the error that refuses an unknown one. */
  static String known() {
    return String.join(", ", TLS12) + ", " + String.join(", ", List.of("TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"));
  }
}
