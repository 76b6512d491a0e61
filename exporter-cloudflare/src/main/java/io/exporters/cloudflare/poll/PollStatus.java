package io.exporters.cloudflare.poll;

import io.exporters.cloudflare.api.ApiCalls;
import java.time.Duration;
import java.time.Instant;

/**
 * The poller's own state for {@code cloudflare_up} and the status page: whether the latest poll
 * that called the API reached it and had its credentials accepted, when polls ran and how long
 * they took, and what they found.
 */
public final class PollStatus {
  private volatile boolean reachable;
  private volatile String reason = "no poll has reached the API yet";
  private volatile Instant lastPoll;
  private volatile Duration lastDuration = Duration.ZERO;
  private volatile int zones;
  private volatile int excluded;
  private volatile int inactive;
  private volatile int accounts;
  private volatile int deferred;
  private long answeredBefore;
  private long unansweredBefore;

  synchronized void beginPoll(ApiCalls calls) {
    answeredBefore = calls.answered();
    unansweredBefore = calls.unanswered();
  }

  /** A poll with no call keeps the last verdict; otherwise any answer means reachable. */
  synchronized void endPoll(ApiCalls calls, Instant at, Duration took) {
    long answered = calls.answered() - answeredBefore;
    long unanswered = calls.unanswered() - unansweredBefore;
    if (answered > 0) {
      reachable = true;
      reason = "";
    } else if (unanswered > 0) {
      reachable = false;
      reason = calls.lastUnanswered();
    }
    lastPoll = at;
    lastDuration = took;
  }

  void inventory(int zones, int excluded, int inactive, int accounts) {
    this.zones = zones;
    this.excluded = excluded;
    this.inactive = inactive;
    this.accounts = accounts;
  }

  void deferred(int queries) {
    this.deferred = queries;
  }

  /** Throws with the reason unless the API answered at the latest poll that called it. */
  public void checkReachable() throws Exception {
    if (!reachable) {
      throw new Exception("Cloudflare API: " + reason);
    }
  }

  public boolean reachable() {
    return reachable;
  }

  public String reason() {
    return reason;
  }

  /** Null before the first poll. */
  public Instant lastPoll() {
    return lastPoll;
  }

  public Duration lastDuration() {
    return lastDuration;
  }

  public int zones() {
    return zones;
  }

  public int excluded() {
    return excluded;
  }

  public int inactive() {
    return inactive;
  }

  public int accounts() {
    return accounts;
  }

  /** Queries due at the latest poll that the budget left for later polls. */
  public int deferred() {
    return deferred;
  }
}
