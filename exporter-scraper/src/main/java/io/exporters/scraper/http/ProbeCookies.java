package io.exporters.scraper.http;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/** The cookies of one probe's redirect chain, as blackbox keeps them; at most a few dozen. */
final class ProbeCookies implements CookieJar {
  private static final int MAX = 50;
  private final List<Cookie> cookies = new ArrayList<>();

  @Override
  public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
    for (Cookie c : received) {
      cookies.removeIf(old -> old.name().equals(c.name()) && old.domain().equals(c.domain())
          && old.path().equals(c.path()));
      if (cookies.size() < MAX) {
        cookies.add(c);
      }
    }
  }

  @Override
  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
    List<Cookie> out = new ArrayList<>();
    for (Cookie c : cookies) {
      if (c.matches(url)) {
        out.add(c);
      }
    }
    return out;
  }
}
