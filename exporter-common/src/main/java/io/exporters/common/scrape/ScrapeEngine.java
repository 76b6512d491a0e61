package io.exporters.common.scrape;

import io.exporters.common.collector.Version;
import io.exporters.common.log.SecretMasker;
import io.exporters.common.metrics.MetricBuffer;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricSink;
import io.exporters.common.metrics.MetricType;
import io.exporters.common.target.ConnectionPools;
import io.exporters.common.target.Lease;
import io.exporters.common.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the collectors of one target concurrently under one deadline. A failing, throwing or late
 * collector costs only its own series. Scrapes of a target that arrive while a round is in flight
 * join it, so N concurrent scrapes cost the backend one round. Collectors with a TTL are served
 * from their last result until it expires.
 */
public final class ScrapeEngine<C> {
  private static final Logger logger = LoggerFactory.getLogger(ScrapeEngine.class);

  private final String namespace;
  private final ConnectionPools<C> pools;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final ScrapeObserver observer;
  private final Map<String, Round> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Set<String> loggedSkips = ConcurrentHashMap.newKeySet();
  private final Map<String, Double> lastDurations = new ConcurrentHashMap<>();
  // The last failure logged per target and collector: the same failure every scrape (a missing
  // privilege, an absent extension) is logged once, then again only when it changes or clears.
  private final Map<String, String> loggedFailures = new ConcurrentHashMap<>();

  public ScrapeEngine(
      String namespace, ConnectionPools<C> pools, ExecutorService workers,
      ScheduledExecutorService timer, ScrapeObserver observer) {
    this.namespace = namespace;
    this.pools = pools;
    this.workers = workers;
    this.timer = timer;
    this.observer = observer;
  }

  /** Scrapes the target (or joins the round in flight for it) and answers by the deadline. */
  public ScrapeResult scrape(Target target, ScrapePlan<C> plan, Deadline deadline) {
    long startNanos = System.nanoTime();
    Round round;
    boolean started = false;
    synchronized (inFlight) {
      round = inFlight.get(target.key());
      if (round == null || round.plan != plan) {
        round = new Round(target, plan, deadline);
        inFlight.put(target.key(), round);
        started = true;
      }
    }
    if (started) {
      Round mine = round;
      ScheduledFuture<?> expiry = timer.schedule(mine::expire,
          Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
      mine.done.whenComplete((v, e) -> {
        inFlight.remove(target.key(), mine);
        // A pending timer would keep the round's results reachable until the deadline.
        expiry.cancel(false);
      });
      workers.execute(mine::start);
    }
    ScrapeResult result = await(round, deadline, startNanos);
    observer.scraped(target, result);
    return result;
  }

  /**
   * Scrapes several targets at once under one deadline and merges their series, each marked
   * with its target's label (e.g. {@code server}), so the same series of two targets stay apart.
   */
  public List<MetricFamily> scrapeAll(List<Target> targets, ScrapePlan<C> plan,
      Deadline deadline, Function<Target, Map.Entry<String, String>> label) {
    List<CompletableFuture<ScrapeResult>> others = new ArrayList<>();
    for (Target target : targets.subList(Math.min(1, targets.size()), targets.size())) {
      others.add(CompletableFuture.supplyAsync(() -> scrape(target, plan, deadline), workers));
    }
    MetricBuffer merged = new MetricBuffer();
    for (int i = 0; i < targets.size(); i++) {
      ScrapeResult result = i == 0 ? scrape(targets.get(0), plan, deadline)
          : others.get(i - 1).join();
      Map.Entry<String, String> mark = label.apply(targets.get(i));
      for (MetricFamily family : result.families()) {
        merged.add(family.withLabel(mark.getKey(), mark.getValue()));
      }
    }
    return merged.families();
  }

  /** Forgets cached results of a target (its pool was closed for idleness). */
  public void forget(Target target) {
    cache.keySet().removeIf(k -> k.startsWith(target.key() + '\u0000'));
    loggedFailures.keySet().removeIf(k -> k.startsWith(target.key() + '\u0000'));
  }

  /** Drops cache entries past their TTL, so memory holds only what may still be served. */
  public void evictExpired() {
    long now = System.nanoTime();
    cache.values().removeIf(c -> now - c.expiresAtNanos >= 0);
  }

  private ScrapeResult await(Round round, Deadline deadline, long startNanos) {
    boolean up = get(round.up, deadline).orElse(false);
    List<CollectorOutcome> outcomes = new ArrayList<>();
    for (ActiveCollector<C> active : round.plan.collectors()) {
      CompletableFuture<CollectorOutcome> future = round.outcomes.get(active.name());
      outcomes.add(get(future, deadline).orElseGet(() ->
          CollectorOutcome.late(active.name(), seconds(System.nanoTime() - startNanos))));
    }
    MetricBuffer merged = new MetricBuffer();
    Map<String, Integer> dropped = new LinkedHashMap<>();
    for (CollectorOutcome outcome : outcomes) {
      int n = outcome.droppedSeries();
      for (MetricFamily family : outcome.families()) {
        n += merged.add(family);
      }
      if (n > 0) {
        dropped.put(outcome.collector(), n);
      }
    }
    writeScrapeFamilies(merged, up, outcomes, round.plan);
    return new ScrapeResult(
        up, merged.families(), outcomes, dropped, seconds(System.nanoTime() - startNanos));
  }

  private void writeScrapeFamilies(
      MetricSink sink, boolean up, List<CollectorOutcome> outcomes, ScrapePlan<C> plan) {
    sink.gauge(namespace + "_up", "Whether the backend could be reached (1) or not (0).")
        .add(up ? 1 : 0);
    MetricSink.SeriesWriter success = sink.gauge(namespace + "_scrape_collector_success",
        "Whether the collector succeeded (1), or failed or missed the scrape deadline (0).",
        "collector");
    MetricSink.SeriesWriter duration = sink.gauge(namespace + "_scrape_collector_duration_seconds",
        "Seconds the collector took; for a result served from cache, when it last ran.",
        "collector");
    for (CollectorOutcome o : outcomes) {
      if (o.status() == CollectorOutcome.Status.SKIPPED) {
        continue;
      }
      success.add(o.succeeded() ? 1 : 0, o.collector());
      duration.add(o.durationSeconds(), o.collector());
    }
    MetricSink.SeriesWriter age = null;
    for (int i = 0; i < outcomes.size(); i++) {
      CollectorOutcome o = outcomes.get(i);
      if (plan.collectors().get(i).ttl() != null && o.succeeded()) {
        if (age == null) {
          age = sink.gauge(namespace + "_scrape_collector_cache_age_seconds",
              "Age of the result served for a collector with a cache TTL: 0 when it ran for this "
                  + "scrape; never older than the collector's TTL.",
              "collector");
        }
        age.add(o.cacheAgeSeconds(), o.collector());
      }
    }
  }

  private static <T> Optional<T> get(CompletableFuture<T> future, Deadline deadline) {
    try {
      return Optional.ofNullable(future.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private record Cached(List<MetricFamily> families, double durationSeconds, long producedAtNanos,
      long expiresAtNanos) {}

  private String cacheKey(Target target, String collector) {
    return target.key() + '\u0000' + collector;
  }

  /** One pass over a target's collectors; scrapes arriving meanwhile share it. */
  private final class Round {
    final Target target;
    final ScrapePlan<C> plan;
    final Deadline deadline;
    final CompletableFuture<Boolean> up = new CompletableFuture<>();
    final Map<String, CompletableFuture<CollectorOutcome>> outcomes = new LinkedHashMap<>();
    final CompletableFuture<Void> done;

    Round(Target target, ScrapePlan<C> plan, Deadline deadline) {
      this.target = target;
      this.plan = plan;
      this.deadline = deadline;
      List<CompletableFuture<?>> all = new ArrayList<>();
      all.add(up);
      for (ActiveCollector<C> active : plan.collectors()) {
        CompletableFuture<CollectorOutcome> f = new CompletableFuture<>();
        outcomes.put(active.name(), f);
        all.add(f);
      }
      done = CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
    }

    void start() {
      long now = System.nanoTime();
      List<ActiveCollector<C>> toRun = new ArrayList<>();
      for (ActiveCollector<C> active : plan.collectors()) {
        Cached cached = active.ttl() == null ? null : cache.get(cacheKey(target, active.name()));
        if (cached != null && now - cached.expiresAtNanos < 0) {
          outcomes.get(active.name()).complete(new CollectorOutcome(active.name(),
              CollectorOutcome.Status.SUCCESS, cached.families, cached.durationSeconds,
              seconds(now - cached.producedAtNanos), null, 0));
        } else {
          toRun.add(active);
        }
      }
      Version version;
      try (Lease<C> lease = pools.acquireChecked(target, deadline)) {
        try {
          version = pools.connector().version(lease.connection()).orElse(null);
        } catch (Exception e) {
          lease.markBroken();
          throw e;
        }
        up.complete(true);
      } catch (Exception | Error e) {
        String reason = describe(e);
        logger.atWarn().addKeyValue("target", target).addKeyValue("err", reason)
            .log("backend unreachable");
        up.complete(false);
        for (ActiveCollector<C> active : toRun) {
          outcomes.get(active.name()).complete(
              CollectorOutcome.failed(active.name(), 0, "backend unreachable: " + reason));
        }
        return;
      }
      List<ActiveCollector<C>> runnable = new ArrayList<>(toRun.size());
      for (ActiveCollector<C> active : toRun) {
        if (!active.spec().appliesTo(version)) {
          if (loggedSkips.add(target.key() + '\u0000' + active.name() + '\u0000' + version)) {
            logger.atInfo().addKeyValue("collector", active.name()).addKeyValue("target", target)
                .addKeyValue("version", version)
                .log("collector does not apply to this backend version; skipping it");
          }
          outcomes.get(active.name()).complete(new CollectorOutcome(active.name(),
              CollectorOutcome.Status.SKIPPED, List.of(), 0, Double.NaN, null, 0));
          continue;
        }
        runnable.add(active);
      }
      // Longest first, over as many lanes as the target has connections: the round takes about
      // as long as its slowest collector, with a few threads rather than one per collector.
      runnable.sort(Comparator.comparingDouble(
          (ActiveCollector<C> a) -> lastDurations.getOrDefault(a.name(), 0.0)).reversed());
      Queue<ActiveCollector<C>> queue = new ConcurrentLinkedQueue<>(runnable);
      int lanes = Math.min(runnable.size(), pools.maxPerTarget());
      for (int i = 1; i < lanes; i++) {
        workers.execute(() -> drain(queue, version));
      }
      drain(queue, version);
    }

    private void drain(Queue<ActiveCollector<C>> queue, Version version) {
      ActiveCollector<C> next;
      while ((next = queue.poll()) != null) {
        if (deadline.expired()) {
          outcomes.get(next.name()).complete(CollectorOutcome.late(next.name(), 0));
          continue;
        }
        run(next, version);
      }
    }

    private void run(ActiveCollector<C> active, Version version) {
      Deadline own = active.timeout() == null
          ? deadline : deadline.min(Deadline.in(active.timeout()));
      Context ctx = new Context(target, own, version, active.options());
      CompletableFuture<CollectorOutcome> outcome = outcomes.get(active.name());
      long started = System.nanoTime();
      Object runnerLock = new Object();
      Thread[] runner = {Thread.currentThread()};
      ScheduledFuture<?> watchdog = timer.schedule(() -> {
        if (outcome.complete(
            CollectorOutcome.late(active.name(), seconds(System.nanoTime() - started)))) {
          logger.atWarn().addKeyValue("collector", active.name()).addKeyValue("target", target)
              .log("collector missed the scrape deadline; cancelled");
          ctx.abortAll();
          synchronized (runnerLock) {
            if (runner[0] != null) {
              runner[0].interrupt();
            }
          }
        }
      }, Math.max(1, own.remainingMillis()), TimeUnit.MILLISECONDS);
      MetricBuffer buffer = new MetricBuffer();
      try {
        active.spec().collector().collect(ctx, buffer);
        List<MetricFamily> families = buffer.families();
        double took = seconds(System.nanoTime() - started);
        lastDurations.put(active.name(), took);
        if (active.ttl() != null) {
          families = noteCaching(families, active.ttl());
          long now = System.nanoTime();
          cache.put(cacheKey(target, active.name()),
              new Cached(families, took, now, now + active.ttl().toNanos()));
        }
        outcome.complete(new CollectorOutcome(active.name(), CollectorOutcome.Status.SUCCESS,
            families, took, active.ttl() == null ? Double.NaN : 0, null,
            buffer.droppedSeries()));
        if (loggedFailures.remove(cacheKey(target, active.name())) != null) {
          logger.atInfo().addKeyValue("collector", active.name()).addKeyValue("target", target)
              .log("collector succeeded again");
        }
      } catch (Throwable e) {
        // The connection stays pooled: the health check before its next use decides.
        if (!outcome.isDone()) {
          String reason = describe(e);
          if (!reason.equals(loggedFailures.put(cacheKey(target, active.name()), reason))) {
            logger.atWarn().addKeyValue("collector", active.name())
                .addKeyValue("target", target).addKeyValue("err", reason)
                .log("collector failed (logged again only when the error changes)");
          }
          outcome.complete(CollectorOutcome.failed(
              active.name(), seconds(System.nanoTime() - started), reason));
        }
      } finally {
        watchdog.cancel(false);
        synchronized (runnerLock) {
          runner[0] = null;
        }
        // A watchdog's interrupt belongs to this collector, not the next one in the lane.
        Thread.interrupted();
        ctx.releaseAll();
      }
    }

    /** At the deadline: whatever has not answered is late; an unanswered connect means down. */
    void expire() {
      up.complete(false);
      for (Map.Entry<String, CompletableFuture<CollectorOutcome>> e : outcomes.entrySet()) {
        e.getValue().complete(CollectorOutcome.late(e.getKey(), 0));
      }
    }
  }

  private static List<MetricFamily> noteCaching(List<MetricFamily> families, Duration ttl) {
    List<MetricFamily> out = new ArrayList<>(families.size());
    String note = " (cached: refreshed at most every " + ttl.toSeconds() + "s)";
    for (MetricFamily f : families) {
      out.add(f.withHelp(f.help() + note));
    }
    return out;
  }

  private static String describe(Throwable e) {
    Throwable t = e;
    if (t instanceof ExecutionException && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return SecretMasker.mask(message == null || message.isBlank()
        ? t.getClass().getSimpleName() : message.strip());
  }

  /** Per-collector context; tracks borrowed connections so they go back (or die) with the run. */
  private final class Context implements ScrapeContext<C> {
    private final Target target;
    private final Deadline deadline;
    private final Version version;
    private final Map<String, String> options;
    private final Map<String, Lease<C>> leases = new LinkedHashMap<>();
    private boolean aborted;

    Context(Target target, Deadline deadline, Version version, Map<String, String> options) {
      this.target = target;
      this.deadline = deadline;
      this.version = version;
      this.options = options;
    }

    @Override
    public Target target() {
      return target;
    }

    @Override
    public Deadline deadline() {
      return deadline;
    }

    @Override
    public C connection() throws Exception {
      return connection(target);
    }

    @Override
    public C connection(Target other) throws Exception {
      synchronized (this) {
        Lease<C> lease = leases.get(other.key());
        if (lease != null) {
          return lease.connection();
        }
      }
      // Not under the lock: waiting for a pooled connection must not block abortAll().
      Lease<C> lease = pools.acquire(other, deadline);
      synchronized (this) {
        leases.put(other.key(), lease);
        if (aborted) {
          lease.abort();
          throw new InterruptedException("collector cancelled at its deadline");
        }
      }
      return lease.connection();
    }

    @Override
    public Optional<Version> backendVersion() {
      return Optional.ofNullable(version);
    }

    @Override
    public Map<String, String> options() {
      return options;
    }

    synchronized void releaseAll() {
      for (Lease<C> lease : leases.values()) {
        lease.close();
      }
      leases.clear();
    }

    synchronized void abortAll() {
      aborted = true;
      for (Lease<C> lease : leases.values()) {
        lease.abort();
      }
    }
  }
}
