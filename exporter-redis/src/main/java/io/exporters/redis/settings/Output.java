package io.exporters.redis.settings;

/** How every collector names what it writes: the namespace and the generation of names. */
public record Output(Names names, Compat compat) {
  public static final Output DEFAULT = new Output(Names.DEFAULT, Compat.CURRENT);

  public String name(String suffix) {
    return names.of(suffix);
  }

  public boolean v145() {
    return compat == Compat.V1_45;
  }
}
