package com.novabilling.adapter.out.persistence.archfixture;

import com.novabilling.application.service.access.ApiKeyCache;

/** Deliberately uses an application service from a driven adapter (test fixture). */
public class PersistenceClassCallingAService {

    ApiKeyCache cache;
}
