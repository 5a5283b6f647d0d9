package dev.exportersuite.redis;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps any reply as a plain tree: {@link String}, {@link Long}, {@link Double}, {@link Boolean},
 * {@link BigDecimal}, null, {@link List} (arrays, sets, pushes) and {@link Map} (RESP3 maps), so that one
 * generic step can turn it into rows whatever the command was.
 */
final class ReplyOutput extends CommandOutput<String, String, Object> {

  /** A map under construction: RESP3 sends its entries as alternating keys and values. */
  private static final class MapBuilder extends ArrayList<Object> {
    MapBuilder(int size) {
      super(Math.max(0, size) * 2);
    }
  }

  private final Deque<List<Object>> stack = new ArrayDeque<>();
  private final ReplyLimits limits;
  private List<Object> current;
  private boolean started;
  private long elements;
  private long bytes;
  /** Set once a limit is passed: from then on the rest of the reply is read and dropped. */
  private boolean over;

  /** Bulk strings as their bytes ({@code byte[]}), for replies that carry key names. */
  private final boolean keepBytes;

  ReplyOutput(ReplyLimits limits) {
    this(limits, false);
  }

  ReplyOutput(ReplyLimits limits, boolean keepBytes) {
    super(StringCodec.UTF8, null);
    this.limits = limits;
    this.keepBytes = keepBytes;
  }

  @Override
  public void set(ByteBuffer bytes) {
    if (bytes != null && !countBytes(bytes.remaining())) {
      return;
    }
    if (bytes == null) {
      add(null);
    } else if (keepBytes) {
      byte[] raw = new byte[bytes.remaining()];
      bytes.get(raw);
      add(raw);
    } else {
      // Not UTF-8 (a binary key or value): escaped, never replaced, so distinct bytes stay distinct text.
      add(KeyText.of(bytes));
    }
  }

  /** Counts a string value's bytes; false (and the reply's error) past max_reply_bytes. */
  private boolean countBytes(int n) {
    bytes += n;
    if (!over && bytes > limits.maxBytes()) {
      over("reply has more than " + limits.maxBytes() + " bytes (limit max_reply_bytes)");
    }
    return !over;
  }

  /** Counts one value; false (and the reply's error) past max_reply_elements. */
  private boolean countElement() {
    if (!started) {
      return true; // the reply itself
    }
    elements++;
    if (!over && elements > limits.maxElements()) {
      over("reply has more than " + limits.maxElements() + " elements (limit max_reply_elements)");
    }
    return !over;
  }

  /** An aggregate that announces more elements than allowed is refused before anything is allocated for it. */
  private boolean tooMany(long count) {
    if (!over && elements + count > limits.maxElements()) {
      over("reply has more than " + limits.maxElements() + " elements (limit max_reply_elements)");
    }
    return over;
  }

  private void over(String message) {
    over = true;
    // What was kept goes now; lettuce completes the command with this error once the whole reply is read.
    output = null;
    current = null;
    stack.clear();
    setError(message);
  }

  @Override
  public void setSingle(ByteBuffer bytes) {
    set(bytes);
  }

  @Override
  public void setBigNumber(ByteBuffer bytes) {
    if (bytes != null && !countBytes(bytes.remaining())) {
      return;
    }
    add(bytes == null ? null : new BigDecimal(decodeString(bytes)));
  }

  @Override
  public void set(long value) {
    add(value);
  }

  @Override
  public void set(double value) {
    add(value);
  }

  @Override
  public void set(boolean value) {
    add(value);
  }

  @Override
  public void multi(int count) {
    if (tooMany(count)) {
      return;
    }
    open(new ArrayList<>(Math.max(0, count)));
  }

  @Override
  public void multiArray(int count) {
    multi(count);
  }

  @Override
  public void multiSet(int count) {
    multi(count);
  }

  @Override
  public void multiPush(int count) {
    multi(count);
  }

  @Override
  public void multiMap(int count) {
    if (tooMany(2L * count)) {
      return;
    }
    open(new MapBuilder(count));
  }

  @Override
  public void complete(int depth) {
    if (over) {
      return;
    }
    // The parser reports the nesting depth it is back at; close the aggregates deeper than that.
    while (stack.size() > depth && stack.size() > 1) {
      stack.pop();
      current = stack.peek();
    }
  }

  @Override
  public Object get() {
    return over ? null : finish(output);
  }

  private void open(List<Object> aggregate) {
    if (over || !countElement()) {
      return;
    }
    if (!started) {
      started = true;
      output = aggregate;
    } else {
      current.add(aggregate);
    }
    stack.push(aggregate);
    current = aggregate;
  }

  private void add(Object value) {
    if (over || !countElement()) {
      return;
    }
    if (current == null) {
      started = true;
      output = value;
    } else {
      current.add(value);
    }
  }

  /** Turns the collected aggregates into lists and maps. */
  private static Object finish(Object node) {
    if (node instanceof MapBuilder m) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i + 1 < m.size(); i += 2) {
        map.put(String.valueOf(finish(m.get(i))), finish(m.get(i + 1)));
      }
      return map;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(finish(o));
      }
      return out;
    }
    return node;
  }
}
