package ai.cinatra.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;

/**
 * The house rules of ARCHITECTURE.md as ArchUnit rules over a root package, so each can be checked
 * on the real code ({@code ai.cinatra}) and on a planted violation.
 */
final class CinatraRules {
  private CinatraRules() {}

  /** Framework packages the core (domain and application) may never import. */
  static final String[] FRAMEWORKS = {
    "io.dropwizard..",
    "jakarta..",
    "javax.ws..",
    "javax.sql..",
    "java.sql..",
    "org.jdbi..",
    "org.jose4j..",
    "org.bouncycastle..",
    "com.fasterxml..",
    "liquibase..",
    "org.mapstruct..",
    "org.glassfish..",
    "org.eclipse.jetty..",
    "org.h2..",
    "org.postgresql.."
  };

  /** A library and the adapters (besides bootstrap, which wires everything) that may use it. */
  record Confinement(String library, List<String> packages, List<String> allowedAdapters) {}

  static final List<Confinement> CONFINEMENTS =
      List.of(
          new Confinement("JDBI", List.of("org.jdbi.."), List.of("persistence")),
          new Confinement("Liquibase", List.of("liquibase.."), List.of("persistence")),
          new Confinement(
              "db-scheduler", List.of("com.github.kagkarlsson.."), List.of("persistence")),
          new Confinement("jose4j", List.of("org.jose4j.."), List.of("oauth")),
          new Confinement("Bouncy Castle", List.of("org.bouncycastle.."), List.of("oauth")),
          new Confinement(
              "Jersey and JAX-RS",
              List.of("jakarta.ws.rs..", "org.glassfish.jersey.."),
              List.of("http")),
          new Confinement("Dropwizard", List.of("io.dropwizard.."), List.of("http")),
          new Confinement("swagger-core", List.of("io.swagger.."), List.of("http")),
          new Confinement("FreeMarker", List.of("freemarker.."), List.of("http")),
          new Confinement(
              "Jackson",
              List.of("com.fasterxml.jackson.."),
              List.of("http", "persistence", "outbound")),
          new Confinement(
              "Jetty's HTTP client", List.of("org.eclipse.jetty.client.."), List.of("outbound")),
          new Confinement("MapStruct", List.of("org.mapstruct.."), List.of("http", "persistence")),
          new Confinement("JDBC drivers", List.of("org.h2..", "org.postgresql.."), List.of()));

  /** Domain inside, application around it, adapters outside and never on each other. */
  static ArchRule onion(String root) {
    return onionArchitecture()
        .domainModels(root + ".domain..")
        .applicationServices(root + ".application..")
        .adapter("http", root + ".adapters.http..")
        .adapter("persistence", root + ".adapters.persistence..")
        .adapter("oauth", root + ".adapters.oauth..")
        .adapter("outbound", root + ".adapters.outbound..")
        .adapter("bootstrap", root + ".bootstrap..")
        // bootstrap is the one place that knows every module: it wires them with `new`.
        .ignoreDependency(resideInAPackage(root + ".bootstrap.."), alwaysTrue())
        .withOptionalLayers(true)
        .ensureAllClassesAreContainedInArchitecture();
  }

  /** domain and application import no framework. */
  static ArchRule coreImportsNoFramework(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(root + ".domain..", root + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .as("domain and application import no framework (" + String.join(", ", FRAMEWORKS) + ")");
  }

  /** Each library is used only in its own adapter (and in bootstrap). */
  static ArchRule confined(String root, Confinement confinement) {
    String[] allowed =
        Stream.concat(
                Stream.of(root + ".bootstrap.."),
                confinement.allowedAdapters().stream().map(a -> root + ".adapters." + a + ".."))
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackages(allowed)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(confinement.packages().toArray(String[]::new))
        .as(
            confinement.library()
                + " is used only in "
                + (confinement.allowedAdapters().isEmpty()
                    ? "bootstrap"
                    : "adapters " + confinement.allowedAdapters() + " and bootstrap"));
  }

  /** No two packages depend on each other, directly or around a loop. */
  static ArchRule noPackageCycles(String root) {
    return slices().matching(root + ".(**)").should().beFreeOfCycles();
  }

  /**
   * The inbound HTTP adapter never calls out: the ports for calls to the outside ({@code
   * application.port.out.remote}) belong to the outbound adapter, and a request reaches them only
   * through a use case.
   */
  static ArchRule inboundNeverCallsOut(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".adapters.http..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".application.port.out.remote..")
        .as("adapters.http never touches the outbound ports (application.port.out.remote)");
  }

  /** What betrays a wire format: its media types, paths, envelope fields and auth schemes. */
  static final List<String> WIRE_FORMAT_MARKERS =
      List.of(
          "chat/completions",
          "choices",
          "jsonrpc",
          "text/event-stream",
          "application/json",
          "Bearer ");

  /** Type names that betray one. */
  static final String WIRE_FORMAT_NAMES =
      ".*(OpenAi|ChatCompletion|JsonRpc|Sse|Http(Request|Response)).*";

  /**
   * domain and application never name a wire format: no class is named for one and no string
   * literal spells one; the adapters that speak HTTP, JSON-RPC or a model provider's API do.
   */
  static ArchRule coreNamesNoWireFormat(String root) {
    return classes()
        .that()
        .resideInAnyPackage(root + ".domain..", root + ".application..")
        .should(
            new ArchCondition<JavaClass>("name no wire format") {
              @Override
              public void check(JavaClass javaClass, ConditionEvents events) {
                if (javaClass.getSimpleName().matches(WIRE_FORMAT_NAMES)) {
                  events.add(
                      SimpleConditionEvent.violated(
                          javaClass, javaClass.getName() + " is named for a wire format"));
                }
                for (String literal : StringConstants.of(javaClass)) {
                  for (String marker : WIRE_FORMAT_MARKERS) {
                    if (literal.contains(marker)) {
                      events.add(
                          SimpleConditionEvent.violated(
                              javaClass,
                              javaClass.getName()
                                  + " spells a wire format: \""
                                  + literal
                                  + "\" names "
                                  + marker));
                    }
                  }
                }
              }
            })
        .as("domain and application never name a wire format " + WIRE_FORMAT_MARKERS);
  }

  /** Adapters reach the core through in-ports only, never a service class. */
  static ArchRule adaptersUseInPortsOnly(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".adapters..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".application.service..")
        .as("adapters reach the core through in-ports (application.port.in), never a service");
  }
}
