package io.exporters.common.scrape;

import io.exporters.common.collector.Version;
import io.exporters.common.target.Target;
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

  Optional<Version> backendVersion();

  /** The collector's own options from config ({@code collectors.<name>.<option>}). */
  Map<String, String> options();
}
