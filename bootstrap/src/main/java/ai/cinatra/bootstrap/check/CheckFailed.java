package ai.cinatra.bootstrap.check;

/** A step that did not pass: what was seen, in short, and what it most likely means. */
final class CheckFailed extends Exception {
  private final String seen;
  private final String diagnosis;

  CheckFailed(String seen, String diagnosis) {
    super(diagnosis, null, false, false);
    this.seen = seen;
    this.diagnosis = diagnosis;
  }

  CheckFailed(Exchange exchange, String diagnosis) {
    this(exchange.inShort(), diagnosis);
  }

  String seen() {
    return seen;
  }

  String diagnosis() {
    return diagnosis;
  }
}
