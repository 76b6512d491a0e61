package io.exporters.cloudflare.poll;

import io.exporters.cloudflare.api.RequestBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code /status} page: how old each dataset's data is and why, in plain text. Analytics
 * are minutes late by nature (SCRAPE_DELAY, then up to a poll interval); this says how late.
 */
public final class StatusPage {
  private StatusPage() {}

  public static String render(CloudflareData data, PollSettings s) {
    Instant now = data.clock().instant();
    PollStatus st = data.status();
    StringBuilder out = new StringBuilder(2048);
    out.append("cloudflare_exporter status at ").append(now).append("\n\n");
    if (s == null) {
      return out.append("No credentials configured (CF_API_TOKEN, or CF_API_KEY with "
          + "CF_API_EMAIL): nothing is polled.\n").toString();
    }
    out.append("Data is read in complete one-minute windows ending scrape_delay (")
        .append(s.delay().toSeconds()).append(" s) before each poll; polls run every ")
        .append(s.interval().toSeconds()).append(" s. /metrics serves what polls collected.\n");
    out.append("API: ").append(st.reachable() ? "reachable" : "NOT reachable: " + st.reason())
        .append('\n');
    out.append("last poll: ").append(st.lastPoll() == null ? "none yet"
        : st.lastPoll() + " (took " + st.lastDuration().toMillis() + " ms)").append('\n');
    out.append("zones polled: ").append(st.zones()).append(", excluded: ")
        .append(st.excluded()).append(", inactive: ").append(st.inactive())
        .append("; accounts: ").append(st.accounts()).append('\n');
    budget(out, "GraphQL", data.graphqlBudget());
    budget(out, "REST", data.restBudget());
    out.append("queries deferred to later polls by the budget: ").append(st.deferred())
        .append("; zones per query: ").append(data.batchSize().value()).append("\n\n");
    out.append(String.format("%-22s %-22s %10s  %s%n", "dataset", "counted up to", "age",
        "latest poll"));
    for (String source : s.sources()) {
      Instant end = data.health().windowEnd(source);
      SourceHealth.Outcome o = data.health().outcome(source);
      out.append(String.format("%-22s %-22s %10s  %s%n", source,
          end == null ? "-" : end.toString(),
          end == null ? "-" : Duration.between(end, now).toSeconds() + " s",
          o == null ? "not asked yet" : o.ok() ? "ok" : "failed: " + o.reason()));
    }
    if (!data.capabilities().unavailable().isEmpty()) {
      out.append("\nnot read:\n");
      data.capabilities().unavailable().forEach(u -> out.append("  ")
          .append(u.scope().describe()).append(": ").append(u.dataset()).append(": ")
          .append(u.reason()).append('\n'));
    }
    Map<String, String> problems = data.problems().open();
    if (!problems.isEmpty()) {
      out.append("\nproblems:\n");
      problems.values().forEach(p -> out.append("  ").append(p).append('\n'));
    }
    return out.toString();
  }

  /**
   * One line for the landing page: how old the data is (the oldest dataset's last counted
   * minute), whether the API answers, and when the last poll ran.
   */
  public static String summary(CloudflareData data, PollSettings s) {
    if (s == null) {
      return "no credentials configured: nothing is polled";
    }
    Instant now = data.clock().instant();
    PollStatus st = data.status();
    Instant oldest = null;
    for (String source : s.sources()) {
      Instant end = data.health().windowEnd(source);
      if (end != null && (oldest == null || end.isBefore(oldest))) {
        oldest = end;
      }
    }
    String age = oldest == null ? "no data counted yet"
        : "data counted up to " + oldest + ", " + Duration.between(oldest, now).toSeconds()
            + " s ago (scrape_delay " + s.delay().toSeconds() + " s)";
    return age + "; API " + (st.reachable() ? "reachable" : "NOT reachable")
        + "; last poll " + (st.lastPoll() == null ? "none yet" : st.lastPoll().toString());
  }

  private static void budget(StringBuilder out, String api, RequestBudget b) {
    out.append(api).append(" budget: ").append(b.used()).append(" of ").append(b.limit())
        .append(" requests in the last 5 minutes");
    if (!b.pauseRemaining().isZero()) {
      out.append("; paused ").append(b.pauseRemaining().toSeconds()).append(" s more: ")
          .append(b.pauseReason());
    }
    out.append('\n');
  }
}
