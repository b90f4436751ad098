package dev.akepa.auth;

import dev.akepa.store.Database;
import dev.akepa.store.DatabaseConfig;
import dev.akepa.testsupport.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerRepositoryTest {
    private static final int NODES = 8;

    @TempDir
    Path dataDir;

    /** What several nodes do when they start at once with the same AKEPA_PARTNERS and the partner is new. */
    @Test
    void aPartnerCreatedBySeveralCallersAtOnceIsCreatedOnceAndNobodyFails() throws Exception {
        try (PostgresSchema schema = PostgresSchema.createIfConfigured();
             Database db = Database.open(new DatabaseConfig(
                     schema == null ? Database.embeddedUrl(dataDir) : schema.url(), null, null, NODES))) {
            PartnerRepository partners = new PartnerRepository(db.jdbi());
            CyclicBarrier together = new CyclicBarrier(NODES);
            List<Future<Boolean>> created = new ArrayList<>();
            try (ExecutorService nodes = Executors.newFixedThreadPool(NODES)) {
                for (int i = 0; i < NODES; i++) {
                    created.add(nodes.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return partners.createIfAbsent("bank_a", "hash", 1L);
                    }));
                }
            }
            List<Boolean> answers = new ArrayList<>();
            for (Future<Boolean> f : created) answers.add(f.get());
            assertThat(answers).containsOnlyOnce(true);
            int rows = db.jdbi().withHandle(h -> h.createQuery("select count(*) from partner where login = 'bank_a'")
                    .mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }
}
