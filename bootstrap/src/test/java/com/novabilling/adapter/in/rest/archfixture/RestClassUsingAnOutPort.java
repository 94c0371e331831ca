package com.novabilling.adapter.in.rest.archfixture;

import com.novabilling.application.port.out.access.TenantStore;

/** Deliberately reaches past the use cases into an out-port (test fixture). */
public class RestClassUsingAnOutPort {

    TenantStore tenants;
}
