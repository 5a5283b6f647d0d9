package dev.exportersuite.redis;

/**
 * How much of one reply the exporter keeps: a reply past either bound is an error for its entry alone, not an
 * OutOfMemoryError for the process. Enforced while the reply is decoded ({@link ReplyOutput}): past a bound nothing
 * more is kept, but the rest of the reply is still read off the wire, so the connection stays usable.
 *
 * @param maxElements values in one reply, at any depth (an {@code LRANGE} of n items is n; a map entry is 2)
 * @param maxBytes bytes of string values in one reply, summed
 */
record ReplyLimits(int maxElements, long maxBytes) {

  /**
   * Defaults measured under the image's 128 MiB heap (see the README): each element of a reply costs about
   * 500 bytes by the time it is a sample, so 100,000 are about 50 MiB at the peak of a scrape.
   */
  static final int DEFAULT_MAX_ELEMENTS = 100_000;
  static final long DEFAULT_MAX_BYTES = 16L << 20;
  /** Upper bounds of the settings: past them a reply cannot fit any heap the image is meant to run with. */
  static final int MAX_MAX_ELEMENTS = 10_000_000;
  static final long MAX_MAX_BYTES = 1L << 30;

  static final ReplyLimits DEFAULT = new ReplyLimits(DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_BYTES);
  /**
   * For the exporter's own commands (SCAN batches up to 100,000 keys, XINFO, TYPE, GET of checked keys), whose
   * sizes their own settings bound: room for the largest SCAN batch, the default byte bound.
   */
  static final ReplyLimits INTERNAL = new ReplyLimits(250_000, DEFAULT_MAX_BYTES);

  ReplyLimits {
    if (maxElements < 1 || maxElements > MAX_MAX_ELEMENTS) {
      throw new IllegalArgumentException("max_reply_elements must be between 1 and " + MAX_MAX_ELEMENTS
          + ", found " + maxElements);
    }
    if (maxBytes < 1 || maxBytes > MAX_MAX_BYTES) {
      throw new IllegalArgumentException("max_reply_bytes must be between 1 and " + MAX_MAX_BYTES + ", found "
          + maxBytes);
    }
  }
}
