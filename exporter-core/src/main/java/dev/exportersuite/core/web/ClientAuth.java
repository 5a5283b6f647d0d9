package dev.exportersuite.core.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The toolkit's {@code client_auth_type}, Go's {@code tls.ClientAuthType}: whether the server asks for a client
 * certificate, whether one is required, and whether it is checked against the client CAs.
 */
public enum ClientAuth {
  NO_CLIENT_CERT("NoClientCert", false, false, false),
  /** Asks for a certificate; any (or none) is accepted and it is not checked, as in Go. */
  REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
  /** A certificate is required but not checked against a CA: anyone can make one. */
  REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", true, true, false),
  VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
  /** The one setting that authenticates clients. */
  REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", true, true, true);

  private final String goName;
  private final boolean asks;
  private final boolean required;
  private final boolean verified;

  ClientAuth(String goName, boolean asks, boolean required, boolean verified) {
    this.goName = goName;
    this.asks = asks;
    this.required = required;
    this.verified = verified;
  }

  /** The toolkit's names; {@code RequireClientCert} is its old spelling of RequireAnyClientCert, and empty is none. */
  public static Optional<ClientAuth> ofGoName(String name) {
    if (name.isEmpty()) {
      return Optional.of(NO_CLIENT_CERT);
    }
    if (name.equals("RequireClientCert")) {
      return Optional.of(REQUIRE_ANY_CLIENT_CERT);
    }
    return Arrays.stream(values()).filter(v -> v.goName.equals(name)).findFirst();
  }

  public static List<String> goNames() {
    return Arrays.stream(values()).map(v -> v.goName).toList();
  }

  public String goName() {
    return goName;
  }

  /** The server sends a certificate request. */
  public boolean asks() {
    return asks;
  }

  /** A handshake without a client certificate fails. */
  public boolean required() {
    return required;
  }

  /** A client certificate given is checked against the client CAs (or the system's CAs when none are set). */
  public boolean verified() {
    return verified;
  }
}
