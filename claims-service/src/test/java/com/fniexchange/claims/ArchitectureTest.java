package com.fniexchange.claims;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fniexchange.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.fniexchange.claims", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Features free of cycles, no other service's code, only the platform's public face, consumers named for their stream, no floating point (common-test ArchitectureRules.service). */
    @ArchTest
    static final ArchRule service = ArchitectureRules.service("com.fniexchange.claims");

    /** Coverage is built from contract events alone: it knows nothing of claims. */
    @ArchTest
    static final ArchRule coverageStandsAlone = noClasses().that().resideInAPackage("..claims.coverage..")
            .should().dependOnClassesThat().resideInAnyPackage("..claims.lifecycle..", "..claims.register..");

    /** Claim events are built in one place. */
    @ArchTest
    static final ArchRule claimEventsBuiltInOnePlace = noClasses().that().resideInAPackage("com.fniexchange.claims..")
            .and().doNotHaveFullyQualifiedName("com.fniexchange.claims.lifecycle.ClaimEvents")
            .should().callConstructorWhere(target(owner(resideInAPackage("com.fniexchange.model.event.claim.."))));
}
