package com.novabilling.domain.archfixture;

import com.novabilling.bootstrap.Application;

/** Deliberately depends on bootstrap (test fixture for HexagonRulesCanFailTest). */
public class DomainClassUsingBootstrap {

    public void start() {
        Application.main(new String[0]);
    }
}
