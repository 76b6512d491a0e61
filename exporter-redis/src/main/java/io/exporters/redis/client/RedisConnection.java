package io.exporters.redis.client;

import io.exporters.common.backend.Deadline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * One pooled connection to a Redis server (Jedis' bare {@link Connection}, RESP2), with the
 * facts of its target. Commands are sent as given and their raw replies returned; reads are
 * bounded by the deadline of whoever holds the connection ({@link #limitTo}).
 */
public final class RedisConnection {
  private static final Logger logger = LoggerFactory.getLogger(RedisConnection.class);
  private static final Map<String, ProtocolCommand> COMMANDS = new ConcurrentHashMap<>();

  private final Connection connection;
  private final RedisAddress address;
  private final FactsSource facts;
  private final long commandTimeoutMillis;
  /** The database selected now: connections start in db0; -1 when unknown after an error. */
  private int selectedDb;

  /** Where a connection's facts come from: found once per target and shared. */
  interface FactsSource {
    ServerFacts of(RedisConnection connection);

    void serverChanged(ServerFacts stale);
  }

  RedisConnection(Connection connection, RedisAddress address, FactsSource facts,
      long commandTimeoutMillis) {
    this.connection = connection;
    this.address = address;
    this.facts = facts;
    this.commandTimeoutMillis = commandTimeoutMillis;
  }

  public RedisAddress address() {
    return address;
  }

  public ServerFacts facts() {
    return facts.of(this);
  }

  /** The server restarted or failed over (its run_id changed): find its facts again. */
  public void serverChanged(ServerFacts stale) {
    facts.serverChanged(stale);
  }

  /**
   * Reads give up at the deadline, or after --connection-timeout if that comes first (the
   * watchdog also closes the socket at the deadline).
   */
  public RedisConnection limitTo(Deadline deadline) {
    connection.setSoTimeout((int) Math.max(1, Math.min(commandTimeoutMillis,
        deadline.remainingMillis())));
    return this;
  }

  /** Sends one command and returns its raw reply; an error reply is a {@link RedisError}. */
  public Object call(String... commandAndArgs) {
    try {
      return connection.executeCommand(arguments(commandAndArgs));
    } catch (JedisDataException e) {
      throw new RedisError(e.getMessage());
    }
  }

  /**
   * Sends a command unless {@code capability} (e.g. {@code config}, {@code latency|histogram})
   * is known to be refused here; a refusal learned now is logged once and remembered.
   */
  public Optional<Object> callIfAllowed(String capability, String... commandAndArgs) {
    ServerFacts known = facts();
    if (!known.allows(capability)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(call(commandAndArgs));
    } catch (RedisError e) {
      if (!refused(capability, e)) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /**
   * Whether {@code reply} is the server refusing {@code capability}; if so it is remembered
   * (and logged, once) so that it is not sent again.
   */
  public boolean refused(String capability, Object reply) {
    if (!(reply instanceof RedisError e) || !e.isRefusal()) {
      return false;
    }
    if (facts().refuse(capability)) {
      logger.atInfo().addKeyValue("target", address).addKeyValue("command", capability)
          .addKeyValue("reason", e.getMessage())
          .log("command not available on this server; skipped from now on");
    }
    return true;
  }

  /** SELECTs the database unless it is selected already. */
  public void select(int db) {
    if (db == selectedDb) {
      return;
    }
    selectedDb = -1;
    call("SELECT", Integer.toString(db));
    selectedDb = db;
  }

  /** INFO of one section ({@code all}, {@code server}...) as text. */
  public String info(String section) {
    return Replies.text(call("INFO", section));
  }

  /** Sends several commands in one round trip; an error reply is a {@link RedisError} item. */
  public List<Object> pipeline(List<String[]> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    for (String[] command : commands) {
      connection.sendCommand(arguments(command));
    }
    List<Object> replies = connection.getMany(commands.size());
    List<Object> out = new ArrayList<>(replies.size());
    for (Object reply : replies) {
      out.add(reply instanceof JedisDataException e ? new RedisError(e.getMessage()) : reply);
    }
    return out;
  }

  public boolean isBroken() {
    return connection.isBroken() || !connection.isConnected();
  }

  /** Closes the socket from another thread: a blocked read fails at once. */
  void abort() {
    try {
      connection.forceDisconnect();
    } catch (IOException | RuntimeException ignored) {
      // Already closed.
    }
  }

  void close() {
    try {
      connection.close();
    } catch (RuntimeException ignored) {
      // A broken connection may fail to close; it is gone either way.
    }
  }

  private static CommandArguments arguments(String[] commandAndArgs) {
    String name = commandAndArgs[0];
    ProtocolCommand command = COMMANDS.get(name);
    if (command == null) {
      byte[] raw = SafeEncoder.encode(name);
      command = () -> raw;
      // Bounded: names come from this code and the --config-command flag.
      if (COMMANDS.size() < 256) {
        COMMANDS.put(name, command);
      }
    }
    CommandArguments args = new CommandArguments(command);
    for (int i = 1; i < commandAndArgs.length; i++) {
      args.add(commandAndArgs[i]);
    }
    return args;
  }
}
