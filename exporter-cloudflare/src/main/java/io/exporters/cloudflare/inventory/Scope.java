package io.exporters.cloudflare.inventory;

import java.util.Locale;

/**
 * A zone or an account the exporter polls: its id (the owner of its series), its name, its
 * account, and for a zone the plan id (only to notice a plan change, never to guess datasets).
 */
public record Scope(Kind kind, String id, String name, String accountId, String accountName,
    String planId) {
  /** Zones are queried up to ten at a time, accounts one at a time. */
  public enum Kind { ZONE, ACCOUNT }

  public static Scope zone(String id, String name, String accountId, String accountName,
      String planId) {
    return new Scope(Kind.ZONE, id, name, accountId, accountName, planId);
  }

  public static Scope account(String id, String name) {
    return new Scope(Kind.ACCOUNT, id, name, id, name, null);
  }

  /** lablabs' {@code account} label: the account name lower-cased, spaces as dashes. */
  public String accountLabel() {
    return accountName == null ? "" : accountName.toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  /** The account's name as the API gives it (R2, pools and tunnels label it so). */
  public String accountRaw() {
    return accountName == null ? "" : accountName;
  }

  /** For logs and the status page: "zone example.com" or "account Acme". */
  public String describe() {
    return (kind == Kind.ZONE ? "zone " : "account ") + name;
  }
}
