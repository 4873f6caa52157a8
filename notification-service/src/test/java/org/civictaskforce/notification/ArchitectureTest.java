package org.civictaskforce.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.civictaskforce.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..notification.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..", "tools.jackson..",
                    "com.fasterxml.jackson..", "jakarta.mail..", "com.samskivert..", "io.micrometer..",
                    "org.civictaskforce.contracts..", "org.civictaskforce.platform..")
            .because("the domain is plain Java, free of frameworks, storage, messaging and JSON");

    @ArchTest
    static final ArchRule domainDependsOnNothingOutside = noClasses().that()
            .resideInAPackage("..notification.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..notification.application..",
                    "..notification.persistence..", "..notification.web..", "..notification.messaging..");

    @ArchTest
    static final ArchRule webDoesNotReachIntoKafka = noClasses().that().resideInAPackage("..notification.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");
}
