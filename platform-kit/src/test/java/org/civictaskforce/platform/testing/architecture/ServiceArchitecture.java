package org.civictaskforce.platform.testing.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The one set of architecture rules every service and the gateway are checked against. A service's
 * {@code ArchitectureTest} includes it with
 *
 * <pre>
 * &#64;AnalyzeClasses(packages = "org.civictaskforce.&lt;service&gt;", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests serviceShape = ArchTests.in(ServiceArchitecture.class);
 * }
 * </pre>
 *
 * The shape (research-service is the template): {@code domain} is plain Java and depends on nothing outside
 * it; {@code application} holds the use cases and the ports they need; {@code persistence}, {@code web} and
 * {@code messaging} are adapters, and the inbound ones (web, messaging) reach stored data only through the
 * application's ports. The layer rules hold vacuously where a module has no such package (the gateway, and
 * identity-service, which is cut by feature); the rule against package cycles holds everywhere.
 * <p>
 * Three rules are <em>frozen</em> ({@link FreezingArchRule}): the code that broke them when they were introduced is
 * listed in each module's {@code src/test/archunit-frozen} (a violation store committed with the code), and only a
 * new violation fails the build. Fixing one removes it from the store on the next run; commit that. The stores are
 * the migration's to-do list; since the second part of the house-style work every module's stores are empty, so the
 * frozen rules fail on any violation (they stay frozen so that the stores, and the way to record a deliberate
 * exception, stay in place). Each store was created once with {@code -Darchunit.freeze.store.default.allowStoreCreation=true}; the build never creates one.
 */
public final class ServiceArchitecture {
    private static final String DOMAIN = "org.civictaskforce.*.domain..";

    private ServiceArchitecture() {
    }

    @ArchTest
    public static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..",
                    "com.mongodb..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..",
                    "jakarta.persistence..", "jakarta.servlet..", "jakarta.mail..", "io.micrometer..",
                    "com.samskivert..")
            .because("the domain is plain Java, free of frameworks, storage, messaging and JSON")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule domainUsesOfThePlatformOnlyItsPlainJavaParts = noClasses().that()
            .resideInAPackage(DOMAIN).should().dependOnClassesThat(resideInAPackage("org.civictaskforce.platform..")
                    .and(resideOutsideOfPackages("org.civictaskforce.platform.problem..",
                            "org.civictaskforce.platform.text..")))
            .because("the platform's rule exceptions and text rules are plain Java; the rest of it is Spring")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule domainDependsOnNoOuterLayer = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.civictaskforce.*.application..",
                    "org.civictaskforce.*.persistence..", "org.civictaskforce.*.web..",
                    "org.civictaskforce.*.messaging..")
            .because("the layers depend on the domain, never the other way round")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule applicationDependsOnNoAdapter = FreezingArchRule.freeze(noClasses()
            .that().resideInAPackage("org.civictaskforce.*.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.civictaskforce.*.persistence..",
                    "org.civictaskforce.*.web..")
            .because("the application states what it needs as ports; the adapters implement them")
            .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule inboundAdaptersGoThroughTheApplication = FreezingArchRule.freeze(noClasses()
            .that().resideInAnyPackage("org.civictaskforce.*.web..", "org.civictaskforce.*.messaging..")
            .should().dependOnClassesThat().resideInAPackage("org.civictaskforce.*.persistence..")
            .because("web and messaging reach stored data only through the application")
            .allowEmptyShould(true));

    @ArchTest
    public static final ArchRule onlyTheWebReadsWhoIsAsking = noClasses()
            .that().resideOutsideOfPackages("org.civictaskforce.*.web..", "org.civictaskforce.platform.security..")
            .should().callMethod("org.civictaskforce.platform.security.Caller", "current") // by name: the gateway has no Spring MVC
            .because("the web adapter reads who is asking once per request and hands the Caller to the use case, "
                    + "which checks it; a use case that read it itself would work only inside a web request")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule noPackageCycles = FreezingArchRule.freeze(slices()
            .matching("org.civictaskforce.*.(*)..").should().beFreeOfCycles()
            .because("a package cycle makes two packages one that cannot be read apart"));
}
