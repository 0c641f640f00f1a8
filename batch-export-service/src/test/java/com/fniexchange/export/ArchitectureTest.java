package com.fniexchange.export;

import com.fniexchange.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.fniexchange.export", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Features free of cycles, no other service's code, only the platform's public face, consumers named for their stream, no floating point (common-test ArchitectureRules.service). */
    @ArchTest
    static final ArchRule service = ArchitectureRules.service("com.fniexchange.export");
}
