package com.fniexchange.cancellation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fniexchange.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Service rules (common-test ArchitectureRules.service), and the refund engine kept plain Java. */
@AnalyzeClasses(packages = "com.fniexchange.cancellation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule service = ArchitectureRules.service("com.fniexchange.cancellation");

    /** The refund engine is plain Java: no Spring, no database, nothing but the model's value types. */
    @ArchTest
    static final ArchRule refundEngineIsPlainJava = noClasses().that().resideInAPackage("..cancellation.refund..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "com.fniexchange.platform..", "com.fniexchange.cancellation.lifecycle..", "com.fniexchange.cancellation.projection..");
}
