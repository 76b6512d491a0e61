package io.exporters.redis.settings;

import java.nio.file.Path;

/** A Lua script of {@code --script}, read at load: its file name (the label) and its source. */
public record LuaScript(String filename, String source) {
  /** The label redis_exporter gives it: the file's base name. */
  public static LuaScript of(Path file, String source) {
    return new LuaScript(file.getFileName().toString(), source);
  }
}
