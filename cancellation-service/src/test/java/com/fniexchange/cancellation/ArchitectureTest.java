package com.fniexchange.cancellation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.fniexchange.cancellation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The refund engine is plain Java: no Spring, no database, nothing but the model's value types. */
    @ArchTest
    static final ArchRule refundEngineIsPlainJava = noClasses().that().resideInAPackage("..cancellation.refund..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "com.fniexchange.platform..", "com.fniexchange.cancellation.cancellation..", "com.fniexchange.cancellation.projection..");

    /** Services talk through events and reporting views, never through each other's code. */
    @ArchTest
    static final ArchRule noOtherService = noClasses().that().resideInAPackage("com.fniexchange.cancellation..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fniexchange.contract..", "com.fniexchange.claims..",
                    "com.fniexchange.batch..");

    /** The projection knows nothing of cancellations; cancellations read it through its public face. */
    @ArchTest
    static final ArchRule featuresFreeOfCycles = slices().matching("com.fniexchange.cancellation.(*)..").should().beFreeOfCycles();

    /** Money is never floating point. */
    @ArchTest
    static final ArchRule noFloatingPointMoney = noClasses().that().resideInAPackage("com.fniexchange.cancellation..")
            .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class);
}
