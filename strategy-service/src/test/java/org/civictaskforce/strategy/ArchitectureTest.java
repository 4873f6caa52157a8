package org.civictaskforce.strategy;

import org.civictaskforce.platform.testing.architecture.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The platform's one service shape (see {@link ServiceArchitecture}). */
@AnalyzeClasses(packages = "org.civictaskforce.strategy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceShape = ArchTests.in(ServiceArchitecture.class);
}
