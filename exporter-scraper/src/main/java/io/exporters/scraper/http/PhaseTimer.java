package io.exporters.scraper.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;

/**
 * blackbox's {@code probe_http_duration_seconds} phases from OkHttp's events, summed over every
 * hop of a redirect chain: connect (until TLS starts, or until connected), tls, processing
 * (connection to response headers) and transfer (headers to the last body byte). The resolve
 * phase is the prober's own lookup, added with {@link #addResolve}.
 */
final class PhaseTimer extends EventListener {
  private double resolve;
  private double connect;
  private double tls;
  private double processing;
  private double transfer;

  private long connectStart;
  private long secureStart;
  private long secureEnd;
  private long connectEnd;
  private long acquired;
  private long headersAt;
  private boolean connected;
  private Handshake handshake;
  private List<Certificate> sent = List.of();

  synchronized void addResolve(double seconds) {
    resolve += seconds;
  }

  /** Starts timing the next hop. */
  synchronized void startHop() {
    connectStart = 0;
    secureStart = 0;
    secureEnd = 0;
    connectEnd = 0;
    acquired = 0;
    headersAt = 0;
    connected = false;
    handshake = null;
    sent = List.of();
  }

  /** Ends the hop; {@code bodyEnd} is when its body was read to the end (0 if it was not). */
  synchronized void endHop(long bodyEnd) {
    if (connectStart != 0) {
      long connectDone = secureStart != 0 ? secureStart : connectEnd;
      if (connectDone != 0) {
        connect += seconds(connectStart, connectDone);
      }
      if (secureStart != 0 && secureEnd != 0) {
        tls += seconds(secureStart, secureEnd);
      }
    }
    if (acquired != 0 && headersAt != 0) {
      processing += seconds(acquired, headersAt);
      if (bodyEnd != 0) {
        transfer += seconds(headersAt, bodyEnd);
      }
    }
  }

  /** Whether the hop in progress got a connection (else a failure is a connect failure). */
  synchronized boolean connected() {
    return connected;
  }

  /** Whether the hop in progress started TLS. */
  synchronized boolean tlsStarted() {
    return secureStart != 0;
  }

  synchronized Handshake handshake() {
    return handshake;
  }

  /** The certificates the server of the hop in progress sent, as it sent them. */
  synchronized List<Certificate> sentCertificates() {
    return sent;
  }

  synchronized double resolve() {
    return resolve;
  }

  synchronized double connect() {
    return connect;
  }

  synchronized double tls() {
    return tls;
  }

  synchronized double processing() {
    return processing;
  }

  synchronized double transfer() {
    return transfer;
  }

  synchronized double total() {
    return resolve + connect + tls + processing + transfer;
  }

  @Override
  public synchronized void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    connectStart = System.nanoTime();
  }

  @Override
  public synchronized void secureConnectStart(Call call) {
    secureStart = System.nanoTime();
  }

  @Override
  public synchronized void secureConnectEnd(Call call, Handshake handshake) {
    secureEnd = System.nanoTime();
    this.handshake = handshake;
  }

  @Override
  public synchronized void connectEnd(Call call, InetSocketAddress address, Proxy proxy,
      Protocol protocol) {
    connectEnd = System.nanoTime();
  }

  @Override
  public synchronized void connectionAcquired(Call call, Connection connection) {
    acquired = System.nanoTime();
    connected = true;
    if (handshake == null) {
      handshake = connection.handshake();
    }
    // OkHttp's handshake holds the chain it verified; blackbox reports what the server sent.
    if (connection.socket() instanceof SSLSocket tls) {
      try {
        sent = Arrays.asList(tls.getSession().getPeerCertificates());
      } catch (SSLPeerUnverifiedException e) {
        sent = List.of();
      }
    }
  }

  @Override
  public synchronized void responseHeadersStart(Call call) {
    headersAt = System.nanoTime();
  }

  private static double seconds(long from, long to) {
    return Math.max(0, to - from) / 1e9;
  }
}
