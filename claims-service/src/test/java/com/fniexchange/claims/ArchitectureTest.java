package com.fniexchange.claims;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.fniexchange.claims", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Services talk through events and reporting views, never through each other's code. */
    @ArchTest
    static final ArchRule noOtherService = noClasses().that().resideInAPackage("com.fniexchange.claims..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fniexchange.contract..", "com.fniexchange.cancellation..",
                    "com.fniexchange.batch..");

    @ArchTest
    static final ArchRule featuresFreeOfCycles = slices().matching("com.fniexchange.claims.(*)..").should().beFreeOfCycles();

    /** Coverage is built from contract events alone: it knows nothing of claims. */
    @ArchTest
    static final ArchRule coverageStandsAlone = noClasses().that().resideInAPackage("..claims.coverage..")
            .should().dependOnClassesThat().resideInAnyPackage("..claims.claim..", "..claims.register..");

    /** Claim events are built in one place. */
    @ArchTest
    static final ArchRule claimEventsBuiltInOnePlace = noClasses().that().resideInAPackage("com.fniexchange.claims..")
            .and().doNotHaveFullyQualifiedName("com.fniexchange.claims.claim.ClaimEvents")
            .should().callConstructorWhere(target(owner(resideInAPackage("com.fniexchange.model.event.claim.."))));

    /** Money is never floating point. */
    @ArchTest
    static final ArchRule noFloatingPointMoney = noClasses().that().resideInAPackage("com.fniexchange.claims..")
            .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class);
}
