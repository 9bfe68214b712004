package ai.cinatra.domain.run;

import ai.cinatra.domain.error.InvalidValueException;

/** A person's answer to an approval step: a closed set, so no other word can pass as consent. */
public enum ApprovalDecision {
  APPROVE("approve"),
  REJECT("reject");

  private final String wireName;

  ApprovalDecision(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The decision an answer names; anything but exactly "approve" or "reject" is refused. */
  public static ApprovalDecision of(Object decision) {
    for (ApprovalDecision d : values()) {
      if (d.wireName.equals(decision)) {
        return d;
      }
    }
    throw new InvalidValueException(
        "decision must be \"approve\" or \"reject\""
            + (decision == null ? "" : ", not " + describe(decision))
            + "; the run is still waiting for an answer");
  }

  private static String describe(Object decision) {
    String text = String.valueOf(decision);
    return decision instanceof String
        ? "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\""
        : text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
