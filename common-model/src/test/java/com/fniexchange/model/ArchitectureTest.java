package com.fniexchange.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * common-model is the jar partners may take alone: no Spring, no platform or service code. (It
 * cannot use common-test's ArchitectureRules: common-test depends on it.)
 */
@AnalyzeClasses(packages = "com.fniexchange.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.fniexchange.platform..", "com.fniexchange.contract..",
                    "com.fniexchange.claims..", "com.fniexchange.cancellation..", "com.fniexchange.export..");

    /** The event families may use the value types and the envelope, never each other. */
    @ArchTest
    static final ArchRule eventFamiliesFreeOfCycles = slices().matching("com.fniexchange.model.event.(*)..").should().beFreeOfCycles();

    /** The value types know nothing of events. */
    @ArchTest
    static final ArchRule valueTypesKnowNoEvents = noClasses().that().resideInAPackage("com.fniexchange.model")
            .should().dependOnClassesThat().resideInAPackage("com.fniexchange.model.event..");
}
