package com.novabilling.adapter.out.persistence.postgres.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a database's Flyway history says of the build's migrations, read in one statement without Flyway: whether
 * every migration of the build ({@link IndexedMigrations#versionedChecksums()}) is applied, with success and the
 * checksum of its script as it is now, and nothing else is in the history. Then Flyway, run now, would validate the
 * history and find nothing to migrate: the start of an instance on a migrated database (every restart, every new
 * instance of a release whose migrations ran) can leave Flyway out. Any doubt answers false, and Flyway runs and
 * decides: no history table in the current schema (a new database), a pending, failed, changed, removed or unknown
 * migration, a baseline, a history another version of the service wrote, or a statement that fails.
 */
public final class AppliedMigrations {

    /**
     * Flyway's history in the schema Flyway uses when none is configured (the current one): a table of that name
     * found elsewhere on the search path reads no rows here.
     */
    static final String HISTORY = "SELECT h.script, h.checksum, h.type, h.success FROM flyway_schema_history h"
            + " WHERE to_regclass(format('%I.flyway_schema_history', current_schema())) = 'flyway_schema_history'::regclass";

    private AppliedMigrations() {
    }

    /**
     * True when the history on {@code connection} is exactly {@code checksums} (script → checksum, as
     * {@link IndexedMigrations#versionedChecksums()} gives them): one row per script, each a successful {@code SQL}
     * migration with that checksum, and no other row. False otherwise, also when the statement fails (the history
     * table does not exist, the connection broke): Flyway then runs and reports what it finds.
     */
    public static boolean upToDate(Connection connection, Map<String, Integer> checksums) {
        if (checksums.isEmpty()) {
            return false;
        }
        Map<String, Integer> pending = new HashMap<>(checksums);
        try (PreparedStatement statement = connection.prepareStatement(HISTORY);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Integer expected = pending.remove(rows.getString("script"));
                int checksum = rows.getInt("checksum");
                boolean checksummed = !rows.wasNull();
                if (expected == null || !checksummed || expected != checksum || !"SQL".equals(rows.getString("type"))
                        || !rows.getBoolean("success")) {
                    return false;
                }
            }
        } catch (SQLException unreadable) {
            return false;
        }
        return pending.isEmpty();
    }
}
