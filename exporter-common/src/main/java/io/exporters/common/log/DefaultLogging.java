package io.exporters.common.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's start-up configuration until {@link Logging#configure} applies the flags: the same
 * defaults (info, logfmt) set in code, so no XML configurator and parser are ever loaded.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class DefaultLogging extends ContextAwareBase
    implements ch.qos.logback.classic.spi.Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    Logging.configure(context, "info", "logfmt", null);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
