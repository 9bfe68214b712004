package ai.cinatra.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every house rule holds on the production classes of all eight modules. */
class ArchitectureTest {
  private static final String ROOT = "ai.cinatra";

  /** Production classes only: the planted violations live in this module's test classes. */
  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void importSeesEveryModule_soNoRuleHoldsVacuously() {
    assertThat(PRODUCTION.stream().map(JavaClass::getName))
        .contains(
            "ai.cinatra.domain.account.Account",
            "ai.cinatra.application.service.AccountService",
            "ai.cinatra.adapters.http.page.HomeResource",
            "ai.cinatra.adapters.persistence.account.JdbiAccountRepository",
            "ai.cinatra.adapters.oauth.Argon2PasswordHasher",
            "ai.cinatra.adapters.outbound.OpenAiCompatibleLanguageModel",
            "ai.cinatra.bootstrap.CinatraApplication")
        .noneMatch(name -> name.startsWith("ai.cinatra.planted"));
  }

  @Test
  void layersFollowTheOnion() {
    CinatraRules.onion(ROOT).check(PRODUCTION);
  }

  @Test
  void coreImportsNoFramework() {
    CinatraRules.coreImportsNoFramework(ROOT).check(PRODUCTION);
  }

  static Stream<CinatraRules.Confinement> confinements() {
    return CinatraRules.CONFINEMENTS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confinements")
  void eachLibraryStaysInItsAdapter(CinatraRules.Confinement confinement) {
    CinatraRules.confined(ROOT, confinement).check(PRODUCTION);
  }

  @Test
  void packagesHaveNoCycles() {
    CinatraRules.noPackageCycles(ROOT).check(PRODUCTION);
  }

  @Test
  void inboundNeverCallsOut() {
    CinatraRules.inboundNeverCallsOut(ROOT).check(PRODUCTION);
  }

  @Test
  void coreNamesNoWireFormat() {
    CinatraRules.coreNamesNoWireFormat(ROOT).check(PRODUCTION);
  }

  @Test
  void adaptersUseInPortsOnly() {
    CinatraRules.adaptersUseInPortsOnly(ROOT).check(PRODUCTION);
  }
}
