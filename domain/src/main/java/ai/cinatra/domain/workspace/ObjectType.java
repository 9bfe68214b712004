package ai.cinatra.domain.workspace;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/** What kind of thing an object is ("contact", "company", "note"): lower case, as it is typed. */
public record ObjectType(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** The type of objects saved without a hint. */
  public static final ObjectType DEFAULT = new ObjectType("note");

  public ObjectType {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new InvalidValueException(
          "an object type is 1 to 64 lower-case letters, digits or '_', starting with a letter");
    }
  }

  /** Reads a type a person or a model wrote: trimmed and lower-cased first. */
  public static ObjectType of(String text) {
    return new ObjectType(text == null ? null : text.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
