package dev.exportersuite.core.web;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Serves the one certificate of the settings, re-read when its files change. The alias names the generation it
 * was chosen from, so that a handshake gets the chain and the key of the same load even if a reload happens in
 * between.
 */
final class ServerKeyManager extends X509ExtendedKeyManager {

  private static final String PREFIX = "server-";

  private final Reloading<KeyMaterial> material;

  ServerKeyManager(Reloading<KeyMaterial> material) {
    this.material = material;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return choose(keyType);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return choose(keyType);
  }

  /** The alias when the key is of the type the handshake can use (RSA, EC, EdDSA), else none. */
  private String choose(String keyType) {
    Reloading.Snapshot<KeyMaterial> s = material.snapshot();
    return s.value().key().getAlgorithm().equals(keyType) ? PREFIX + s.generation() : null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    String alias = choose(keyType);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return of(alias).map(m -> m.chain().toArray(new X509Certificate[0])).orElse(null);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return of(alias).map(KeyMaterial::key).orElse(null);
  }

  private Optional<KeyMaterial> of(String alias) {
    if (alias == null || !alias.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try {
      return material.generation(Long.parseLong(alias.substring(PREFIX.length()))).map(Reloading.Snapshot::value);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
