package dev.akepa.store;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.CustomerBodies;
import dev.akepa.testsupport.TestServer;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jdbi.v3.core.statement.JdbiStatementEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flight recordings of a server at work, one started before the server (as -XX:StartFlightRecording does) and one
 * while it runs (as jcmd JFR.start does), both asking for JDBI's statement event: neither holds one.
 */
class StatementEventsOffRecordTest {
    @TempDir
    Path dir;

    @Name("akepa.test.Marker")
    static final class Marker extends Event {}

    @Test
    void flightRecordingsOfAServerAtWorkHoldNoStatementEventsWithTheirParameters() throws Exception {
        try (Recording beforeStart = recordingAskingForStatements()) {
            beforeStart.start();
            try (TestServer server = TestServer.start(); Recording whileRunning = recordingAskingForStatements()) {
                whileRunning.start();
                ApiClient api = server.demo();
                String customerId = api.post("/customer/init", CustomerBodies.individual()).dataText("customerId");
                assertThat(api.get("/customer/status/" + customerId).status()).isEqualTo(200);
                new Marker().commit();
                whileRunning.stop();
                assertNoStatementEvents(whileRunning, dir.resolve("while-running.jfr"));
            }
            beforeStart.stop();
            assertNoStatementEvents(beforeStart, dir.resolve("before-start.jfr"));
        }
    }

    private static Recording recordingAskingForStatements() {
        Recording recording = new Recording();
        recording.enable(JdbiStatementEvent.NAME);
        recording.enable(Marker.class);
        return recording;
    }

    /** The marker shows the recording recorded while the server worked, so an empty result is not a dead recording. */
    private static void assertNoStatementEvents(Recording recording, Path file) throws IOException {
        recording.dump(file);
        List<String> names = RecordingFile.readAllEvents(file).stream()
                .map(RecordedEvent::getEventType).map(type -> type.getName()).toList();
        assertThat(names).as("events in %s", file.getFileName()).contains("akepa.test.Marker")
                .doesNotContain(JdbiStatementEvent.NAME);
    }
}
