package com.fniexchange.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every shared rule fails on a deliberate violation and passes on code without one. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "com.fniexchange.testsupport.fixture";
    private static final JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void aCycleBetweenFeaturesFails() {
        assertThatThrownBy(() -> ArchitectureRules.featuresFreeOfCycles(FIXTURE + ".cyclic").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("Alpha")
                .hasMessageContaining("Beta");
    }

    @Test
    void aCycleThroughTheRootPackageFails() {
        assertThatThrownBy(() -> ArchitectureRules.featuresFreeOfCycles(FIXTURE + ".rooted").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("(root package)");
    }

    @Test
    void featuresThatDependOneWayPass() {
        ArchitectureRules.featuresFreeOfCycles(FIXTURE + ".clean").check(classes);
    }

    @Test
    void aServiceUsingAnotherFails() {
        List<String> services = List.of(FIXTURE + ".servicea", FIXTURE + ".serviceb");
        failsNaming(ArchitectureRules.noOtherService(FIXTURE + ".servicea", services), "Callee");
        ArchitectureRules.noOtherService(FIXTURE + ".serviceb", services).check(classes);
    }

    @Test
    void floatingPointFails() {
        failsNaming(ArchitectureRules.noFloatingPoint(FIXTURE + ".clean"), "Downstream");
        ArchitectureRules.noFloatingPoint(FIXTURE + ".servicea").check(classes);
    }

    @Test
    void aConsumerDeclaredOutsideAnEventsConsumerClassFails() {
        String factory = FIXTURE + ".streams.platform.Consumers";
        failsNaming(ArchitectureRules.consumersNamedForTheirStream(FIXTURE + ".streams.misnamed", factory), "Tally");
        ArchitectureRules.consumersNamedForTheirStream(FIXTURE + ".streams.named", factory).check(classes);
    }

    @Test
    void usingAPlatformClassOutsideThePublicFaceFails() {
        String platform = FIXTURE + ".streams.platform";
        Set<String> face = Set.of(platform + ".Consumers");
        failsNaming(ArchitectureRules.onlyThePublicFace(FIXTURE + ".streams.internal", platform, face), "Wiring");
        ArchitectureRules.onlyThePublicFace(FIXTURE + ".streams.named", platform, face).check(classes);
    }

    @Test
    void aFeatureUsingANeighbourItMustNotKnowFails() {
        failsNaming(ArchitectureRules.featureKnowsNothingOf(FIXTURE + ".clean", "a", "b"), "Upstream");
        ArchitectureRules.featureKnowsNothingOf(FIXTURE + ".clean", "b", "a").check(classes);
    }

    @Test
    void anEventBuiltOutsideItsBuilderFails() {
        String events = FIXTURE + ".clean.b";
        failsNaming(ArchitectureRules.eventsBuiltOnlyBy(FIXTURE + ".clean", events + ".Downstream", events), "Upstream");
        ArchitectureRules.eventsBuiltOnlyBy(FIXTURE + ".clean", FIXTURE + ".clean.a.Upstream", events).check(classes);
    }

    @Test
    void theRealPublicFaceIsReadFromThePlatformsReadme() {
        assertThat(ArchitectureRules.platformPublicFace())
                .contains("com.fniexchange.platform.security.Caller", "com.fniexchange.platform.consumer.EventConsumers")
                .allMatch(name -> name.startsWith("com.fniexchange.platform."));
    }

    private static void failsNaming(ArchRule rule, String offender) {
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining(offender);
    }
}
