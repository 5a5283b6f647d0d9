package dev.exportersuite.kafka;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * SASL login to the brokers, as kafka_exporter's {@code --sasl.*} flags ask for it: PLAIN, SCRAM-SHA-256 or
 * SCRAM-SHA-512, over plaintext (SASL_PLAINTEXT). The JAAS line the Kafka client reads is written from the parts,
 * each value quoted and escaped, so that no user name or password can add options to it.
 *
 * @param passwordSource where the password came from, for {@code --check-config} (never the password)
 */
record SaslLogin(Mechanism mechanism, String username, String password, String passwordSource) {

  static final int MAX_LENGTH = 1024;

  /** The mechanisms this exporter logs in with, by Kafka's names. */
  enum Mechanism {
    PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
    SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"),
    SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    final String kafkaName;
    final String loginModule;

    Mechanism(String kafkaName, String loginModule) {
      this.kafkaName = kafkaName;
      this.loginModule = loginModule;
    }

    /**
     * kafka_exporter's spellings ({@code plain}, {@code scram-sha256}, {@code scram-sha512}; empty is plain) and
     * Kafka's own, in any case.
     *
     * @throws IllegalArgumentException saying what is supported, for GSSAPI, OAUTHBEARER, AWS IAM or a typo
     */
    static Mechanism parse(String text) {
      String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
      return switch (t) {
        case "", "plain" -> PLAIN;
        case "scram-sha256", "scram-sha-256" -> SCRAM_SHA_256;
        case "scram-sha512", "scram-sha-512" -> SCRAM_SHA_512;
        case "gssapi", "kerberos" -> throw new IllegalArgumentException("GSSAPI (Kerberos) is not supported: it "
            + "needs a keytab and krb5.conf this exporter does not read; use PLAIN or SCRAM-SHA-256/512");
        case "oauthbearer" -> throw new IllegalArgumentException("OAUTHBEARER is not supported: there is no token "
            + "endpoint client here; use PLAIN or SCRAM-SHA-256/512");
        case "awsiam", "aws-msk-iam", "aws_msk_iam" -> throw new IllegalArgumentException("AWS MSK IAM is not "
            + "supported: it needs AWS's own login module; use SCRAM-SHA-512 (MSK supports it)");
        default -> throw new IllegalArgumentException("unknown mechanism " + dev.exportersuite.core.endpoint
            .InputText.quote(text) + "; use plain, scram-sha256 or scram-sha512");
      };
    }
  }

  SaslLogin {
    Objects.requireNonNull(mechanism, "mechanism");
    check("--sasl.username", username);
    check("the password", password);
  }

  private static void check(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        // a line break would end the JAAS line; never echo the value, it may be the password
        throw new IllegalArgumentException(what + " holds a control character at position " + (i + 1));
      }
    }
  }

  /** The client settings for this login; the security protocol is the caller's (SASL_PLAINTEXT or SASL_SSL). */
  Map<String, Object> clientConfig() {
    return Map.of(
        SaslConfigs.SASL_MECHANISM, mechanism.kafkaName,
        // a Password-typed setting: the client's config dump prints it as [hidden]
        SaslConfigs.SASL_JAAS_CONFIG, mechanism.loginModule + " required username=" + quoted(username)
            + " password=" + quoted(password) + ";");
  }

  /** A JAAS option value: in double quotes, with {@code \} and {@code "} escaped as the JAAS parser reads them. */
  static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  List<String> secrets() {
    return List.of(password);
  }

  String describe() {
    return mechanism.kafkaName + " as " + username + " (password from " + passwordSource + ")";
  }

  @Override
  public String toString() {
    return "SaslLogin[" + describe() + "]";
  }
}
