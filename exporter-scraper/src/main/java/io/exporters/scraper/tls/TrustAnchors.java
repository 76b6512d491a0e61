package io.exporters.scraper.tls;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The roots a trust manager accepts, by subject, and the chain from a server's leaf to one of
 * them: what Go calls the verified chain ({@code probe_ssl_last_chain_expiry_timestamp_seconds}
 * is the earliest expiry along it, the root included).
 */
final class TrustAnchors {
  private static final int MAX_DEPTH = 10;

  private final X509TrustManager trust;
  private volatile Map<X500Principal, List<X509Certificate>> bySubject;

  TrustAnchors(X509TrustManager trust) {
    this.trust = trust;
  }

  List<X509Certificate> chain(List<X509Certificate> peers) {
    if (peers.isEmpty()) {
      return List.of();
    }
    Map<X500Principal, List<X509Certificate>> roots = roots();
    List<X509Certificate> chain = new ArrayList<>();
    X509Certificate current = peers.get(0);
    chain.add(current);
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (roots.getOrDefault(current.getSubjectX500Principal(), List.of()).contains(current)) {
        return chain;
      }
      X509Certificate root = issuerAmong(current, roots.getOrDefault(
          current.getIssuerX500Principal(), List.of()));
      if (root != null) {
        chain.add(root);
        return chain;
      }
      X509Certificate next = null;
      for (X509Certificate peer : peers) {
        if (!chain.contains(peer)
            && peer.getSubjectX500Principal().equals(current.getIssuerX500Principal())
            && signs(peer, current)) {
          next = peer;
          break;
        }
      }
      if (next == null) {
        return List.of();
      }
      chain.add(next);
      current = next;
    }
    return List.of();
  }

  private static X509Certificate issuerAmong(X509Certificate cert, List<X509Certificate> roots) {
    for (X509Certificate root : roots) {
      if (signs(root, cert)) {
        return root;
      }
    }
    return null;
  }

  private static boolean signs(X509Certificate issuer, X509Certificate cert) {
    try {
      cert.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private Map<X500Principal, List<X509Certificate>> roots() {
    Map<X500Principal, List<X509Certificate>> map = bySubject;
    if (map == null) {
      map = new HashMap<>();
      for (X509Certificate root : trust.getAcceptedIssuers()) {
        map.computeIfAbsent(root.getSubjectX500Principal(), k -> new ArrayList<>()).add(root);
      }
      bySubject = map;
    }
    return map;
  }
}
