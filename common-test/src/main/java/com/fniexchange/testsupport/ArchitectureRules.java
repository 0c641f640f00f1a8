package com.fniexchange.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The rules every module's {@code ArchitectureTest} applies, written once so that a rule fixed
 * here is fixed everywhere. Each is proven able to fail ({@code ArchitectureRulesTest}).
 */
public final class ArchitectureRules {

    /** The root package of each service; the shared modules are {@code com.fniexchange.platform} and {@code .model}. */
    public static final List<String> SERVICES = List.of(
            "com.fniexchange.contract", "com.fniexchange.claims", "com.fniexchange.cancellation", "com.fniexchange.export");

    private ArchitectureRules() {
    }

    /**
     * What every service's {@code ArchitectureTest} applies to its own root package: features
     * without cycles, no other service's code, no floating point.
     */
    public static ArchRule service(String root) {
        return CompositeArchRule.of(featuresFreeOfCycles(root)).and(noOtherService(root)).and(noFloatingPoint(root));
    }

    /**
     * The feature packages directly below {@code root}, and the root package itself, depend on
     * each other without a cycle: a feature may use another's public face, never in a circle.
     */
    public static ArchRule featuresFreeOfCycles(String root) {
        return slices().assignedFrom(featuresOf(root)).should().beFreeOfCycles()
                .as("the features of " + root + " (and its root package) are free of cycles");
    }

    /** A service talks to the others through events and reporting views, never through their code. */
    public static ArchRule noOtherService(String root) {
        return noOtherService(root, SERVICES);
    }

    /** {@link #noOtherService(String)} with the services named. */
    public static ArchRule noOtherService(String root, List<String> services) {
        String[] others = services.stream().filter(s -> !s.equals(root)).map(s -> s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as(root + " uses no other service's code");
    }

    /** The shared modules never reach into a service. */
    public static ArchRule sharedModulesKnowNoService() {
        return sharedModulesKnowNoService(SERVICES);
    }

    /** {@link #sharedModulesKnowNoService()} with the services named. */
    public static ArchRule sharedModulesKnowNoService(List<String> services) {
        return noClasses().that().resideInAnyPackage("com.fniexchange.platform..", "com.fniexchange.model..")
                .should().dependOnClassesThat().resideInAnyPackage(services.stream().map(s -> s + "..").toArray(String[]::new))
                .as("common-platform and common-model use no service's code");
    }

    /** Money is never floating point. */
    public static ArchRule noFloatingPoint(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class)
                .as(root + " uses no floating point");
    }

    /** One slice per package directly below {@code root}; the root package's own classes are a slice too. */
    static SliceAssignment featuresOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals(root)) {
                    return SliceIdentifier.of("(root package)");
                }
                if (!pkg.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                String rest = pkg.substring(root.length() + 1);
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
            }

            @Override
            public String getDescription() {
                return "features of " + root;
            }
        };
    }
}
