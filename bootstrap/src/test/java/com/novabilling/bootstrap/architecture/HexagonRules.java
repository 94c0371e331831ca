package com.novabilling.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * DESIGN.md section 1 as ArchUnit rules. Allow-lists where possible: a renamed package makes an
 * allow-list fail loudly, a deny-list would pass in silence.
 */
final class HexagonRules {

    static final String DOMAIN = "com.novabilling.domain..";
    static final String APPLICATION = "com.novabilling.application..";
    static final String REST = "com.novabilling.adapter.in.rest..";
    static final String PERSISTENCE = "com.novabilling.adapter.out.persistence..";
    static final String BOOTSTRAP = "com.novabilling.bootstrap..";
    static final String PORTS = "com.novabilling.application.port..";
    static final String IN_PORTS = "com.novabilling.application.port.in..";
    static final String OUT_PORTS = "com.novabilling.application.port.out..";
    static final String MEMORY = "com.novabilling.adapter.out.persistence.memory..";
    static final String POSTGRES = "com.novabilling.adapter.out.persistence.postgres..";
    static final String EMBEDDED_POSTGRES = "com.novabilling.adapter.out.persistence.embedded..";

    private HexagonRules() {
    }

    /** The domain is plain Java: the JDK (with its javax.crypto, for webhook signatures) and itself. */
    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", DOMAIN)
            .because("the domain holds no framework (DESIGN.md section 1)");

    /** The application layer: the JDK, the domain, itself, and at most jakarta.inject / jakarta.transaction. */
    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_ONLY = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN, APPLICATION, "jakarta.inject..", "jakarta.transaction..")
            .because("use cases and ports know the domain only (DESIGN.md section 1)");

    static final ArchRule REST_ADAPTER_DOES_NOT_USE_PERSISTENCE = noClasses().that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAPackage(PERSISTENCE)
            .because("adapters never depend on each other");

    static final ArchRule PERSISTENCE_ADAPTER_DOES_NOT_USE_REST = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAPackage(REST)
            .because("adapters never depend on each other");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap wires everything and nothing depends on it");

    /** Adapters talk to the application through its ports only, never to a service directly. */
    static final ArchRule ADAPTERS_USE_ONLY_PORTS = noClasses().that().resideInAnyPackage(REST, PERSISTENCE)
            .should().dependOnClassesThat(resideInAPackage(APPLICATION).and(resideOutsideOfPackage(PORTS)))
            .because("services are wired by bootstrap; adapters see only application.port..");

    /**
     * In-ports (what the application offers) and out-ports (what it needs) do not know each other; what
     * both speak (read models, list criteria, the store-unavailable failure) lives in
     * {@code application.port.shared}.
     */
    static final ArchRule IN_AND_OUT_PORTS_ARE_INDEPENDENT = CompositeArchRule
            .of(noClasses().that().resideInAPackage(IN_PORTS)
                    .should().dependOnClassesThat().resideInAPackage(OUT_PORTS).allowEmptyShould(true))
            .and(noClasses().that().resideInAPackage(OUT_PORTS)
                    .should().dependOnClassesThat().resideInAPackage(IN_PORTS).allowEmptyShould(true))
            .because("a driving adapter and a driven adapter can change independently");

    /** The driving (REST) side uses in-ports and shared port types, never an out-port. */
    static final ArchRule REST_ADAPTER_USES_NO_OUT_PORT = noClasses().that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAPackage(OUT_PORTS)
            .because("the REST adapter drives use cases; stores are the application's business");

    /** The driven (persistence) side implements out-ports and never calls a use case. */
    static final ArchRule PERSISTENCE_ADAPTER_USES_NO_IN_PORT = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAPackage(IN_PORTS)
            .because("a store serves use cases, it does not drive them");

    /** The in-memory adapter stands alone: nothing of PostgreSQL, JDBC or Micronaut Data's JDBC support. */
    static final ArchRule MEMORY_ADAPTER_DOES_NOT_USE_POSTGRES = noClasses().that().resideInAPackage(MEMORY)
            .should().dependOnClassesThat().resideInAnyPackage(POSTGRES, EMBEDDED_POSTGRES, "java.sql..",
                    "javax.sql..", "org.postgresql..", "io.micronaut.data.jdbc..", "org.flywaydb..")
            .because("the two persistence adapters never depend on each other (DESIGN.md section 1)");

    static final ArchRule POSTGRES_ADAPTER_DOES_NOT_USE_MEMORY = noClasses().that()
            .resideInAnyPackage(POSTGRES, EMBEDDED_POSTGRES)
            .should().dependOnClassesThat().resideInAPackage(MEMORY)
            .because("the two persistence adapters never depend on each other (DESIGN.md section 1)");

    /** Only bootstrap picks an adapter: no other module names a persistence class. */
    static final ArchRule ONLY_BOOTSTRAP_KNOWS_THE_PERSISTENCE_ADAPTERS = noClasses().that()
            .resideOutsideOfPackages(BOOTSTRAP, PERSISTENCE)
            .should().dependOnClassesThat().resideInAPackage(PERSISTENCE)
            .because("the application knows ports only; bootstrap selects the adapter (NOVABILLING_PERSISTENCE)");

    /**
     * The adapters do not select themselves: no persistence class carries a condition or is a factory, and
     * no class implementing an out-port is a bean of its own; bootstrap's factories create them.
     */
    static final ArchRule PERSISTENCE_ADAPTERS_DO_NOT_SELECT_THEMSELVES = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().beAnnotatedWith("io.micronaut.context.annotation.Requires")
            .orShould().beAnnotatedWith("io.micronaut.context.annotation.Factory")
            .orShould().beAnnotatedWith("io.micronaut.context.annotation.Primary")
            .orShould().beAnnotatedWith("io.micronaut.context.annotation.Replaces")
            .because("only bootstrap chooses which adapter runs");

    static final ArchRule OUT_PORT_IMPLEMENTATIONS_ARE_NOT_BEANS_OF_THEIR_OWN = noClasses().that()
            .resideInAPackage(PERSISTENCE).and().implement(JavaClass.Predicates.resideInAPackage(OUT_PORTS))
            .should().beAnnotatedWith("jakarta.inject.Singleton")
            .orShould().beAnnotatedWith("io.micronaut.context.annotation.Context")
            .orShould().beAnnotatedWith("io.micronaut.context.annotation.Prototype")
            .because("only bootstrap chooses which adapter runs: it creates the out-port implementations");
}
