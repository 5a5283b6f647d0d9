package dev.exportersuite.core.jdbc;

import dev.exportersuite.core.cli.ExporterCommand;
import dev.exportersuite.core.config.ExporterConfigReader;
import dev.exportersuite.core.config.RequestParser;

/** The command line of an exporter whose requests are SQL and whose config file has a {@code connection:} section. */
public abstract class SqlExporterCommand extends ExporterCommand<JdbcConnectionSection, SqlRequest> {

  @Override
  protected ExporterConfigReader.ModuleSection<JdbcConnectionSection> configSection() {
    return JdbcConnectionSection.section();
  }

  @Override
  protected RequestParser<SqlRequest> requestParser() {
    return SqlRequest.parser();
  }
}
