package io.exporters.common.webconfig;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an HTTP {@code Authorization} header against the file's {@code basic_auth_users}
 * (bcrypt hashes). Like exporter-toolkit, successful checks are cached so that a scraper sending
 * the same credentials every few seconds pays bcrypt once; the cache holds a SHA-256 of the
 * password, never the password. Unknown users are checked against a decoy hash of the same cost,
 * so the response time does not tell which user names exist.
 */
public final class BasicAuth {
  private static final int CACHE_SIZE = 100;
  private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(null,
      // Go's bcrypt reads at most 72 bytes of a password rather than refusing longer ones.
      LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));
  private static final BasicAuth DISABLED = new BasicAuth(Map.of());

  private final Map<String, byte[]> hashes;
  private final int decoyCost;
  private final Set<String> verified = ConcurrentHashMap.newKeySet();
  // bcrypt is deliberately slow: one check at a time keeps a burst of bad logins to one core.
  private final Object bcryptLock = new Object();
  private volatile byte[] decoyHash;

  BasicAuth(Map<String, String> usersToHashes) {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    int cost = BCrypt.MIN_COST;
    for (Map.Entry<String, String> e : usersToHashes.entrySet()) {
      copy.put(e.getKey(), e.getValue().getBytes(StandardCharsets.US_ASCII));
      cost = Math.max(cost, Integer.parseInt(e.getValue().substring(4, 6)));
    }
    this.hashes = Map.copyOf(copy);
    this.decoyCost = cost;
  }

  static BasicAuth disabled() {
    return DISABLED;
  }

  /** False when the file has no {@code basic_auth_users}: every request is let through. */
  public boolean enabled() {
    return !hashes.isEmpty();
  }

  /**
   * True when {@code authorizationHeader} is {@code Basic base64(user:password)} for a configured
   * user whose bcrypt hash matches. A missing or malformed header is simply false.
   */
  public boolean check(String authorizationHeader) {
    Credentials credentials = Credentials.parse(authorizationHeader);
    if (credentials == null) {
      return false;
    }
    byte[] hash = hashes.get(credentials.user);
    String cacheKey = hash == null ? null : cacheKey(credentials);
    if (cacheKey != null && verified.contains(cacheKey)) {
      return true;
    }
    boolean ok;
    synchronized (bcryptLock) {
      ok = verify(credentials.password, hash == null ? decoy() : hash) && hash != null;
    }
    Arrays.fill(credentials.password, (byte) 0);
    if (ok) {
      remember(cacheKey);
    }
    return ok;
  }

  /** The cache's keys: hex user name and SHA-256 of the password. */
  Set<String> cachedKeys() {
    return Set.copyOf(verified);
  }

  private static boolean verify(byte[] password, byte[] hash) {
    try {
      return VERIFYER.verify(password, hash).verified;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private byte[] decoy() {
    byte[] h = decoyHash;
    if (h == null) {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      h = BCrypt.withDefaults().hash(decoyCost, random);
      decoyHash = h;
    }
    return h;
  }

  private void remember(String key) {
    if (verified.size() >= CACHE_SIZE) {
      // Any entry will do: evicting a live one costs one more bcrypt on its next request.
      Iterator<String> it = verified.iterator();
      if (it.hasNext()) {
        it.next();
        it.remove();
      }
    }
    verified.add(key);
  }

  private static String cacheKey(Credentials c) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(c.password);
      HexFormat hex = HexFormat.of();
      return hex.formatHex(c.user.getBytes(StandardCharsets.UTF_8)) + ":" + hex.formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** User and password from a Basic header; the password stays bytes so it can be wiped. */
  private static final class Credentials {
    final String user;
    final byte[] password;

    private Credentials(String user, byte[] password) {
      this.user = user;
      this.password = password;
    }

    static Credentials parse(String header) {
      if (header == null) {
        return null;
      }
      String h = header.trim();
      if (h.length() < 6 || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      byte[] decoded;
      try {
        decoded = Base64.getDecoder().decode(h.substring(6).trim());
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = -1;
      for (int i = 0; i < decoded.length; i++) {
        if (decoded[i] == ':') {
          colon = i;
          break;
        }
      }
      if (colon < 0) {
        Arrays.fill(decoded, (byte) 0);
        return null;
      }
      String user;
      try {
        user = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(decoded, 0, colon)).toString();
      } catch (CharacterCodingException e) {
        Arrays.fill(decoded, (byte) 0);
        return null;
      }
      byte[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
      Arrays.fill(decoded, (byte) 0);
      return new Credentials(user, password);
    }
  }
}
