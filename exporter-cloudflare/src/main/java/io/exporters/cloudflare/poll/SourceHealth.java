package io.exporters.cloudflare.poll;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How each source fared: whether its latest poll read at least one scope (a partial failure
 * stays a success), why it failed otherwise, the end of the window all its scopes have been
 * counted to, rows cut short at the row limit, and minutes lost past the catch-up bound.
 */
public final class SourceHealth {
  /** The outcome of a source's latest poll that asked anything of it. */
  public record Outcome(boolean ok, String reason) {}

  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Outcome> thisPoll = new ConcurrentHashMap<>();
  private final Map<String, Instant> windowEnds = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> truncated = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();

  void beginPoll() {
    thisPoll.clear();
  }

  void succeeded(String source) {
    thisPoll.put(source, new Outcome(true, ""));
  }

  void failed(String source, String reason) {
    thisPoll.merge(source, new Outcome(false, reason), (old, now) -> old.ok() ? old : now);
  }

  /** Sources asked nothing this poll keep their previous outcome. */
  void endPoll() {
    outcomes.putAll(thisPoll);
  }

  void windowEnd(String source, Instant end) {
    if (end == null) {
      windowEnds.remove(source);
    } else {
      windowEnds.put(source, end);
    }
  }

  void truncated(String source) {
    truncated.computeIfAbsent(source, k -> new LongAdder()).increment();
  }

  void skipped(String source, long minutes) {
    if (minutes > 0) {
      skipped.computeIfAbsent(source, k -> new LongAdder()).add(minutes);
    }
  }

  /** Null before the source's first attempt. */
  public Outcome outcome(String source) {
    return outcomes.get(source);
  }

  /** Null before any window of the source was counted. */
  public Instant windowEnd(String source) {
    return windowEnds.get(source);
  }

  public Map<String, Instant> windowEnds() {
    return new TreeMap<>(windowEnds);
  }

  public Map<String, Long> truncatedCounts() {
    Map<String, Long> out = new TreeMap<>();
    truncated.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public Map<String, Long> skippedMinutes() {
    Map<String, Long> out = new TreeMap<>();
    skipped.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
