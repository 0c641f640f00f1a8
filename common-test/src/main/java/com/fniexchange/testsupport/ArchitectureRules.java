package com.fniexchange.testsupport;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every module's {@code ArchitectureTest} applies, written once so that a rule fixed
 * here is fixed everywhere. Each is proven able to fail ({@code ArchitectureRulesTest}).
 * common-platform's PublicFaceTest checks that every class of its public face exists and is public.
 */
public final class ArchitectureRules {

    /** The root package of each service; the shared modules are {@code com.fniexchange.platform} and {@code .model}. */
    public static final List<String> SERVICES = List.of(
            "com.fniexchange.contract", "com.fniexchange.claims", "com.fniexchange.cancellation", "com.fniexchange.export");

    private ArchitectureRules() {
    }

    /**
     * What every service's {@code ArchitectureTest} applies to its own root package: features
     * without cycles, no other service's code, only the platform's public face, consumers named
     * for their stream, no floating point.
     */
    public static ArchRule service(String root) {
        return CompositeArchRule.of(featuresFreeOfCycles(root)).and(noOtherService(root)).and(noFloatingPoint(root))
                .and(onlyThePlatformsPublicFace(root)).and(consumersNamedForTheirStream(root));
    }

    /**
     * Consumers are in the same kind of place in every service: a binding's consumer is declared
     * in a class named for the stream it reads ({@code ContractEventsConsumer} for
     * {@code contract-events}), in the feature whose state it writes.
     */
    public static ArchRule consumersNamedForTheirStream(String root) {
        return consumersNamedForTheirStream(root, "com.fniexchange.platform.consumer.EventConsumers");
    }

    static ArchRule consumersNamedForTheirStream(String root, String consumerFactory) {
        return noClasses().that().resideInAPackage(root + "..").and().haveSimpleNameNotEndingWith("EventsConsumer")
                .should().dependOnClassesThat().haveFullyQualifiedName(consumerFactory)
                .as("in " + root + ", only <Stream>EventsConsumer classes declare event consumers")
                // a service may consume nothing (batch-export-service reads the database)
                .allowEmptyShould(true);
    }

    /**
     * A service uses of common-platform only its public face, the classes its README lists under
     * "The public face" ({@link #platformPublicFace()}); the rest is the platform's own, even where
     * Java needs it public for the platform's other packages.
     */
    public static ArchRule onlyThePlatformsPublicFace(String root) {
        return onlyThePublicFace(root, "com.fniexchange.platform", platformPublicFace());
    }

    static ArchRule onlyThePublicFace(String root, String platform, Set<String> face) {
        DescribedPredicate<JavaClass> internal = DescribedPredicate.describe("are common-platform internals",
                c -> (c.getPackageName() + ".").startsWith(platform + ".") && !face.contains(topLevelName(c)));
        return noClasses().that().resideInAPackage(root + "..").should().dependOnClassesThat(internal)
                .as(root + " uses only common-platform's public face (common-platform/README.md)");
    }

    /**
     * The fully qualified names listed in common-platform/README.md's section "The public face",
     * one list item each: {@code - `security.Caller`: ...}.
     */
    public static Set<String> platformPublicFace() {
        Path readme = SourceTree.root().resolve("common-platform/README.md");
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme, e);
        }
        Set<String> names = new LinkedHashSet<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals("## The public face");
                continue;
            }
            Matcher item = FACE_ITEM.matcher(line);
            if (inSection && item.lookingAt()) {
                names.add("com.fniexchange.platform." + item.group(1));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException(readme + " lists no class under \"## The public face\"");
        }
        return Set.copyOf(names);
    }

    private static final Pattern FACE_ITEM = Pattern.compile("- `([a-z]+(?:\\.[a-z]+)*\\.[A-Z]\\w*)`");

    private static String topLevelName(JavaClass javaClass) {
        String name = javaClass.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
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

    /**
     * A feature that must not know some of its neighbours, such as rating, which exists before
     * and without contracts: no class of {@code feature} depends on the {@code neighbours}.
     * Packages are relative to {@code root}: {@code featureKnowsNothingOf("com.fniexchange.contract", "rating", "lifecycle")}.
     */
    public static ArchRule featureKnowsNothingOf(String root, String feature, String... neighbours) {
        String[] packages = Arrays.stream(neighbours).map(n -> root + "." + n + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + "." + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .as(root + "." + feature + " knows nothing of " + String.join(", ", neighbours));
    }

    /**
     * A service's events are built in one place, so every change publishes them alike: within
     * {@code root}, only {@code builder} constructs a class of {@code eventPackage}.
     */
    public static ArchRule eventsBuiltOnlyBy(String root, String builder, String eventPackage) {
        return noClasses().that().resideInAPackage(root + "..").and().doNotHaveFullyQualifiedName(builder)
                .should().callConstructorWhere(target(owner(resideInAPackage(eventPackage + ".."))))
                .as("in " + root + ", only " + builder + " builds " + eventPackage + " events");
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
