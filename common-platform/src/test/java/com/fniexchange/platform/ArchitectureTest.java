package com.fniexchange.platform;

import com.fniexchange.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.fniexchange.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The platform's features (outbox, consumer, security, web...) and its root package, without a cycle. */
    @ArchTest
    static final ArchRule featuresFreeOfCycles = ArchitectureRules.featuresFreeOfCycles("com.fniexchange.platform");

    /** The platform serves every service and knows none of them. */
    @ArchTest
    static final ArchRule knowsNoService = ArchitectureRules.sharedModulesKnowNoService();

    // no floating-point rule here: the platform holds no money, and Micrometer's gauges are doubles
}
