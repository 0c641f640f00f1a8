package com.fniexchange.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** common-model is the jar partners may take alone: no Spring, no service code. */
@AnalyzeClasses(packages = "com.fniexchange.model")
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.fniexchange.platform..", "com.fniexchange.contract..");
}
