package io.exporters.cloudflare.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every API request by endpoint, HTTP status and error class, for
 * {@code cloudflare_exporter_api_requests_total}. The key space is small and fixed (endpoints
 * are names such as "graphql" or "zones", never URLs with IDs).
 */
public final class ApiCalls {
  /** One counted combination. */
  public record Key(String endpoint, String status, String errorClass)
      implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = endpoint.compareTo(o.endpoint);
      c = c != 0 ? c : errorClass.compareTo(o.errorClass);
      return c != 0 ? c : status.compareTo(o.status);
    }
  }

  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder answered = new LongAdder();
  private final LongAdder unanswered = new LongAdder();
  private volatile String lastUnanswered = "";

  void record(String endpoint, int status, ErrorClass errorClass) {
    String code = status == 0 ? "none" : Integer.toString(status);
    counts.computeIfAbsent(new Key(endpoint, code, errorClass.label()), k -> new LongAdder())
        .increment();
    (errorClass.apiAnswered() ? answered : unanswered).increment();
  }

  /** Records a call that did not reach the API or was refused, with why. */
  void record(String endpoint, int status, ErrorClass errorClass, String message) {
    if (!errorClass.apiAnswered()) {
      lastUnanswered = message;
    }
    record(endpoint, status, errorClass);
  }

  /** Calls the API answered with its credentials accepted (whatever it said). */
  public long answered() {
    return answered.sum();
  }

  /** Calls that timed out, failed to connect, were refused (401) or got no usable answer. */
  public long unanswered() {
    return unanswered.sum();
  }

  public String lastUnanswered() {
    return lastUnanswered;
  }

  /** The counts so far, sorted by endpoint, error class and status. */
  public Map<Key, Long> snapshot() {
    Map<Key, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
