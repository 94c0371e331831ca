package com.novabilling.adapter.out.persistence.archfixture;

import com.novabilling.adapter.in.rest.access.ApiPrincipal;

/** Deliberately couples the persistence adapter to the REST adapter (test fixture). */
public class PersistenceClassReachingIntoRest {

    ApiPrincipal principal;
}
