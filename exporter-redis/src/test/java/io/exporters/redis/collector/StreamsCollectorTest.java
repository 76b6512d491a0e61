package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.redis.Scrapes;
import io.exporters.redis.SharedRedis;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;

/** A stream the test made, with a group and a consumer, as XINFO describes them. */
class StreamsCollectorTest {
  private final SharedRedis redis = new SharedRedis();

  @AfterEach
  void cleanUp() {
    redis.cleanUp(0);
    redis.close();
  }

  @Test
  void streamGroupAndConsumerState() throws Exception {
    Jedis j = redis.jedis();
    String stream = redis.key("events");
    StreamEntryID first = j.xadd(stream, XAddParams.xAddParams(), Map.of("n", "1"));
    StreamEntryID last = j.xadd(stream, XAddParams.xAddParams(), Map.of("n", "2"));
    j.set(redis.key("not-a-stream"), "x");
    j.xgroupCreate(stream, "workers", new StreamEntryID(0, 0), false);
    j.xreadGroup("workers", "alice", XReadGroupParams.xReadGroupParams().count(1),
        Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    try (InProcessExporter e = Scrapes.exporter("--check-streams=" + redis.prefix() + "*")) {
      Exposition s = Scrapes.scrape(e, redis.url(), 5);
      assertThat(s.value("redis_stream_length", "db", "db0", "stream", stream)).isEqualTo(2);
      assertThat(s.value("redis_stream_groups", "stream", stream)).isEqualTo(1);
      assertThat(s.value("redis_stream_last_generated_id", "stream", stream))
          .isEqualTo(last.getTime());
      assertThat(s.value("redis_stream_first_entry_id", "stream", stream))
          .isEqualTo(first.getTime());
      assertThat(s.value("redis_stream_group_consumers", "stream", stream, "group", "workers"))
          .isEqualTo(1);
      assertThat(s.value("redis_stream_group_messages_pending", "group", "workers"))
          .isEqualTo(1);
      assertThat(s.value("redis_stream_group_last_delivered_id", "group", "workers"))
          .isEqualTo(first.getTime());
      assertThat(s.value("redis_stream_group_lag", "group", "workers")).isEqualTo(1);
      assertThat(s.value("redis_stream_group_consumer_messages_pending", "consumer", "alice"))
          .isEqualTo(1);
      assertThat(s.value("redis_stream_group_consumer_idle_seconds", "consumer", "alice"))
          .isBetween(0.0, 60.0);
      // The scan asked for streams only.
      assertThat(s.find("redis_stream_length", "stream", redis.key("not-a-stream"))).isEmpty();
    }
    try (InProcessExporter e = Scrapes.exporter("--check-single-streams=" + stream,
        "--streams-exclude-consumer-metrics")) {
      Exposition s = Scrapes.scrape(e, redis.url(), 5);
      assertThat(s.value("redis_stream_length", "stream", stream)).isEqualTo(2);
      assertThat(s.family("redis_stream_group_consumer_idle_seconds")).isEmpty();
    }
  }
}
