package dev.akepa.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Rewrites partly-used MVStore chunks of the embedded H2 file while the server runs. H2 does this only in its
 * background writer thread, which exists only when WRITE_DELAY is above 0; with WRITE_DELAY=0 (every acknowledged
 * commit on disk before the answer, the kill -9 tests) nothing ever did it: each commit wrote a chunk, a few of
 * its pages stayed live, and the chunk and its SFChunk object were kept for ever. Measured with 4 journey clients:
 * 240 KB of file per journey (2 GB in 75 s) and one SFChunk per commit on the heap. This is the only place that
 * reaches into H2's internals ({@code SessionLocal} → {@code MVStore}); an H2 upgrade that moves them fails at
 * start here, not silently.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Chunks below this fill rate (%) are rewritten: H2's own background default for auto-compaction. */
    private static final int TARGET_FILL_RATE = 90;
    /** At most this many bytes rewritten per pass, so one pass never holds the store for long. */
    private static final int BYTES_PER_PASS = 2 * 1024 * 1024;
    private static final long INTERVAL_MILLIS = 250;
    private static final int MAX_PASSES = 4;

    private final MVStore store;
    private final Thread thread;
    private volatile boolean running = true;

    private H2Housekeeping(MVStore store) {
        this.store = store;
        this.thread = Thread.ofPlatform().daemon().name("h2-housekeeping").start(this::loop);
    }

    /** Starts for an embedded (in-process) H2 database; empty for PostgreSQL or a connection through H2's TCP server. */
    static Optional<H2Housekeeping> startIfEmbedded(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) return Optional.empty();
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty();
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? Optional.empty() : Optional.of(new H2Housekeeping(store));
        } catch (SQLException e) {
            throw new IllegalStateException("could not reach the embedded database's store", e);
        }
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
                if (!running || store.isClosed()) return;
                // compact() drops chunks no longer used, then rewrites the live pages of the emptiest ones.
                for (int pass = 0; pass < MAX_PASSES && running && store.compact(TARGET_FILL_RATE, BYTES_PER_PASS); pass++) {
                    Thread.onSpinWait();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running || store.isClosed()) return;
                log.warn("H2 housekeeping pass failed; trying again", e);
            }
        }
    }

    @Override
    public void close() {
        // No interrupt: an interrupted thread inside a FileChannel operation closes the database file's channel.
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
