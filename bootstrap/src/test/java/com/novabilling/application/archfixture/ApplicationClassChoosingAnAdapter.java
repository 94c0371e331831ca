package com.novabilling.application.archfixture;

import com.novabilling.adapter.out.persistence.memory.MemoryCustomerStore;

/** Deliberately makes the application pick a persistence adapter (test fixture). */
public class ApplicationClassChoosingAnAdapter {

    MemoryCustomerStore store;
}
