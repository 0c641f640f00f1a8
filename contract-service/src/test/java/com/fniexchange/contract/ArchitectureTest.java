package com.fniexchange.contract;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.fniexchange", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Services talk through events and reporting views, never through each other's code. */
    @ArchTest
    static final ArchRule noOtherService = noClasses().that().resideInAPackage("com.fniexchange.contract..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fniexchange.claims..", "com.fniexchange.cancellation..",
                    "com.fniexchange.batch..");

    /** Feature folders may use each other's public face, but never in a circle. */
    @ArchTest
    static final ArchRule featuresFreeOfCycles = slices().matching("com.fniexchange.contract.(*)..").should().beFreeOfCycles();

    /** Rating knows nothing of contracts: quotes exist before and without them. */
    @ArchTest
    static final ArchRule ratingStandsAlone = noClasses().that().resideInAPackage("..contract.rating..")
            .should().dependOnClassesThat().resideInAnyPackage("..contract.contract..", "..contract.remittance..");

    /** Contract events are built in one place, so every change publishes them alike. */
    @ArchTest
    static final ArchRule contractEventsBuiltInOnePlace = noClasses().that().resideInAPackage("com.fniexchange.contract..")
            .and().doNotHaveFullyQualifiedName("com.fniexchange.contract.contract.ContractEvents")
            .should().callConstructorWhere(target(owner(resideInAPackage("com.fniexchange.model.event.contract.."))));

    /** The shared modules never reach into a service. */
    @ArchTest
    static final ArchRule platformIsShared = noClasses().that().resideInAnyPackage("com.fniexchange.platform..", "com.fniexchange.model..")
            .should().dependOnClassesThat().resideInAPackage("com.fniexchange.contract..");

    /** Money is never floating point in the domain. */
    @ArchTest
    static final ArchRule noFloatingPointMoney = noClasses().that().resideInAPackage("com.fniexchange.contract..")
            .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class);
}
