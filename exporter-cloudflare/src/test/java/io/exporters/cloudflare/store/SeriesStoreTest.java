package io.exporters.cloudflare.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.metrics.MetricFamily;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counters add, gauges are replaced per window, top-N keeps totals, series expire. */
class SeriesStoreTest {
  private static final FamilySpec COUNT = FamilySpec.counter("t", "t_requests", "help",
      "account", "country", "zone");
  private static final FamilySpec QUANTILE = FamilySpec.gauge("t", "t_p95", "help", "host",
      "zone");

  @Test
  void countersAddAcrossUpdatesAndGaugesKeepOnlyTheLatestWindow() {
    SeriesStore store = new SeriesStore();
    StoreUpdate u = new StoreUpdate(Set.of());
    u.count(COUNT, "z1", 5, "acme", "US", "a.example");
    u.count(COUNT, "z1", 2, "acme", "US", "a.example");
    u.gauge(QUANTILE, "z1", 900, "api.a.example", "a.example");
    u.gauge(QUANTILE, "z1", 100, "www.a.example", "a.example");
    store.apply(u, 1_000, 0);
    StoreUpdate next = new StoreUpdate(Set.of());
    next.count(COUNT, "z1", 3, "acme", "US", "a.example");
    next.gauge(QUANTILE, "z1", 950, "api.a.example", "a.example");
    store.apply(next, 2_000, 0);
    store.publish();
    assertThat(store.series("t_requests")).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(10));
    assertThat(store.series("t_p95")).singleElement().satisfies(s -> {
      assertThat(s.labelValues()).containsExactly("api.a.example", "a.example");
      assertThat(s.value()).isEqualTo(950);
    });
  }

  @Test
  void pastTopNTheBreakdownIsCountedAsOtherSoTotalsStayExact() {
    SeriesStore store = new SeriesStore();
    StoreUpdate u = new StoreUpdate(Set.of());
    u.count(COUNT, "z1", 1, "acme", "FR", "a.example");
    u.count(COUNT, "z1", 50, "acme", "US", "a.example");
    u.count(COUNT, "z1", 9, "acme", "DE", "a.example");
    u.count(COUNT, "z2", 4, "acme", "FR", "b.example");
    store.apply(u, 0, 2);
    StoreUpdate later = new StoreUpdate(Set.of());
    later.count(COUNT, "z1", 7, "acme", "JP", "a.example");
    later.count(COUNT, "z1", 1, "acme", "DE", "a.example");
    store.apply(later, 0, 2);
    store.publish();
    assertThat(store.series("t_requests")).extracting(s -> String.join("/", s.labelValues()) + "="
        + (long) s.value()).containsExactly("acme/DE/a.example=10", "acme/FR/b.example=4",
            "acme/US/a.example=50", "acme/other/a.example=8");
  }

  @Test
  void seriesExpireWhenNotUpdatedAndGoWithTheirOwner() {
    SeriesStore store = new SeriesStore();
    StoreUpdate u = new StoreUpdate(Set.of());
    u.count(COUNT, "z1", 1, "acme", "US", "a.example");
    u.count(COUNT, "z2", 1, "acme", "US", "b.example");
    store.apply(u, 1_000, 0);
    StoreUpdate later = new StoreUpdate(Set.of());
    later.count(COUNT, "z2", 1, "acme", "US", "b.example");
    later.gauge(QUANTILE, "z2", 1, "h", "b.example");
    store.apply(later, 5_000, 0);
    assertThat(store.expire(2_000)).isEqualTo(1);
    store.dropOwner("z2");
    store.publish();
    assertThat(store.size()).isZero();
    assertThat(store.series("t_requests")).isEmpty();
  }

  @Test
  void publishedLabelValuesAreOneStringEach() {
    SeriesStore store = new SeriesStore();
    StoreUpdate u = new StoreUpdate(Set.of());
    u.count(COUNT, "z1", 1, "acme", "US", new String("a.example"));
    u.gauge(QUANTILE, "z1", 1, "h", new String("a.example"));
    store.apply(u, 0, 0);
    store.publish();
    assertThat(store.series("t_requests").get(0).labelValue(2))
        .isSameAs(store.series("t_p95").get(0).labelValue(1));
  }

  @Test
  void deniedFamiliesAreNeverStored() {
    SeriesStore store = new SeriesStore();
    StoreUpdate u = new StoreUpdate(Set.of("t_requests"));
    u.count(COUNT, "z1", 1, "acme", "US", "a.example");
    assertThat(u.wants(COUNT)).isFalse();
    store.apply(u, 0, 0);
    assertThat(store.size()).isZero();
    assertThat(List.of(u.isEmpty())).containsExactly(true);
  }

  @Test
  void aPublishedFamilyIsServedAsTheSameObjectUntilTheNextPublishWithTheHelpGiven() {
    SeriesStore store = new SeriesStore();
    StoreUpdate u = new StoreUpdate(Set.of());
    u.count(COUNT, "z1", 5, "acme", "US", "a.example");
    store.apply(u, 1_000, 0);
    store.publish(f -> f.help() + " (late)");
    MetricFamily first = store.family("t_requests");
    assertThat(first.help()).isEqualTo("help (late)");
    assertThat(store.family("t_requests")).isSameAs(first);
    assertThat(store.family("t_p95")).isNull();

    store.apply(u, 2_000, 0);
    store.publish();
    assertThat(store.family("t_requests")).isNotSameAs(first);
    assertThat(store.series("t_requests")).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(10));
    assertThat(first.samples()).singleElement()
        .satisfies(s -> assertThat(s.value()).as("what was published stays as it was")
            .isEqualTo(5));
  }

  @Test
  void equalLabelValuesAreHeldOnceAcrossFamilies() {
    SeriesStore store = new SeriesStore();
    StoreUpdate u = new StoreUpdate(Set.of());
    u.count(COUNT, "z1", 5, "acme", "US", new String("a.example"));
    u.gauge(QUANTILE, "z1", 900, "api.a.example", new String("a.example"));
    store.apply(u, 1_000, 0);
    store.publish();
    String inCounter = store.series("t_requests").get(0).labelValue(2);
    String inGauge = store.series("t_p95").get(0).labelValue(1);
    assertThat(inGauge).isEqualTo("a.example").isSameAs(inCounter);
  }
}
