package io.exporters.scraper.tcp;

import io.exporters.common.backend.Deadline;
import io.exporters.scraper.model.FailureReason;
import io.exporters.scraper.model.Families;
import io.exporters.scraper.model.ProbeFailure;
import io.exporters.scraper.model.ProbeLog;
import io.exporters.scraper.model.ProbeMetrics;
import io.exporters.scraper.net.Resolution;
import io.exporters.scraper.net.TargetResolver;
import io.exporters.scraper.net.TargetUrls;
import io.exporters.scraper.tls.CertificateMetrics;
import io.exporters.scraper.tls.TlsState;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * blackbox's tcp prober: connect (optionally over TLS), then the query_response conversation:
 * wait for a line matching {@code expect} (its groups fill {@code ${1}} in {@code send}), send a
 * line, or upgrade with STARTTLS. Every read and connect ends by the deadline.
 */
public final class TcpProber {
  private TcpProber() {}

  /** Returns the failure, or null when the probe succeeded. */
  public static ProbeFailure probe(TcpModule m, TargetUrls.HostPort target, Deadline deadline,
      ProbeLog log, ProbeMetrics metrics) {
    boolean regexFailed = false;
    TlsState tls = null;
    try {
      Resolution address = TargetResolver.resolve(target.host(), m.ipProtocol(), m.ipFallback(),
          m.allowLinkLocal(), deadline, log, metrics);
      log.info(m.useTls() ? "Dialing TCP with TLS" : "Dialing TCP without TLS");
      try (Socket plain = new Socket()) {
        Socket socket = plain;
        if (m.sourceAddress() != null) {
          plain.bind(new InetSocketAddress(m.sourceAddress(), 0));
        }
        connect(plain, new InetSocketAddress(address.address(), target.port()), deadline);
        if (m.useTls()) {
          socket = handshake(m, plain, target, deadline);
          tls = state((SSLSocket) socket);
        }
        log.info("Successfully dialed");
        LineReader lines = new LineReader(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        Matcher last = null;
        for (QueryStepRule step : m.steps()) {
          if (step.expect() != null) {
            last = expect(step, lines, socket, deadline, log);
            if (last == null) {
              regexFailed = true;
              throw new ProbeFailure(FailureReason.REGEX, "no line matched "
                  + step.expect().pattern());
            }
          }
          if (step.send() != null) {
            String line = expand(step.send(), last);
            log.info("Sending line", "line", line);
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
          if (step.starttls()) {
            socket = handshake(m, socket, target, deadline);
            tls = state((SSLSocket) socket);
            lines.switchTo(socket.getInputStream());
            out = socket.getOutputStream();
            log.info("TLS upgrade succeeded");
          }
        }
      }
      return null;
    } catch (ProbeFailure f) {
      log.error("Probe step failed", "err", f.getMessage());
      return f;
    } catch (IOException e) {
      ProbeFailure f = classify(e, deadline);
      log.error("Error dialing TCP", "err", f.getMessage());
      return f;
    } finally {
      metrics.set(Families.FAILED_DUE_TO_REGEX, regexFailed ? 1 : 0);
      if (tls != null) {
        CertificateMetrics.write(metrics, tls, m.tls());
      }
    }
  }

  private static void connect(Socket socket, InetSocketAddress to, Deadline deadline)
      throws IOException, ProbeFailure {
    int timeout = timeout(deadline);
    socket.connect(to, timeout);
  }

  private static SSLSocket handshake(TcpModule m, Socket over, TargetUrls.HostPort target,
      Deadline deadline) throws IOException, ProbeFailure {
    String name = m.tls().serverName() != null ? m.tls().serverName() : target.host();
    SSLSocket ssl = (SSLSocket) m.tls().socketFactory().createSocket(over, name, target.port(),
        true);
    SSLParameters params = ssl.getSSLParameters();
    if (!TargetResolver.isLiteral(name)) {
      params.setServerNames(java.util.List.of(new SNIHostName(name)));
    }
    if (!m.tls().insecure()) {
      params.setEndpointIdentificationAlgorithm("HTTPS");
    }
    params.setProtocols(m.tls().protocols().toArray(String[]::new));
    ssl.setSSLParameters(params);
    ssl.setSoTimeout(timeout(deadline));
    ssl.startHandshake();
    return ssl;
  }

  private static Matcher expect(QueryStepRule step, LineReader lines, Socket socket,
      Deadline deadline, ProbeLog log) throws IOException, ProbeFailure {
    String line;
    while (true) {
      socket.setSoTimeout(timeout(deadline));
      line = lines.next();
      if (line == null) {
        log.error("Connection closed before a line matched", "regexp", step.expect().pattern());
        return null;
      }
      log.info("Read line", "line", line);
      Matcher matcher = step.expect().matcher(line);
      if (matcher.find()) {
        log.info("Regexp matched", "regexp", step.expect().pattern(), "line", line);
        return matcher;
      }
    }
  }

  /** Go's regexp.Expand for ${n} and $n in a send line. */
  static String expand(String template, Matcher match) {
    if (match == null || template.indexOf('$') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$\\{(\\d+)}|\\$(\\d+)")
        .matcher(template);
    int at = 0;
    while (refs.find()) {
      out.append(template, at, refs.start());
      int group = Integer.parseInt(refs.group(1) != null ? refs.group(1) : refs.group(2));
      String value = group <= match.groupCount() ? match.group(group) : "";
      out.append(value == null ? "" : value);
      at = refs.end();
    }
    return out.append(template.substring(at)).toString();
  }

  private static TlsState state(SSLSocket socket) throws IOException {
    var session = socket.getSession();
    return TlsState.of(Arrays.asList(session.getPeerCertificates()), session.getProtocol(),
        session.getCipherSuite());
  }

  private static int timeout(Deadline deadline) throws ProbeFailure {
    long ms = deadline.remainingMillis();
    if (ms <= 0) {
      throw new ProbeFailure(FailureReason.TIMEOUT, "the deadline passed");
    }
    return (int) Math.min(Integer.MAX_VALUE, ms);
  }

  private static ProbeFailure classify(IOException e, Deadline deadline) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof InterruptedIOException || deadline.expired()) {
      return new ProbeFailure(FailureReason.TIMEOUT, "the deadline passed: " + detail, e);
    }
    if (e instanceof SSLException) {
      return new ProbeFailure(FailureReason.TLS, "TLS failed: " + detail, e);
    }
    if (e instanceof ConnectException || e instanceof java.net.NoRouteToHostException) {
      return new ProbeFailure(FailureReason.CONNECT, "cannot connect: " + detail, e);
    }
    return new ProbeFailure(FailureReason.IO, detail, e);
  }
}
