package com.novabilling.adapter.out.persistence.postgres.archfixture;

import com.novabilling.adapter.out.persistence.memory.MemoryStore;

/** Deliberately couples the PostgreSQL adapter to the in-memory adapter (test fixture). */
public class PostgresClassReachingIntoMemory {

    MemoryStore memory;
}
