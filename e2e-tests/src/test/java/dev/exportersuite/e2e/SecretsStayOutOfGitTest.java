package dev.exportersuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/deployment.md has users write their passwords into configs/.env: git must never pick that file up. */
class SecretsStayOutOfGitTest {

  @Test
  void theComposeEnvFileIsIgnored() throws Exception {
    Tools.Result ignored = Tools.run(Duration.ofSeconds(30), Repo.root(), "git", "check-ignore", "-v",
        "configs/.env");
    assertThat(ignored.exitCode()).as(ignored.output()).isZero();
    assertThat(Repo.read(Repo.path("docs/deployment.md"))).contains("cat > .env <<'EOF'");
  }
}
