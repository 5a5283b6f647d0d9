package dev.exportersuite.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.jdbc.JdbcConnectionSection;
import dev.exportersuite.core.endpoint.HostPort;
import dev.exportersuite.core.endpoint.SocketPath;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The texts users write to say where the server is and who to log in as. */
class ConnectionTextsTest {

  private static ServerEndpoint tcp(String host, int port) {
    return ServerEndpoint.tcp(new HostPort(host, port));
  }

  @Test
  void addresses() {
    assertThat(ServerEndpoint.parse("db:3307")).isEqualTo(tcp("db", 3307));
    assertThat(ServerEndpoint.parse("db")).isEqualTo(tcp("db", 3306));
    assertThat(ServerEndpoint.parse("[::1]:3310")).isEqualTo(tcp("::1", 3310));
    assertThat(ServerEndpoint.parse("unix:///run/mysqld/mysqld.sock").socket())
        .contains(new SocketPath("/run/mysqld/mysqld.sock"));
    assertThat(tcp("::1", 3310).jdbcUrl()).isEqualTo("jdbc:mysql://[::1]:3310/");
    assertThatThrownBy(() -> ServerEndpoint.parse("::1")).hasMessageContaining("needs brackets");
    assertThatThrownBy(() -> ServerEndpoint.parse("db:x")).hasMessageContaining("port is not a number");
    assertThatThrownBy(() -> ServerEndpoint.parse("db:70000")).hasMessageContaining("70000");
    assertThatThrownBy(() -> ServerEndpoint.parse(" ")).hasMessageContaining("spaces");
    assertThatThrownBy(() -> ServerEndpoint.parse("")).hasMessageContaining("empty");
  }

  @Test
  void usernameFlagSplitsAtTheFirstColonOnly() {
    Credentials c = Credentials.parseUserFlag("exporter:a:b@c/d");
    assertThat(c.user()).contains("exporter");
    assertThat(c.password()).contains("a:b@c/d");
    assertThat(c.toString()).doesNotContain("a:b@c/d");
    assertThat(Credentials.parseUserFlag("exporter").password()).isEmpty();
  }

  @Test
  void dataSourceNames() {
    DataSourceName d = DataSourceName.parse("exp:p@ss/w:rd@tcp(db:3307)/");
    assertThat(d.user()).contains("exp");
    assertThat(d.password()).contains("p@ss/w:rd");
    assertThat(d.endpoint()).contains(tcp("db", 3307));
    assertThat(DataSourceName.parse("root@/").endpoint()).isEmpty();
    assertThat(DataSourceName.parse("exp@unix(/run/mysqld.sock)/").endpoint().flatMap(ServerEndpoint::socket))
        .contains(new SocketPath("/run/mysqld.sock"));
    assertThat(DataSourceName.parse("exp:pw@(db)/").endpoint()).contains(tcp("db", 3306));
    // The address goes through the strict grammar: a driver option cannot ride in on the DSN.
    assertThatThrownBy(() -> DataSourceName.parse("exp:pw@tcp(db:3306,allowLoadLocalInfile=true)/"))
        .hasMessageContaining("port");
    assertThatThrownBy(() -> DataSourceName.parse("exp:pw@udp(db:3306)/")).hasMessageContaining("tcp or unix");
    // A missing '@' puts the password where the address belongs: the error must not repeat it.
    assertThatThrownBy(() -> DataSourceName.parse("exp:s3cr3t:x@y(db)/")).hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> DataSourceName.parse("exp@tcp(s3cr3t:x:1)/")).hasMessageNotContaining("s3cr3t");
    // Found by DataSourceNameFuzzTest: a bad socket path was quoted, the only part of a DSN an error repeated.
    assertThatThrownBy(() -> DataSourceName.parse("exp@unix(/run/s3cr3t sock)/"))
        .hasMessage("DATA_SOURCE_NAME: a socket path is absolute, of letters, digits and . _ - / @ +");
    assertThatThrownBy(() -> DataSourceName.parse("no-slash")).hasMessageContaining("'/'");
  }

  @Test
  void myCnfSectionsQuotesAndComments() throws Exception {
    MyCnf cnf = MyCnf.parse("test.cnf", List.of(
        "# comment", "[client]", "user = exp", "password = \"a #b;c\\\"d\"", "host=db # where",
        "port=3307", "", "[client.team_a]", "user=team", "password='x y'", "!includedir /etc/mysql/conf.d/"));
    MyCnf.Section client = cnf.section("client").orElseThrow();
    assertThat(client.get("password")).contains("a #b;c\"d");
    assertThat(client.get("host")).contains("db");
    assertThat(client.get("port")).contains("3307");
    assertThat(cnf.section("client.team_a").orElseThrow().get("password")).contains("x y");
    assertThat(cnf.section("client.none")).isEmpty();
    assertThat(client.toString()).doesNotContain("a #b");
    assertThatThrownBy(() -> MyCnf.parse("bad.cnf", List.of("user=x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("[client]");
  }

  @Test
  void sessionStatementKeepsMariaDbOnlySettingsInAnExecutableComment() {
    assertThat(new SessionSettings(2, false).initSql())
        .isEqualTo("SET SESSION lock_wait_timeout = 2 /*M!100300 , log_queries_not_using_indexes = OFF */");
    assertThat(new SessionSettings(5, true).initSql()).contains("lock_wait_timeout = 5")
        .contains("log_slow_filter = 'tmp_table_on_disk,filesort_on_disk' */");
    assertThatThrownBy(() -> new SessionSettings(0, false)).hasMessageContaining("at least 1");
  }

  @Test
  void sourcesWinInTheDocumentedOrder() throws Exception {
    MyCnf cnf = MyCnf.parse("c.cnf", List.of("[client]", "user=cnfuser", "password=cnfpw", "host=cnfhost",
        "port=3400"));
    ConnectionSources both = new ConnectionSources(Credentials.parseUserFlag("flaguser"),
        Optional.of(DataSourceName.parse("dsnuser:dsnpw@tcp(dsnhost:3500)/")), Optional.of(cnf),
        JdbcConnectionSection.EMPTY, new SessionSettings(2, false), false);
    MysqlSettings s = both.resolve(Optional.empty(), "client");
    assertThat(s.credentials().user()).contains("flaguser");
    assertThat(s.credentials().password()).contains("dsnpw");
    assertThat(s.endpoint()).isEqualTo(tcp("cnfhost", 3400));
    assertThat(both.resolve(Optional.of(tcp("other", 1)), "client").endpoint()).isEqualTo(tcp("other", 1));
    assertThatThrownBy(() -> both.resolve(Optional.empty(), "client.x"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("[client.x]");
  }

  @Test
  void hostOfAnOptionFileGoesThroughTheSameGrammar() throws Exception {
    MyCnf cnf = MyCnf.parse("c.cnf", List.of("[client]", "user=u", "host=db/?autoDeserialize=true"));
    ConnectionSources sources = new ConnectionSources(Credentials.NONE, Optional.empty(), Optional.of(cnf),
        JdbcConnectionSection.EMPTY, new SessionSettings(2, false), false);
    assertThatThrownBy(() -> sources.resolve(Optional.empty(), "client"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("c.cnf").hasMessageContaining("host");
  }

  @Test
  void driverOptionsThatReachIntoThisHostAreAlwaysOff() throws Exception {
    JdbcConnectionSection asking = new JdbcConnectionSection(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), java.util.Map.of("ALLOWLOADLOCALINFILE", "true"));
    ConnectionSources sources = new ConnectionSources(Credentials.NONE, Optional.empty(), Optional.empty(), asking,
        new SessionSettings(2, false), false);
    assertThatThrownBy(() -> sources.resolve(Optional.empty(), "client"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("connection.properties")
        .hasMessageContaining("ALLOWLOADLOCALINFILE");
    var built = DriverProperties.build(Duration.ofSeconds(1), Optional.empty(), false,
        java.util.Map.of("allowLoadLocalInfileInPath", "/", "useSSL", "false"));
    assertThat(built).containsEntry("allowLoadLocalInfile", "false").containsEntry("allowUrlInLocalInfile", "false")
        .containsEntry("autoDeserialize", "false").containsEntry("allowMultiQueries", "false")
        .containsEntry("useSSL", "false").doesNotContainKey("allowLoadLocalInfileInPath");
  }

  /** --tls.insecure-skip-verify: sslMode=REQUIRED, unless connection.properties names one; never over a socket. */
  @Test
  void tlsFlagRequiresTlsUnlessTheConfigSaysOtherwise() {
    assertThat(DriverProperties.build(Duration.ofSeconds(1), Optional.empty(), false, java.util.Map.of()))
        .doesNotContainKey("sslMode");
    assertThat(DriverProperties.build(Duration.ofSeconds(1), Optional.empty(), true, java.util.Map.of()))
        .containsEntry("sslMode", "REQUIRED");
    assertThat(DriverProperties.build(Duration.ofSeconds(1), Optional.empty(), true,
        java.util.Map.of("sslMode", "VERIFY_IDENTITY"))).containsEntry("sslMode", "VERIFY_IDENTITY");
    assertThat(DriverProperties.build(Duration.ofSeconds(1),
        Optional.of(new dev.exportersuite.core.endpoint.SocketPath("/run/mysqld/mysqld.sock")), true,
        java.util.Map.of())).containsEntry("sslMode", "DISABLED");
  }
}
