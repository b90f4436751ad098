package dev.akepa.store;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import org.jdbi.v3.core.statement.JdbiStatementEvent;

/**
 * Keeps JDBI's JFR event ({@value JdbiStatementEvent#NAME}) out of every flight recording. The event carries each
 * statement's bound parameters as text (JDBI's length cap still writes the first one whole), so a recording an
 * operator starts to look at a slow node (-XX:StartFlightRecording, jcmd JFR.start) would put lookup hashes, login
 * names and the columns not sealed yet into a file. Statement timings are PostgreSQL's pg_stat_statements' job.
 * Installing does not start the flight recorder; only a recording that exists is changed.
 */
final class StatementEventsOffRecord {
    private StatementEventsOffRecord() {}

    /** Idempotent in effect: each listener disables the same event. A JDK without jdk.jfr has nothing to record. */
    static void install() {
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) return;
        Listener.add();
    }

    private static final class Listener implements FlightRecorderListener {
        private static boolean added;

        static synchronized void add() {
            if (added) return;
            added = true;
            FlightRecorder.addListener(new Listener()); // calls recorderInitialized at once if already initialized
        }

        @Override
        public void recorderInitialized(FlightRecorder recorder) {
            recorder.getRecordings().forEach(Listener::keepOut);
        }

        @Override
        public void recordingStateChanged(Recording recording) {
            keepOut(recording);
        }

        private static void keepOut(Recording recording) {
            RecordingState state = recording.getState();
            if (state != RecordingState.STOPPED && state != RecordingState.CLOSED) {
                recording.disable(JdbiStatementEvent.NAME);
            }
        }
    }
}
