package org.civictaskforce.membership;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays plain Java: no framework, database, broker or JSON types. */
@AnalyzeClasses(packages = "org.civictaskforce.membership", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..membership.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..", "tools.jackson..",
                    "com.fasterxml.jackson..", "jakarta.persistence..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule domainDoesNotReachOutward = noClasses().that().resideInAPackage("..membership.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..membership.application..",
                    "..membership.persistence..", "..membership.web..", "..membership.messaging..");

    @ArchTest
    static final ArchRule webDoesNotTouchPersistence = noClasses().that().resideInAPackage("..membership.web..")
            .should().dependOnClassesThat().resideInAPackage("..membership.persistence..");
}
