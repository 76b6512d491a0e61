package io.exporters.cloudflare;

import io.exporters.cloudflare.fake.FakeAccounts;
import io.exporters.cloudflare.fake.FakeCloudflare;
import io.exporters.cloudflare.poll.CloudflareData;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exporter in this JVM against a fake Cloudflare API, on a clock the test moves, with
 * polls run by the test: every window, budget and pause is exact and nothing sleeps.
 */
final class Harness implements AutoCloseable {
  static final String TOKEN = "cf-test-token-0123456789abcdef";
  /** 10:10:30; with the default 5 minute delay the first window is [10:04, 10:05). */
  static final Instant START = Instant.parse("2024-05-20T10:10:30Z");

  final MutableClock clock = new MutableClock(START);
  final FakeCloudflare fake;
  final CloudflareExporter exporter;
  final InProcessExporter app;

  private Harness(FakeCloudflare fake, Map<String, String> env, List<String> args)
      throws Exception {
    this.fake = fake;
    this.exporter = new CloudflareExporter(clock, false);
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("CF_API_TOKEN", TOKEN);
    all.putIfAbsent("CF_API_BASE_URL", fake.baseUrl());
    this.app = InProcessExporter.start(exporter, args, all);
  }

  static Harness start(FakeAccounts accounts, Map<String, String> env, String... args)
      throws Exception {
    FakeCloudflare fake = new FakeCloudflare(accounts);
    try {
      return new Harness(fake, env, List.of(args));
    } catch (Exception | Error e) {
      fake.close();
      throw e;
    }
  }

  static Harness start(int zones, int scripts, String... args) throws Exception {
    return start(new FakeAccounts(1, zones, scripts, TOKEN), Map.of(), args);
  }

  void poll() {
    exporter.poller().pollOnce();
  }

  /** Moves the clock by {@code minutes} and polls. */
  void pollAfter(int minutes) {
    clock.advance(Duration.ofMinutes(minutes));
    poll();
  }

  Exposition scrape() throws Exception {
    return app.scrape();
  }

  FakeAccounts accounts() {
    return fake.accounts();
  }

  CloudflareData data() {
    return exporter.data();
  }

  /** Epoch minutes in [from, to) given as minutes after 10:00 on the start day. */
  static List<Long> minutes(int from, int to) {
    long base = Instant.parse("2024-05-20T10:00:00Z").getEpochSecond() / 60;
    List<Long> out = new ArrayList<>();
    for (long m = base + from; m < base + to; m++) {
      out.add(m);
    }
    return out;
  }

  @Override
  public void close() {
    app.close();
    fake.close();
  }
}
