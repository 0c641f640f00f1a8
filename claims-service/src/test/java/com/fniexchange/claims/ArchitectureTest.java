package com.fniexchange.claims;

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
    static final ArchRule coverageStandsAlone = ArchitectureRules.featureKnowsNothingOf("com.fniexchange.claims", "coverage", "lifecycle", "register");

    /** Claim events are built in one place. */
    @ArchTest
    static final ArchRule claimEventsBuiltInOnePlace = ArchitectureRules.eventsBuiltOnlyBy(
            "com.fniexchange.claims", "com.fniexchange.claims.lifecycle.ClaimEvents", "com.fniexchange.model.event.claim");
}
