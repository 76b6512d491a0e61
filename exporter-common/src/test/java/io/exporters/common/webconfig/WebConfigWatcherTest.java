package io.exporters.common.webconfig;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class WebConfigWatcherTest {
  @TempDir
  Path dir;

  private final AtomicLong now = new AtomicLong();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger watcherLogger = (Logger) LoggerFactory.getLogger(WebConfigWatcher.class);
  private Path file;

  @BeforeEach
  void setUp() {
    file = dir.resolve("web.yml");
    logs.start();
    watcherLogger.addAppender(logs);
  }

  @AfterEach
  void tearDown() {
    watcherLogger.detachAppender(logs);
  }

  @Test
  void picksUpAChangedFile() throws Exception {
    write("http_server_config:\n  headers: {X-Frame-Options: deny}\n", 1);
    WebConfigWatcher watcher = watcher(WebConfig.load(file));

    write("http_server_config:\n  headers: {X-Frame-Options: sameorigin}\n", 2);
    elapse(Duration.ofSeconds(1));

    assertThat(watcher.current().headers()).containsEntry("X-Frame-Options", "sameorigin");
  }

  @Test
  void looksAtTheFileAtMostOncePerInterval() throws Exception {
    write("http_server_config:\n  headers: {X-Frame-Options: deny}\n", 1);
    WebConfigWatcher watcher = watcher(WebConfig.load(file));

    write("http_server_config:\n  headers: {X-Frame-Options: sameorigin}\n", 2);
    elapse(Duration.ofMillis(900));
    assertThat(watcher.current().headers()).containsEntry("X-Frame-Options", "deny");

    elapse(Duration.ofMillis(100));
    assertThat(watcher.current().headers()).containsEntry("X-Frame-Options", "sameorigin");
  }

  @Test
  void keepsThePreviousConfigWhenTheNewFileIsBad() throws Exception {
    write("http_server_config:\n  headers: {X-Frame-Options: deny}\n", 1);
    WebConfig initial = WebConfig.load(file);
    WebConfigWatcher watcher = watcher(initial);

    write("http_server_config:\n  headerz: {X-Frame-Options: sameorigin}\n", 2);
    for (int i = 0; i < 3; i++) {
      elapse(Duration.ofSeconds(1));
      assertThat(watcher.current()).isSameAs(initial);
    }

    List<String> warnings = warnings();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains(file.toString())
        .contains("unknown key 'http_server_config.headerz'");

    write("http_server_config:\n  headers: {X-Frame-Options: sameorigin}\n", 3);
    elapse(Duration.ofSeconds(1));
    assertThat(watcher.current().headers()).containsEntry("X-Frame-Options", "sameorigin");
  }

  @Test
  void keepsThePreviousConfigWhenTheFileDisappears() throws Exception {
    write("basic_auth_users: {}\n", 1);
    WebConfig initial = WebConfig.load(file);
    WebConfigWatcher watcher = watcher(initial);

    Files.delete(file);
    elapse(Duration.ofSeconds(1));

    assertThat(watcher.current()).isSameAs(initial);
    assertThat(warnings()).singleElement().asString().contains("no such file");
  }

  @Test
  void withoutAFileServesTheInitialConfig() {
    WebConfig initial = WebConfig.empty();
    WebConfigWatcher watcher = new WebConfigWatcher(null, initial);

    assertThat(watcher.current()).isSameAs(initial);
  }

  @Test
  void realClockChecksAboutOnceASecond() throws Exception {
    write("http_server_config:\n  headers: {X-Frame-Options: deny}\n", 1);
    WebConfigWatcher watcher = new WebConfigWatcher(file, WebConfig.load(file));

    write("http_server_config:\n  headers: {X-Frame-Options: sameorigin}\n", 2);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!watcher.current().headers().containsValue("sameorigin")
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertThat(watcher.current().headers()).containsEntry("X-Frame-Options", "sameorigin");
  }

  private WebConfigWatcher watcher(WebConfig initial) {
    return new WebConfigWatcher(file, initial, Duration.ofSeconds(1), now::get);
  }

  private void elapse(Duration d) {
    now.addAndGet(d.toNanos());
  }

  /** Writes the file with a distinct modification time, as a later edit would have. */
  private void write(String yaml, int version) throws Exception {
    Files.writeString(file, yaml);
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + version * 1000L));
  }

  private List<String> warnings() {
    return logs.list.stream().filter(e -> e.getLevel() == Level.WARN)
        .map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs())
        .collect(Collectors.toList());
  }
}
