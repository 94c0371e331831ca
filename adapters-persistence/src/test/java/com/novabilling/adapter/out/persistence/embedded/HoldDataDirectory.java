package com.novabilling.adapter.out.persistence.embedded;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process using a data directory, for {@link EmbeddedDataDirectoryInUseTest}: starts the embedded server on
 * {@code args[0]} as the app does, prints {@code ready <port>}, and stops it when its standard input closes.
 */
public final class HoldDataDirectory {

    private HoldDataDirectory() {
    }

    public static void main(String[] args) throws IOException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(Path.of(args[0]))) {
            System.out.println("ready " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent closes our input
            }
        }
    }
}
