package io.exporters.common.backend;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The process's HTTP client for backends that are HTTP APIs (Cloudflare, probed services): one
 * OkHttp client, so one connection pool and one set of threads, whatever the number of targets.
 * Every call is bounded as a whole (DNS, connect, TLS, headers, body) by the scrape deadline.
 *
 * <p>Plain {@code http://} calls go through a client built without TLS; the TLS one is built on
 * the first {@code https://} call. Building it loads the JDK's TLS classes and trust store, about
 * 6 MiB that a process probing only plain HTTP never needs.
 */
public final class HttpApi {
  private static final List<ConnectionSpec> CLEARTEXT = List.of(ConnectionSpec.CLEARTEXT);
  private static final List<ConnectionSpec> TLS_OR_CLEARTEXT =
      List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);
  private static final HttpApi SHARED = base(new OkHttpClient.Builder()
      .connectTimeout(Duration.ofSeconds(10))
      .readTimeout(Duration.ofSeconds(60))
      // A retried request could pass the deadline; the scrape reports the failure instead.
      .retryOnConnectionFailure(false)
      .connectionSpecs(CLEARTEXT)
      .build());

  private final OkHttpClient plain;
  private final Once<OkHttpClient> tls;

  private HttpApi(OkHttpClient plain, Once<OkHttpClient> tls) {
    this.plain = plain;
    this.tls = tls;
  }

  private static HttpApi base(OkHttpClient plain) {
    return new HttpApi(plain, once(() -> plain.newBuilder()
        .connectionSpecs(TLS_OR_CLEARTEXT).build()));
  }

  public static HttpApi shared() {
    return SHARED;
  }

  /**
   * A client with other settings (redirects, timeouts, DNS) that still shares the connection
   * pool and threads of the shared one. TLS settings go to {@link #withTls}.
   */
  public HttpApi with(Consumer<OkHttpClient.Builder> settings) {
    OkHttpClient.Builder builder = plain.newBuilder();
    settings.accept(builder);
    Supplier<OkHttpClient> parentTls = tls;
    return new HttpApi(builder.connectionSpecs(CLEARTEXT).build(), once(() -> {
      OkHttpClient.Builder secure = parentTls.get().newBuilder();
      settings.accept(secure);
      return secure.build();
    }));
  }

  /**
   * A client whose {@code https://} calls use these TLS settings (socket factory, trust,
   * connection specs, hostname verifier), applied when the first such call is made; they
   * replace any given earlier.
   */
  public HttpApi withTls(Consumer<OkHttpClient.Builder> tlsSettings) {
    OkHttpClient base = plain;
    return new HttpApi(plain, once(() -> {
      OkHttpClient.Builder secure = base.newBuilder().connectionSpecs(TLS_OR_CLEARTEXT);
      tlsSettings.accept(secure);
      return secure.build();
    }));
  }

  /** The client plain {@code http://} calls go through. */
  OkHttpClient plainClient() {
    return plain;
  }

  /** Whether the TLS client has been built (by an {@code https://} call). */
  boolean tlsBuilt() {
    return tls.built();
  }

  /** Sends the request; the whole call, body included, ends by the deadline. */
  public Response execute(Request request, Deadline deadline) throws IOException {
    OkHttpClient client = request.isHttps() ? tls.get() : plain;
    Call call = client.newCall(request);
    call.timeout().timeout(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
    return call.execute();
  }

  private static <T> Once<T> once(Supplier<T> make) {
    return new Once<>(make);
  }

  /** A value made on first use, once, whichever thread asks first. */
  private static final class Once<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    Once(Supplier<T> make) {
      this.make = make;
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = make.get();
            value = v;
          }
        }
      }
      return v;
    }

    boolean built() {
      return value != null;
    }
  }
}
