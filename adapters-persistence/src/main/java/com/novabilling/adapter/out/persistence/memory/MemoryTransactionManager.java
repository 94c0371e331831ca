package com.novabilling.adapter.out.persistence.memory;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.ConnectionSynchronization;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.exceptions.TransactionUsageException;
import io.micronaut.transaction.support.TransactionSynchronization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Micronaut's {@code @Transactional} for the in-memory adapter: a transaction holds the store's write lock
 * from begin to end (serializable), commits by keeping the changes and rolls back by undoing them, on the
 * same rules as Micronaut's JDBC transactions (runtime exceptions and errors roll back, as the definition
 * says). {@code REQUIRED}, {@code SUPPORTS} and {@code MANDATORY} join a running transaction; the app uses
 * no other propagation, and the ones that would need a second, concurrent transaction on the same thread
 * ({@code REQUIRES_NEW}, {@code NESTED}, {@code NOT_SUPPORTED}) are refused while one runs.
 */
public final class MemoryTransactionManager implements TransactionOperations<MemoryStore> {

    private final MemoryStore store;
    private final ThreadLocal<MemoryTransactionStatus> current = new ThreadLocal<>();

    public MemoryTransactionManager(MemoryStore store) {
        this.store = store;
    }

    @Override
    public MemoryStore getConnection() {
        return store;
    }

    @Override
    public boolean hasConnection() {
        return true;
    }

    @Override
    public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public <R> R execute(TransactionDefinition definition, TransactionCallback<MemoryStore, R> callback) {
        MemoryTransactionStatus running = current.get();
        TransactionDefinition.Propagation propagation = definition.getPropagationBehavior();
        if (running != null) {
            switch (propagation) {
                case REQUIRED, SUPPORTS, MANDATORY -> {
                    return join(running, callback);
                }
                case NEVER -> throw new TransactionUsageException("propagation NEVER inside a transaction");
                default -> throw new TransactionUsageException("the in-memory store runs one transaction per thread;"
                        + " propagation " + propagation + " inside a transaction is not supported");
            }
        }
        if (propagation == TransactionDefinition.Propagation.MANDATORY) {
            throw new TransactionUsageException("propagation MANDATORY without a transaction");
        }
        return begin(definition, callback);
    }

    private <R> R join(MemoryTransactionStatus running, TransactionCallback<MemoryStore, R> callback) {
        MemoryTransactionStatus joined = new MemoryTransactionStatus(running.definition, false, running);
        try {
            return callback.call(joined);
        } catch (RuntimeException | Error e) {
            if (running.definition.rollbackOn(e)) {
                running.setRollbackOnly();
            }
            throw e;
        } catch (Exception e) {
            if (running.definition.rollbackOn(e)) {
                running.setRollbackOnly();
            }
            throw new UndeclaredCheckedException(e);
        }
    }

    private <R> R begin(TransactionDefinition definition, TransactionCallback<MemoryStore, R> callback) {
        MemoryTransactionStatus status = new MemoryTransactionStatus(definition, true, null);
        store.begin();
        current.set(status);
        R result;
        try {
            result = callback.call(status);
        } catch (Throwable e) {
            finish(status, !definition.rollbackOn(e));
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new UndeclaredCheckedException((Exception) e);
        }
        finish(status, true);
        return result;
    }

    private void finish(MemoryTransactionStatus status, boolean commitWanted) {
        boolean commit = commitWanted && !status.rollbackOnly;
        try {
            if (commit) {
                status.synchronizations.forEach(s -> s.beforeCommit(status.definition.isReadOnly().orElse(false)));
            }
            status.synchronizations.forEach(TransactionSynchronization::beforeCompletion);
        } catch (RuntimeException e) {
            commit = false;
            throw e;
        } finally {
            current.remove();
            status.completed = true;
            if (commit) {
                store.commit();
            } else {
                store.rollback();
            }
            TransactionSynchronization.Status outcome = commit
                    ? TransactionSynchronization.Status.COMMITTED : TransactionSynchronization.Status.ROLLED_BACK;
            if (commit) {
                status.synchronizations.forEach(TransactionSynchronization::afterCommit);
            }
            status.synchronizations.forEach(s -> s.afterCompletion(outcome));
            status.connectionSynchronizations.forEach(ConnectionSynchronization::executionComplete);
        }
    }

    /** A checked exception thrown by a transactional callback, after the transaction ended. */
    public static final class UndeclaredCheckedException extends RuntimeException {
        UndeclaredCheckedException(Exception cause) {
            super(cause);
        }
    }

    private final class MemoryTransactionStatus implements TransactionStatus<MemoryStore>, ConnectionStatus<MemoryStore> {

        private final TransactionDefinition definition;
        private final boolean isNew;
        private final MemoryTransactionStatus outer;
        private final List<TransactionSynchronization> synchronizations = new ArrayList<>();
        private final List<ConnectionSynchronization> connectionSynchronizations = new ArrayList<>();
        private boolean rollbackOnly;
        private boolean completed;

        MemoryTransactionStatus(TransactionDefinition definition, boolean isNew, MemoryTransactionStatus outer) {
            this.definition = definition;
            this.isNew = isNew;
            this.outer = outer;
        }

        private MemoryTransactionStatus root() {
            return outer == null ? this : outer;
        }

        @Override
        public Object getTransaction() {
            return root();
        }

        @Override
        public MemoryStore getConnection() {
            return store;
        }

        @Override
        public ConnectionStatus<MemoryStore> getConnectionStatus() {
            return this;
        }

        @Override
        public void registerSynchronization(TransactionSynchronization synchronization) {
            root().synchronizations.add(synchronization);
        }

        @Override
        public boolean isNewTransaction() {
            return isNew;
        }

        @Override
        public void setRollbackOnly() {
            root().rollbackOnly = true;
        }

        @Override
        public boolean isRollbackOnly() {
            return root().rollbackOnly;
        }

        @Override
        public boolean isCompleted() {
            return root().completed;
        }

        @Override
        public TransactionDefinition getTransactionDefinition() {
            return definition;
        }

        // ConnectionStatus: the "connection" is the store itself

        @Override
        public boolean isNew() {
            return isNew;
        }

        @Override
        public ConnectionDefinition getDefinition() {
            return definition.getConnectionDefinition();
        }

        @Override
        public void registerSynchronization(ConnectionSynchronization synchronization) {
            root().connectionSynchronizations.add(synchronization);
        }
    }
}
