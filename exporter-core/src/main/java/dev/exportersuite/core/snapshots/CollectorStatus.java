package dev.exportersuite.core.snapshots;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the landing page shows of one collector after the last collection; errors are already redacted.
 */
public record CollectorStatus(
    String collector, String source, boolean enabled, Duration lastDuration, Optional<String> lastError,
    Optional<Instant> lastSuccess, long errorsTotal) {}
