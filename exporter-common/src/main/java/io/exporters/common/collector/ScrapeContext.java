package io.exporters.common.collector;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.Target;
import io.exporters.common.backend.Version;
import java.util.Map;
import java.util.Optional;

/** What a collector gets for one run. Connections it borrows are returned when it finishes. */
public interface ScrapeContext<C> {
  Target target();

  /** The collector's deadline: the scrape's, or earlier when the collector has its own timeout. */
  Deadline deadline();

  /** A connection to the target, borrowed for the rest of this run. */
  C connection() throws Exception;

  /** A connection to another target of the same backend (e.g. another database). */
  C connection(Target other) throws Exception;

  /**
   * Gives back the connection to {@code other} before the run ends, so a collector that visits
   * many targets holds one at a time, not all of them under the process's connection cap.
   */
  void release(Target other);

  Optional<Version> backendVersion();

  /** The collector's own options from config ({@code collectors.<name>.<option>}). */
  Map<String, String> options();

  /**
   * A line of what the collector did (a request sent, a check that failed), shown by
   * {@code /probe?debug=true}; the first {@value #DEBUG_LINES} of a run are kept.
   */
  void debug(String line);

  int DEBUG_LINES = 200;
}
