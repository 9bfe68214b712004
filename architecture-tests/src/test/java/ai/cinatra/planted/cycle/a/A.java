package ai.cinatra.planted.cycle.a;

import ai.cinatra.planted.cycle.b.B;

/** Planted violation: half of a package cycle. */
public class A {
  public B b() {
    return new B();
  }
}
