package com.novabilling.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The production classes of all five modules keep DESIGN.md section 1. */
class HexagonArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/archfixture/"))
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.novabilling");
    }

    @Test
    void importsEveryModule() {
        assertThat(production.containPackage("com.novabilling.domain.customer")).isTrue();
        assertThat(production.containPackage("com.novabilling.application.service.customer")).isTrue();
        assertThat(production.containPackage("com.novabilling.adapter.in.rest.customer")).isTrue();
        assertThat(production.containPackage("com.novabilling.adapter.out.persistence.postgres.customer")).isTrue();
        assertThat(production.containPackage("com.novabilling.adapter.out.persistence.memory")).isTrue();
        assertThat(production.containPackage("com.novabilling.bootstrap")).isTrue();
    }

    @Test
    void domainDependsOnlyOnTheJdkAndItself() {
        check(HexagonRules.DOMAIN_IS_PLAIN_JAVA);
    }

    @Test
    void applicationDependsOnlyOnTheDomain() {
        check(HexagonRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY);
    }

    @Test
    void restAdapterDoesNotDependOnPersistenceAdapter() {
        check(HexagonRules.REST_ADAPTER_DOES_NOT_USE_PERSISTENCE);
    }

    @Test
    void persistenceAdapterDoesNotDependOnRestAdapter() {
        check(HexagonRules.PERSISTENCE_ADAPTER_DOES_NOT_USE_REST);
    }

    @Test
    void adaptersUseOnlyPorts() {
        check(HexagonRules.ADAPTERS_USE_ONLY_PORTS);
    }

    @Test
    void inPortsAndOutPortsAreIndependent() {
        check(HexagonRules.IN_AND_OUT_PORTS_ARE_INDEPENDENT);
    }

    @Test
    void restAdapterUsesNoOutPort() {
        check(HexagonRules.REST_ADAPTER_USES_NO_OUT_PORT);
    }

    @Test
    void persistenceAdapterUsesNoInPort() {
        check(HexagonRules.PERSISTENCE_ADAPTER_USES_NO_IN_PORT);
    }

    @Test
    void memoryAdapterDoesNotDependOnPostgres() {
        check(HexagonRules.MEMORY_ADAPTER_DOES_NOT_USE_POSTGRES);
    }

    @Test
    void postgresAdapterDoesNotDependOnMemory() {
        check(HexagonRules.POSTGRES_ADAPTER_DOES_NOT_USE_MEMORY);
    }

    @Test
    void onlyBootstrapKnowsThePersistenceAdapters() {
        check(HexagonRules.ONLY_BOOTSTRAP_KNOWS_THE_PERSISTENCE_ADAPTERS);
    }

    @Test
    void persistenceAdaptersDoNotSelectThemselves() {
        check(HexagonRules.PERSISTENCE_ADAPTERS_DO_NOT_SELECT_THEMSELVES);
    }

    @Test
    void outPortImplementationsAreNotBeansOfTheirOwn() {
        check(HexagonRules.OUT_PORT_IMPLEMENTATIONS_ARE_NOT_BEANS_OF_THEIR_OWN);
    }

    @Test
    void nothingDependsOnBootstrap() {
        check(HexagonRules.NOTHING_DEPENDS_ON_BOOTSTRAP);
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
