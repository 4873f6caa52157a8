package org.civictaskforce.research;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: no framework, database, broker or JSON types leak into it. */
@AnalyzeClasses(packages = "org.civictaskforce.research", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..research.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml.jackson..", "jakarta.persistence..")
            .because("the domain must stay free of Spring, MongoDB, Kafka and Jackson");

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses().that().resideInAPackage("..research.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..research.application..", "..research.web..",
                    "..research.persistence..", "..research.messaging..")
            .because("the layers depend on the domain, never the other way round");

    @ArchTest
    static final ArchRule webAndMessagingGoThroughTheApplication = noClasses()
            .that().resideInAnyPackage("..research.web..", "..research.messaging..")
            .should().dependOnClassesThat().resideInAPackage("..research.persistence..")
            .because("adapters reach the read model only through the application layer");
}
