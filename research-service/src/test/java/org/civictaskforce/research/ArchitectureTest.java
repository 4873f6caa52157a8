package org.civictaskforce.research;

import org.civictaskforce.platform.testing.architecture.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The platform's one service shape (see {@link ServiceArchitecture}); research-service is its template. */
@AnalyzeClasses(packages = "org.civictaskforce.research", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceShape = ArchTests.in(ServiceArchitecture.class);
}
