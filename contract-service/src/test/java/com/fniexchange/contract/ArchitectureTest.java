package com.fniexchange.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.fniexchange.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@AnalyzeClasses(packages = "com.fniexchange", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Features free of cycles, no other service's code, only the platform's public face, consumers named for their stream, no floating point (common-test ArchitectureRules.service). */
    @ArchTest
    static final ArchRule service = ArchitectureRules.service("com.fniexchange.contract");

    /** Rating knows nothing of contracts: quotes exist before and without them. */
    @ArchTest
    static final ArchRule ratingStandsAlone = ArchitectureRules.featureKnowsNothingOf("com.fniexchange.contract", "rating", "lifecycle", "remittance");

    /** Contract events are built in one place, so every change publishes them alike. */
    @ArchTest
    static final ArchRule contractEventsBuiltInOnePlace = ArchitectureRules.eventsBuiltOnlyBy(
            "com.fniexchange.contract", "com.fniexchange.contract.lifecycle.ContractEvents", "com.fniexchange.model.event.contract");

    /**
     * Remittance reaches contracts only through the contract feature's public face
     * ({@code ContractRemittance}): no SQL in remittance/ names the {@code contract} table.
     */
    @ArchTest
    static final ArchRule remittanceLeavesTheContractTableAlone = classes().that().resideInAPackage("..contract.remittance..")
            .should(nameNoTable("contract"));

    /** SQL naming the table: its string constants (text blocks included) are in the class file's constant pool. */
    private static ArchCondition<JavaClass> nameNoTable(String table) {
        Pattern sql = Pattern.compile("\\b(FROM|JOIN|UPDATE|INTO)\\s+" + table + "\\b");
        return new ArchCondition<>("not name table " + table + " in SQL") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Matcher m = sql.matcher(classFile(javaClass));
                if (m.find()) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " has SQL \"" + m.group() + "\""));
                }
            }
        };
    }

    private static String classFile(JavaClass javaClass) {
        try (InputStream in = javaClass.getSource().orElseThrow().getUri().toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the class file of " + javaClass.getName(), e);
        }
    }
}
