package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.config.SourceLocation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the landing page shows of one collector after the last collection; errors are already redacted.
 */
public record CollectorStatus(
    String collector, SourceLocation source, boolean enabled, Duration lastDuration, Optional<String> lastError,
    Optional<Instant> lastSuccess, long errorsTotal) {}
