package io.exporters.redis.collector;

import io.exporters.common.collector.Collector;
import io.exporters.common.collector.ScrapeContext;
import io.exporters.common.metrics.MetricSink;
import io.exporters.redis.client.RedisConnection;
import io.exporters.redis.client.RedisError;
import io.exporters.redis.client.Replies;
import io.exporters.redis.info.Numbers;
import io.exporters.redis.settings.LuaScript;
import io.exporters.redis.settings.Output;
import java.util.List;

/**
 * {@code --script}: runs each Lua script ({@code EVAL}, or {@code EVAL_RO} when asked) and
 * exports the flat key, value, key, value... array it returns as
 * {@code redis_script_values{key,filename}}, with {@code redis_script_result{filename}} saying
 * how it went (1 ok, 0 error, 2 empty). A failing script costs only its own series; unlike
 * redis_exporter it does not turn {@code redis_up} to 0.
 */
public final class ScriptCollector implements Collector<RedisConnection> {
  private final Output out;
  private final List<LuaScript> scripts;
  private final boolean readOnly;

  public ScriptCollector(Output out, List<LuaScript> scripts, boolean readOnly) {
    this.out = out;
    this.scripts = scripts;
    this.readOnly = readOnly;
  }

  @Override
  public void collect(ScrapeContext<RedisConnection> ctx, MetricSink sink) throws Exception {
    if (scripts.isEmpty()) {
      return;
    }
    RedisConnection connection = ctx.connection().limitTo(ctx.deadline());
    for (LuaScript script : scripts) {
      double result;
      try {
        List<Object> values = Replies.list(connection.call(readOnly ? "EVAL_RO" : "EVAL",
            script.source(), "0"));
        result = values.isEmpty() ? 2 : 1;
        for (int i = 0; i + 1 < values.size(); i += 2) {
          String key = Replies.text(values.get(i));
          Double value = Numbers.parse(Replies.text(values.get(i + 1)));
          if (key == null || value == null) {
            continue;
          }
          if (out.v145()) {
            sink.gauge(out.name("script_values"), "Values returned by the collect script", "key")
                .add(value, key);
          } else {
            sink.gauge(out.name("script_values"), "Values returned by the collect script", "key",
                "filename").add(value, key, script.filename());
          }
        }
      } catch (RedisError e) {
        ctx.debug("script " + script.filename() + " failed: " + e.getMessage());
        result = 0;
      }
      if (!out.v145()) {
        sink.gauge(out.name("script_result"), "Result of the collect script evaluation",
            "filename").add(result, script.filename());
      }
    }
  }
}
