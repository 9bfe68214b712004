package ai.cinatra.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each house rule fails on a small planted violation, so none of them can pass vacuously. */
class PlantedViolationsTest {
  private static final String PLANTED = "ai.cinatra.planted";

  private static JavaClasses planted(String name) {
    return new ClassFileImporter().importPackages(PLANTED + "." + name);
  }

  @Test
  void onion_refusesDomainDependingOnAnAdapter() {
    String root = PLANTED + ".outward";
    assertThatThrownBy(() -> CinatraRules.onion(root).check(planted("outward")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(root + ".domain.Model")
        .hasMessageContaining(root + ".adapters.http.Resource");
  }

  @Test
  void onion_refusesOneAdapterDependingOnAnother() {
    String root = PLANTED + ".sideways";
    assertThatThrownBy(() -> CinatraRules.onion(root).check(planted("sideways")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(root + ".adapters.http.Resource")
        .hasMessageContaining(root + ".adapters.persistence.Repository");
  }

  @Test
  void onion_refusesAClassOutsideEveryLayer() {
    String root = PLANTED + ".stray";
    assertThatThrownBy(() -> CinatraRules.onion(root).check(planted("stray")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(root + ".util.Helper")
        .hasMessageContaining("not contained in architecture");
  }

  @Test
  void core_refusesAFrameworkImport() {
    String root = PLANTED + ".framework";
    assertThatThrownBy(() -> CinatraRules.coreImportsNoFramework(root).check(planted("framework")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(root + ".application.service.JsonService")
        .hasMessageContaining("com.fasterxml.jackson.databind.ObjectMapper");
  }

  /** The planted class that breaks each confinement. */
  private static final Map<String, String[]> OFFENDERS =
      Map.ofEntries(
          Map.entry("JDBI", new String[] {"oauth.UsesJdbi"}),
          Map.entry("Liquibase", new String[] {"oauth.UsesLiquibase"}),
          Map.entry("db-scheduler", new String[] {"http.UsesDbScheduler"}),
          Map.entry("jose4j", new String[] {"persistence.UsesJose4j"}),
          Map.entry("Bouncy Castle", new String[] {"persistence.UsesBouncyCastle"}),
          Map.entry("Jersey and JAX-RS", new String[] {"oauth.UsesJaxRs"}),
          Map.entry("Dropwizard", new String[] {"persistence.UsesDropwizard"}),
          Map.entry("swagger-core", new String[] {"persistence.UsesSwagger"}),
          Map.entry("FreeMarker", new String[] {"oauth.UsesFreeMarker"}),
          Map.entry("Jackson", new String[] {"oauth.UsesJackson"}),
          Map.entry("Jetty's HTTP client", new String[] {"http.UsesJettyClient"}),
          Map.entry("MapStruct", new String[] {"oauth.UsesMapStruct"}),
          Map.entry("JDBC drivers", new String[] {"http.UsesH2", "http.UsesPostgresDriver"}));

  static Stream<CinatraRules.Confinement> confinements() {
    return CinatraRules.CONFINEMENTS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confinements")
  void confinement_refusesTheLibraryInAnotherAdapter(CinatraRules.Confinement confinement) {
    String root = PLANTED + ".libraries";
    String[] offenders = OFFENDERS.get(confinement.library());
    var failure =
        assertThatThrownBy(
                () -> CinatraRules.confined(root, confinement).check(planted("libraries")))
            .isInstanceOf(AssertionError.class);
    for (String offender : offenders) {
      failure.hasMessageContaining(root + ".adapters." + offender);
    }
  }

  @Test
  void everyConfinementHasAPlantedOffender() {
    org.assertj.core.api.Assertions.assertThat(OFFENDERS.keySet())
        .containsExactlyInAnyOrderElementsOf(
            CinatraRules.CONFINEMENTS.stream().map(CinatraRules.Confinement::library).toList());
  }

  @Test
  void cycles_refusesTwoPackagesDependingOnEachOther() {
    String root = PLANTED + ".cycle";
    assertThatThrownBy(() -> CinatraRules.noPackageCycles(root).check(planted("cycle")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected");
  }

  @Test
  void inbound_refusesTheHttpAdapterCallingOut() {
    String root = PLANTED + ".callingout";
    assertThatThrownBy(() -> CinatraRules.inboundNeverCallsOut(root).check(planted("callingout")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(root + ".adapters.http.Resource")
        .hasMessageContaining(root + ".application.port.out.remote.Webhooks");
  }

  @Test
  void wireFormat_refusesTheCoreSpellingOrNamingOne() {
    String root = PLANTED + ".wireformat";
    assertThatThrownBy(() -> CinatraRules.coreNamesNoWireFormat(root).check(planted("wireformat")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(root + ".application.service.AskService spells a wire format")
        .hasMessageContaining("names chat/completions")
        .hasMessageContaining(root + ".domain.ChatCompletionRequest is named for a wire format")
        .hasMessageNotContaining(root + ".domain.Prompt");
  }

  @Test
  void inPorts_refusesAnAdapterCallingAServiceClass() {
    String root = PLANTED + ".servicereach";
    assertThatThrownBy(
            () -> CinatraRules.adaptersUseInPortsOnly(root).check(planted("servicereach")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(root + ".adapters.http.Resource")
        .hasMessageContaining(root + ".application.service.ThingService");
  }
}
