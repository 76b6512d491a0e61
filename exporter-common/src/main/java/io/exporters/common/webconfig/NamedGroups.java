package io.exporters.common.webconfig;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code curve_preferences}. Java 20 added {@code SSLParameters.setNamedGroups}, which
 * sets them per connection; Java 17-19 only read the JVM-wide {@code jdk.tls.namedGroups}
 * property, once, before the first handshake, so there it is set if nobody has set it yet.
 */
final class NamedGroups {
  static final String PROPERTY = "jdk.tls.namedGroups";
  private static final Logger logger = LoggerFactory.getLogger(NamedGroups.class);
  private static final Method SETTER = findSetter();

  private NamedGroups() {}

  static boolean perConnection() {
    return SETTER != null;
  }

  /** Called per connection, after Jetty has filled in {@code params}. */
  static void apply(SSLParameters params, List<String> groups) {
    if (groups.isEmpty() || SETTER == null) {
      return;
    }
    try {
      SETTER.invoke(params, (Object) groups.toArray(new String[0]));
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot set TLS named groups " + groups, e);
    }
  }

  /** Called once per connector, before the server starts handshaking. */
  static synchronized void prepare(List<String> groups) {
    if (groups.isEmpty() || SETTER != null) {
      return;
    }
    String wanted = String.join(",", groups);
    String set = System.getProperty(PROPERTY);
    if (set == null) {
      System.setProperty(PROPERTY, wanted);
      logger.atInfo().addKeyValue("groups", wanted).log("curve_preferences applied to the whole "
          + "JVM through " + PROPERTY + " (Java before 20 cannot set them per connector)");
    } else if (!set.equals(wanted)) {
      logger.atWarn().addKeyValue("groups", wanted).addKeyValue(PROPERTY, set)
          .log("curve_preferences ignored: " + PROPERTY + " is already set for this JVM");
    }
  }

  private static Method findSetter() {
    try {
      return SSLParameters.class.getMethod("setNamedGroups", String[].class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
