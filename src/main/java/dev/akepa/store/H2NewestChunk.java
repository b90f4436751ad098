package dev.akepa.store;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.RandomAccessStore;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Keeps the newest chunk of the embedded H2 file findable after a crash, so that a commit H2 has acknowledged
 * survives kill -9. H2 2.5.252's recovery finds the newest chunk through the store header, the chain of predicted
 * positions each chunk records for the next one, or the footer at the end of the file. When a commit's chunk goes
 * into reused space other than the predicted position, H2 rewrites the header for it, but before it records the
 * chunk as the last one (FileStore.storeBuffer calls writeChunk, then sets lastChunk), so the header names the chunk
 * before: the newest chunk, and every one chained from it, cannot be found until some later header write. Measured:
 * about a quarter of commits land so under load, and a kill -9 lost the last acknowledged writes in 1–2 of 6 runs
 * (the real server: 2 of 5). After each unit of work, and from housekeeping, this rewrites the header when the newest
 * chunk is not reachable, now that H2 knows it as the last one: 0 lost in the runs in docs/architecture.md.
 * Reaches into H2 internals by reflection, checked at start, like {@link H2Housekeeping}.
 */
final class H2NewestChunk {
    private static final long BLOCK_SIZE = 4096;
    private static final Field LAST_CHUNK = field(FileStore.class, "lastChunk");
    private static final Method CHUNKS = method(FileStore.class, "getChunks");
    private static final Method WRITE_STORE_HEADER = method(RandomAccessStore.class, "writeStoreHeader");

    private final MVStore store;
    private final RandomAccessStore file;

    /** The newest chunk known to be findable: a unit of work that wrote nothing costs one comparison. */
    private volatile int findableChunkId = -1;

    H2NewestChunk(MVStore store, RandomAccessStore file) {
        this.store = store;
        this.file = file;
    }

    /**
     * Once per new chunk, under H2's store lock (no chunk is being written then): the walk takes at most the 20
     * chunks H2 lets the header lag behind, and the header is rewritten only when the walk fails.
     */
    void makeFindable() {
        Chunk<?> newest = lastChunk();
        if (newest == null || newest.id == findableChunkId || store.isClosed()) return;
        try {
            store.executeFilestoreOperation(() -> {
                Chunk<?> last = lastChunk();
                if (last == null) return;
                if (!reachable(last)) invoke(WRITE_STORE_HEADER);
                findableChunkId = last.id;
            });
        } catch (MVStoreException e) {
            if (!store.isClosed()) throw e; // closing: H2 writes a clean header itself
        }
    }

    private boolean reachable(Chunk<?> last) {
        Integer fromHeader = headerChunkId();
        if (fromHeader != null && fromHeader == last.id) return true;
        if ((last.block + last.len) * BLOCK_SIZE >= file.size()) return true; // found by the footer at the file's end
        if (fromHeader == null) return false;
        @SuppressWarnings("unchecked")
        Map<Integer, ? extends Chunk<?>> chunks = (Map<Integer, ? extends Chunk<?>>) invoke(CHUNKS);
        Chunk<?> chunk = chunks.get(fromHeader);
        while (chunk != null && chunk.id != last.id) {
            Chunk<?> next = chunks.get(chunk.id + 1);
            if (next == null || chunk.next != next.block) return false;
            chunk = next;
        }
        return chunk != null;
    }

    private Chunk<?> lastChunk() {
        try {
            return (Chunk<?>) LAST_CHUNK.get(file);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("H2 internals changed: " + LAST_CHUNK, e);
        }
    }

    /** The header's "chunk": an Integer once H2 has written it, hexadecimal text as read from the file. */
    private Integer headerChunkId() {
        Object value = file.getStoreHeader().get("chunk");
        if (value == null) return null;
        return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString(), 16);
    }

    private Object invoke(Method method) {
        try {
            return method.invoke(file);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("H2 internals changed: " + method, e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(method + " failed", e.getCause());
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("H2 internals changed (an H2 upgrade?): " + owner.getName() + "." + name);
        }
    }

    private static Method method(Class<?> owner, String name) {
        try {
            Method method = owner.getDeclaredMethod(name);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("H2 internals changed (an H2 upgrade?): " + owner.getName() + "." + name);
        }
    }
}
