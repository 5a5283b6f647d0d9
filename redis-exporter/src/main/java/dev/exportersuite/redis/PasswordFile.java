package dev.exportersuite.redis;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.SecretSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code --redis.password-file}: either the password itself (a Docker or Kubernetes secret) or, as
 * redis_exporter reads it, a JSON object of address to password ({@code {"redis://cache-1:6379": "pw"}}), which
 * also serves {@code /scrape} targets.
 */
record PasswordFile(Optional<String> password, Map<String, String> byAddress) {

  PasswordFile {
    byAddress = Map.copyOf(byAddress);
  }

  static PasswordFile read(Path file) throws ConfigException {
    String text = SecretSource.readFile(file, "--redis.password-file");
    if (!text.strip().startsWith("{")) {
      return new PasswordFile(Optional.of(text), Map.of());
    }
    Object parsed;
    try {
      parsed = new Yaml(new LoaderOptions()).load(text);
    } catch (YAMLException e) {
      // The message would quote the file, passwords included: say where, not what.
      throw new ConfigException(file.toString(), 0, "", "the file starts with '{' but is not a JSON object of "
          + "address to password");
    }
    if (!(parsed instanceof Map<?, ?> m)) {
      throw new ConfigException(file.toString(), 0, "", "expected a JSON object of address to password");
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    return new PasswordFile(Optional.empty(), out);
  }

  /** The password for this address: the file's single password, or the map's entry for exactly this address. */
  Optional<String> forAddress(String address) {
    return password.or(() -> Optional.ofNullable(byAddress.get(address)).filter(s -> !s.isEmpty()));
  }

  @Override
  public String toString() {
    return "PasswordFile[" + (password.isPresent() ? "***" : byAddress.size() + " addresses") + "]";
  }
}
