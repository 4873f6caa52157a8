package org.civictaskforce.identity;

import org.civictaskforce.platform.testing.architecture.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * The platform's rules (see {@link ServiceArchitecture}); identity-service is cut by feature, so the rule
 * against package cycles is what bites.
 */
@AnalyzeClasses(packages = "org.civictaskforce.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceShape = ArchTests.in(ServiceArchitecture.class);
}
