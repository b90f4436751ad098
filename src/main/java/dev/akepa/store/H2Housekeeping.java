package dev.akepa.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
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
 * 240 KB of file per journey (2 GB in 75 s) and one SFChunk per commit on the heap. Rewriting alone still left
 * 10.8 KB per journey (a 30-minute soak: 914 MB), its chunks half dead until some later commit stored the rewrite;
 * storing it at once: 5.2 KB side by side, 5.0–5.8 KB over most of a 30-minute soak (BENCHMARKS.md, issue 17).
 * This and {@link H2NewestChunk} are the only places that reach into H2's internals ({@code SessionLocal} →
 * {@code MVStore} → {@code RandomAccessStore}); an H2 upgrade that moves them fails at start here, not silently.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Chunks below this fill rate (%) are rewritten: H2's own background default for auto-compaction. */
    private static final int TARGET_FILL_RATE = 90;
    /** At most this many bytes rewritten per pass, so one pass never holds the store for long. */
    private static final int BYTES_PER_PASS = 2 * 1024 * 1024;
    private static final long INTERVAL_MILLIS = 250;
    /**
     * Below this share of the file's blocks in use, chunks are moved towards its start and the free tail cut off:
     * compact() frees chunks but never shrinks the file, whose freed space is reused only where a new chunk fits.
     * Measured, the file stayed 96–99 % in use under the soak, the waste being dead pages inside chunks (see the
     * loop), so this rarely runs; it bounds what fragmentation alone could leave.
     */
    private static final int FILE_FILL_RATE_TO_MOVE = 80;
    /** Bytes of chunks moved per pass: moving copies them, so a pass stays short like a rewrite pass. */
    private static final long MOVE_BYTES_PER_PASS = 4L * 1024 * 1024;

    private final MVStore store;
    private final RandomAccessStore file;
    private final H2NewestChunk newestChunk;
    private final Thread thread;
    private volatile boolean running = true;

    private H2Housekeeping(MVStore store, RandomAccessStore file) {
        this.store = store;
        this.file = file;
        this.newestChunk = new H2NewestChunk(store, file);
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
            return store.getFileStore() instanceof RandomAccessStore file
                    ? Optional.of(new H2Housekeeping(store, file)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reach the embedded database's store", e);
        }
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
                if (!running || store.isClosed()) return;
                // compact() rewrites the live pages of the emptiest chunks in memory; they reach the file with the
                // next store, and only then are the old chunks dead (a second compact() before that picks the same
                // chunks again). Under load the next request's commit stores them; idle, nothing did: a 4-minute
                // run's chunks stayed 48 % live for minutes after the load stopped. tryCommit() stores them now, as
                // H2's background writer would, or yields to a commit in progress.
                if (store.compact(TARGET_FILL_RATE, BYTES_PER_PASS)) store.tryCommit();
                if (!running) return;
                file.dropUnusedChunks();
                // What H2's own background writer does when the file is fragmented (RandomAccessStore.doHousekeeping):
                // it writes and syncs the store header before it overwrites any chunk, then truncates the free tail.
                if (file.getFillRate() < FILE_FILL_RATE_TO_MOVE) {
                    file.compactMoveChunks(100, MOVE_BYTES_PER_PASS, store);
                }
                // This pass's stores, and commits not made through this process's JDBI (the CLI's, through the
                // auto-server), become findable after a crash within one interval.
                newestChunk.makeFindable();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running || store.isClosed()) return;
                log.warn("H2 housekeeping pass failed; trying again", e);
            }
        }
    }

    /** After every unit of work on the database, before its answer goes out: what it committed survives kill -9. */
    void afterUnitOfWork() {
        newestChunk.makeFindable();
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
