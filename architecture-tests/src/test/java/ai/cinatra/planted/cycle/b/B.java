package ai.cinatra.planted.cycle.b;

import ai.cinatra.planted.cycle.a.A;

/** Planted violation: the other half of the package cycle. */
public class B {
  public A a() {
    return new A();
  }
}
