package com.novabilling.bootstrap.architecture;

import com.novabilling.adapter.in.rest.archfixture.RestClassCallingAService;
import com.novabilling.adapter.in.rest.archfixture.RestClassReachingIntoPersistence;
import com.novabilling.adapter.in.rest.archfixture.RestClassUsingAnOutPort;
import com.novabilling.adapter.out.persistence.archfixture.PersistenceClassCallingAService;
import com.novabilling.adapter.out.persistence.archfixture.PersistenceClassUsingAnInPort;
import com.novabilling.adapter.out.persistence.archfixture.PersistenceClassReachingIntoRest;
import com.novabilling.adapter.out.persistence.memory.archfixture.MemoryClassReachingIntoPostgres;
import com.novabilling.adapter.out.persistence.memory.archfixture.MemoryClassSelectingItself;
import com.novabilling.adapter.out.persistence.postgres.archfixture.PostgresClassReachingIntoMemory;
import com.novabilling.application.archfixture.ApplicationClassChoosingAnAdapter;
import com.novabilling.application.archfixture.ApplicationClassUsingMicronaut;
import com.novabilling.application.port.in.archfixture.InPortUsingAnOutPort;
import com.novabilling.application.port.out.archfixture.OutPortReturningAnInPortType;
import com.novabilling.domain.archfixture.DomainClassUsingMicronaut;
import com.novabilling.domain.archfixture.DomainClassUsingBootstrap;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule, run against a deliberately violating class kept in test sources ({@code archfixture}
 * packages), reports that class: the rules can fail.
 */
class HexagonRulesCanFailTest {

    @Test
    void domainRuleCatchesAMicronautImport() {
        assertViolation(HexagonRules.DOMAIN_IS_PLAIN_JAVA, DomainClassUsingMicronaut.class, "io.micronaut");
    }

    @Test
    void applicationRuleCatchesAMicronautImport() {
        assertViolation(HexagonRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY, ApplicationClassUsingMicronaut.class,
                "io.micronaut");
    }

    @Test
    void restRuleCatchesAnAdapterCallingAnotherAdapter() {
        assertViolation(HexagonRules.REST_ADAPTER_DOES_NOT_USE_PERSISTENCE, RestClassReachingIntoPersistence.class,
                "PostgresCustomerRepository");
    }

    @Test
    void persistenceRuleCatchesAnAdapterCallingAnotherAdapter() {
        assertViolation(HexagonRules.PERSISTENCE_ADAPTER_DOES_NOT_USE_REST, PersistenceClassReachingIntoRest.class,
                "ApiPrincipal");
    }

    @Test
    void portsRuleCatchesARestAdapterCallingAService() {
        assertViolation(HexagonRules.ADAPTERS_USE_ONLY_PORTS, RestClassCallingAService.class, "GetCustomerService");
    }

    @Test
    void portsRuleCatchesAPersistenceAdapterCallingAService() {
        assertViolation(HexagonRules.ADAPTERS_USE_ONLY_PORTS, PersistenceClassCallingAService.class, "ApiKeyCache");
    }

    @Test
    void portIndependenceRuleCatchesAnInPortUsingAnOutPort() {
        assertViolation(HexagonRules.IN_AND_OUT_PORTS_ARE_INDEPENDENT, InPortUsingAnOutPort.class,
                "CustomerRepository");
    }

    @Test
    void portIndependenceRuleCatchesAnOutPortUsingAnInPort() {
        assertViolation(HexagonRules.IN_AND_OUT_PORTS_ARE_INDEPENDENT, OutPortReturningAnInPortType.class,
                "CreateCustomerCommand");
    }

    @Test
    void restRuleCatchesAnOutPort() {
        assertViolation(HexagonRules.REST_ADAPTER_USES_NO_OUT_PORT, RestClassUsingAnOutPort.class, "TenantStore");
    }

    @Test
    void persistenceRuleCatchesAnInPort() {
        assertViolation(HexagonRules.PERSISTENCE_ADAPTER_USES_NO_IN_PORT, PersistenceClassUsingAnInPort.class,
                "GetCustomerQuery");
    }

    @Test
    void memoryRuleCatchesTheMemoryAdapterUsingPostgres() {
        assertViolation(HexagonRules.MEMORY_ADAPTER_DOES_NOT_USE_POSTGRES, MemoryClassReachingIntoPostgres.class,
                "PostgresCustomerRepository");
    }

    @Test
    void postgresRuleCatchesThePostgresAdapterUsingMemory() {
        assertViolation(HexagonRules.POSTGRES_ADAPTER_DOES_NOT_USE_MEMORY, PostgresClassReachingIntoMemory.class,
                "MemoryStore");
    }

    @Test
    void selectionRuleCatchesTheApplicationChoosingAnAdapter() {
        assertViolation(HexagonRules.ONLY_BOOTSTRAP_KNOWS_THE_PERSISTENCE_ADAPTERS, ApplicationClassChoosingAnAdapter.class,
                "MemoryCustomerStore");
    }

    @Test
    void selectionRuleCatchesAnAdapterSelectingItself() {
        assertViolation(HexagonRules.PERSISTENCE_ADAPTERS_DO_NOT_SELECT_THEMSELVES, MemoryClassSelectingItself.class,
                "Requires");
    }

    @Test
    void beanRuleCatchesAnOutPortImplementationThatIsABean() {
        assertViolation(HexagonRules.OUT_PORT_IMPLEMENTATIONS_ARE_NOT_BEANS_OF_THEIR_OWN, MemoryClassSelectingItself.class,
                "Singleton");
    }

    @Test
    void bootstrapRuleCatchesADependencyOnBootstrap() {
        assertViolation(HexagonRules.NOTHING_DEPENDS_ON_BOOTSTRAP, DomainClassUsingBootstrap.class,
                "com.novabilling.bootstrap");
    }

    private static void assertViolation(ArchRule rule, Class<?> violator, String mentioned) {
        JavaClasses classes = new ClassFileImporter().importClasses(violator);
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as("rule %s on %s", rule.getDescription(), violator.getSimpleName()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains(violator.getName()).contains(mentioned));
    }
}
