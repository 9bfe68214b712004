package ai.cinatra.bootstrap.check;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * What Claude's connector does against an MCP URL, step by step — probe, both metadata documents,
 * Claude's client metadata document, registration, authorization with PKCE, sign-in and consent,
 * token, initialize, tools/list, one read-only call, refresh — each printed with ✓ or ✗, a failed
 * one with its exchange in short and a diagnosis in plain words. Tokens it was given are revoked at
 * the end.
 */
public final class ConnectionCheck {
  private final String url;
  private final PrintStream out;
  private final boolean checksHeldToken;
  private final DiscoverySteps discovery;
  private final OAuthSteps oauth;
  private final McpSteps mcp;
  private int passed;

  /** What to check: the MCP URL, who signs in, and optionally a held token and a document. */
  public record Target(
      String url,
      String email,
      String password,
      Optional<String> heldToken,
      Optional<String> clientMetadataUrl) {}

  public ConnectionCheck(Target target, PrintStream out, Clock clock) {
    this.url =
        target.url().endsWith("/")
            ? target.url().substring(0, target.url().length() - 1)
            : target.url();
    this.out = out;
    this.checksHeldToken = target.heldToken().isPresent();
    Http http = new Http();
    CheckState state = new CheckState();
    this.discovery = new DiscoverySteps(url, http, state, clock);
    this.oauth =
        new OAuthSteps(
            url,
            new OAuthSteps.Person(target.email(), target.password(), target.heldToken()),
            target.clientMetadataUrl(),
            http,
            state,
            clock);
    this.mcp = new McpSteps(url, http, state);
  }

  /** Runs every step until one fails; true when all passed. */
  public boolean run() {
    out.println("Checking " + url + " as Claude's connector would:");
    boolean ok =
        step("the URL", discovery::theUrl)
            && step("unauthenticated probe", discovery::probe)
            && step("clocks", discovery::clocks)
            && step("protected resource metadata", discovery::resourceMetadata)
            && step("authorization server metadata", discovery::serverMetadata)
            && step("the origin-root OAuth paths claude.ai uses", discovery::rootPaths)
            && (!checksHeldToken || step("the token you gave", oauth::heldToken))
            && step("Claude's client metadata document", oauth::claudeDocument)
            && step("client registration", oauth::register)
            && step("authorization, sign-in and consent (PKCE S256)", oauth::authorize)
            && step("token", oauth::token)
            && step("initialize", mcp::initialize)
            && step("tools/list", mcp::toolsList)
            && step("a read-only tool call (whoami)", mcp::whoami)
            && step("refresh", oauth::refresh);
    oauth.revoke(out);
    out.println(
        ok
            ? "All " + passed + " checks passed: Claude can connect to " + url + "."
            : "Not connectable yet: fix the first ✗ above and run this again.");
    return ok;
  }

  @FunctionalInterface
  private interface Step {
    String run() throws CheckFailed;
  }

  private boolean step(String name, Step body) {
    try {
      String detail = body.run();
      out.println("✓ " + name + (detail.isEmpty() ? "" : ": " + detail));
      passed++;
      return true;
    } catch (CheckFailed failed) {
      out.println("✗ " + name);
      out.println("    seen:      " + failed.seen());
      out.println("    diagnosis: " + failed.diagnosis());
      return false;
    } catch (RuntimeException e) {
      out.println("✗ " + name);
      out.println("    diagnosis: an answer the doctor could not read (" + e + ")");
      return false;
    }
  }
}
