package io.exporters.common.bench;

import io.exporters.common.exposition.TextFormat;
import io.exporters.common.exposition.Utf8Buffer;
import io.exporters.common.metrics.MetricBuffer;
import io.exporters.common.metrics.MetricFamily;
import io.exporters.common.metrics.MetricSink;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-series cost of a scrape inside the exporter, on the shape of postgres per-table
 * statistics (21 families, labels datname/schemaname/relname): collecting into a MetricBuffer
 * (checks, dedupe, sort) and writing text. Run: bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExpositionBenchmark {
  @Param({"100", "1000"})
  public int tables;

  /** Rows in label order, as the per-table queries now return them, or reversed. */
  @Param({"true", "false"})
  public boolean ordered;

  private List<MetricFamily> families;

  @Setup
  public void setUp() {
    families = collect();
  }

  @Benchmark
  public List<MetricFamily> collectIntoBuffer() {
    return collect();
  }

  @Benchmark
  public long writeText() {
    Utf8Buffer out = new Utf8Buffer(64 * 1024);
    TextFormat.write(out, families);
    return out.size();
  }

  private List<MetricFamily> collect() {
    MetricBuffer buffer = new MetricBuffer();
    MetricSink.SeriesWriter[] writers = new MetricSink.SeriesWriter[21];
    for (int f = 0; f < writers.length; f++) {
      writers[f] = buffer.counter("pg_stat_user_tables_column_" + f, "Column " + f + " of the "
          + "view", "datname", "schemaname", "relname");
    }
    for (int t = 0; t < tables; t++) {
      String relname = String.format("table_%05d", ordered ? t : tables - t);
      for (int f = 0; f < writers.length; f++) {
        // Mostly whole numbers (counts), a few fractions (sizes in MB, times), as in real output.
        writers[f].add(f % 5 == 0 ? t * 1.25 + f : t * 1000.0 + f, "appdb", "public", relname);
      }
    }
    return buffer.families();
  }
}
