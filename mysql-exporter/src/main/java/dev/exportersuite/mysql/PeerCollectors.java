package dev.exportersuite.mysql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The collectors of mysqld_exporter 0.14 to 0.16 ({@code --collect.<name>}), each with whether the peer runs it by
 * default. A name this exporter has no definition for is still accepted on the command line (a compose file written
 * for the peer must start here), and switching it on is logged as having no effect.
 */
final class PeerCollectors {

  /** Name -> on by default (mysqld_exporter's {@code scrapers} table). */
  static final Map<String, Boolean> DEFAULTS = defaults();

  private PeerCollectors() {}

  private static Map<String, Boolean> defaults() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    m.put("global_status", true);
    m.put("global_variables", true);
    m.put("slave_status", true);
    m.put("info_schema.processlist", false);
    m.put("mysql.user", false);
    m.put("info_schema.tables", false);
    m.put("info_schema.innodb_tablespaces", false);
    m.put("info_schema.innodb_metrics", false);
    m.put("auto_increment.columns", false);
    m.put("binlog_size", false);
    m.put("perf_schema.tableiowaits", false);
    m.put("perf_schema.indexiowaits", false);
    m.put("perf_schema.tablelocks", false);
    m.put("perf_schema.eventsstatements", false);
    m.put("perf_schema.eventsstatementssum", false);
    m.put("perf_schema.eventswaits", false);
    m.put("perf_schema.file_events", false);
    m.put("perf_schema.file_instances", false);
    m.put("perf_schema.memory_events", false);
    m.put("perf_schema.replication_group_members", false);
    m.put("perf_schema.replication_group_member_stats", false);
    m.put("perf_schema.replication_applier_status_by_worker", false);
    m.put("sys.user_summary", false); // 0.15+
    m.put("info_schema.userstats", false);
    m.put("info_schema.clientstats", false);
    m.put("info_schema.tablestats", false);
    m.put("info_schema.schemastats", false);
    m.put("info_schema.innodb_cmp", true);
    m.put("info_schema.innodb_cmpmem", true);
    m.put("info_schema.query_response_time", true);
    m.put("engine_tokudb_status", false);
    m.put("engine_innodb_status", false);
    m.put("heartbeat", false);
    m.put("slave_hosts", false);
    m.put("info_schema.replica_host", false);
    return Map.copyOf(m);
  }

  static boolean known(String name) {
    return DEFAULTS.containsKey(name);
  }
}
