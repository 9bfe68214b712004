package ai.cinatra.domain.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes this server knows. Clients ask for all sorts (Claude Desktop for every scope listed,
 * others for ones nobody defined): unknown ones are dropped, never refused.
 */
public final class Scopes {
  public static final String MCP_CONNECT = "mcp:connect";
  public static final String OFFLINE_ACCESS = "offline_access";

  /** Every scope in the order metadata lists them. */
  public static final List<String> SUPPORTED =
      List.of(MCP_CONNECT, OFFLINE_ACCESS, "openid", "profile", "email");

  /** Bounds what is parsed at all: a scope string longer than this is cut, never a failure. */
  private static final int MAX_INPUT = 1000;

  private Scopes() {}

  /**
   * The known scopes in {@code requested} (space separated), always with {@value #MCP_CONNECT}:
   * connecting is what every grant is for.
   */
  public static Set<String> grantable(String requested) {
    Set<String> asked = new LinkedHashSet<>();
    if (requested != null) {
      String bounded =
          requested.length() > MAX_INPUT ? requested.substring(0, MAX_INPUT) : requested;
      asked.addAll(Arrays.asList(bounded.trim().split("\\s+")));
    }
    Set<String> granted = new LinkedHashSet<>();
    for (String scope : SUPPORTED) {
      if (scope.equals(MCP_CONNECT) || asked.contains(scope)) {
        granted.add(scope);
      }
    }
    return Set.copyOf(granted);
  }

  /** The space-separated form, in the canonical order. */
  public static String format(Set<String> scopes) {
    return SUPPORTED.stream().filter(scopes::contains).collect(Collectors.joining(" "));
  }
}
