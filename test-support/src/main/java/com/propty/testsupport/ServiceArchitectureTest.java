package com.propty.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Every layout rule of {@link ServiceArchitecture}, one test a rule, for the module a subclass describes. The one
 * way a module tests its layout: {@code class ArchitectureTest extends ServiceArchitectureTest}.
 */
public abstract class ServiceArchitectureTest {

    private final ServiceArchitecture architecture;

    protected ServiceArchitectureTest(ServiceArchitecture architecture) {
        this.architecture = architecture;
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInACycle() {
        architecture.assertFeaturePackagesFreeOfCycles();
    }

    @Test
    void controllersAreUsedOnlyInTheirOwnPackage() {
        architecture.assertControllersUsedOnlyInTheirPackage();
    }

    @Test
    void controllersLiveInTheWebPackage() {
        architecture.assertControllersLiveInWeb();
    }

    @Test
    void onlyTheStoreRoomUsesMongo() {
        assumeTrue(architecture.hasStoreRoom(), "the module has no store room");
        architecture.assertMongoOnlyInTheStore();
    }

    @Test
    void webAndMessagingNeverTouchTheStore() {
        assumeTrue(architecture.hasStoreRoom(), "the module has no store room");
        architecture.assertStoreReachedThroughInterfaces();
    }

    @Test
    void httpStatusesAreDecidedInTheWebPackage() {
        assumeTrue(architecture.isService(), "a library");
        architecture.assertHttpStatusesOnlyInWeb();
    }

    @Test
    void settingsComeInPropertiesRecords() {
        assumeTrue(architecture.isService(), "a library: its auto-configuration may read the binder's own settings");
        architecture.assertSettingsInPropertiesRecords();
    }

    @Test
    void pureRulesUseNoSpringMongoOrKafkaType() {
        assumeTrue(architecture.hasPureRules(), "the module names no pure rules");
        architecture.assertPureRules();
    }

    @Test
    void timeComesFromTheInjectedClock() {
        assumeTrue(architecture.hasClock(), "the module has no Clock bean");
        architecture.assertTimeComesFromTheClock();
    }

    @Test
    void noClassIsAManagerHelperUtilOrImpl() {
        architecture.assertNoVagueNames();
    }

    @Test
    void usesNoPlatformModuleButTheOnesItDeclares() {
        architecture.assertUsesOnlyItsModules();
    }
}
