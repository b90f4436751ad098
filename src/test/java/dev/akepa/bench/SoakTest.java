package dev.akepa.bench;

import dev.akepa.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three minutes of journeys on the embedded default (bench/soak runs thirty): the database file must not grow with
 * the journeys. Before H2Housekeeping it grew by about 240 KB per journey; the bound below is far under that.
 * Only bytes are compared, never times: a slow machine runs fewer journeys, not a failing test.
 */
class SoakTest {
    /** Database bytes per journey after the first minute (measured after the fix: about 4–11 KB, before: 240 KB). */
    private static final long DATABASE_BYTES_PER_JOURNEY = 40 * 1024;

    @TempDir
    Path dir;

    @Test
    void databaseFileStaysSmallUnderThreeMinutesOfJourneys() throws Exception {
        Path dataDir = dir.resolve("data");
        try (ServerProcess server = ServerProcess.start("soak", Map.of("AKEPA_DATA_DIR", dataDir.toString()), dir)) {
            Soak soak = new Soak(URI.create(server.baseUrl()), server.demo().token(), server.pid(), dataDir, 2, null);
            List<Soak.Sample> samples = soak.run(3, sample -> System.out.println("soak: " + sample.line()));

            Soak.Sample first = samples.getFirst(), last = samples.getLast();
            assertThat(samples).as("every sample read the heap").allMatch(sample -> sample.heapAfterGcBytes() > 0);
            assertThat(last.errors()).isZero();
            assertThat(last.journeys()).isGreaterThan(first.journeys());
            long perJourney = (last.databaseBytes() - first.databaseBytes()) / (last.journeys() - first.journeys());
            assertThat(perJourney).as("database bytes per journey after the first minute; samples %s", samples)
                    .isLessThan(DATABASE_BYTES_PER_JOURNEY);
            // The heap is sampled and printed but not judged here: three minutes are not enough to tell H2's page
            // cache filling from a leak (seen on the same code: 34.9, 61.7, 53.7 MB and 41.5, 45.9, 55.0 MB). The
            // 30-minute bench/soak judges the heap; this bounded run judges bytes, errors and temp files.
            assertThat(last.tempFiles()).as("temp files left behind").isLessThanOrEqualTo(2 * 2);
            // The leak issue 17 found kept one SFChunk per commit (several per journey: 44,397 after 8,768 journeys);
            // the housekeeping keeps a few hundred whatever the count (10–450 seen), so a slow machine's few
            // journeys still fail a leak and a fast machine's many pass.
            assertThat(last.h2Chunks()).as("H2 chunk objects on the heap; samples %s", samples)
                    .isPositive().isLessThan(Math.max(500, last.journeys() / 2));
        }
    }
}
