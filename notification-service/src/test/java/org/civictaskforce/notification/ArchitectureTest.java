package org.civictaskforce.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.civictaskforce.platform.testing.architecture.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/** The platform's one service shape (see {@link ServiceArchitecture}), and the web layer never touches Kafka. */
@AnalyzeClasses(packages = "org.civictaskforce.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceShape = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule webDoesNotReachIntoKafka = noClasses().that().resideInAPackage("..notification.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");
}
