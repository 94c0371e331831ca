package com.novabilling.bootstrap.architecture;

import com.tngtech.archunit.lang.ArchRule;

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

    private HexagonRules() {
    }

    /** The domain is plain Java: the JDK and itself. */
    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
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
}
