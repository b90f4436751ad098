package dev.akepa.verification;

/**
 * Something wrong with a subject's data. Most problems are mistakes the customer can correct (data_request);
 * a fraudulent one cannot be an honest mistake (denied).
 */
record DataProblem(String reason, boolean fraudulent) {

    static DataProblem correctable(String reason) {
        return new DataProblem(reason, false);
    }

    static DataProblem fraudulent(String reason) {
        return new DataProblem(reason, true);
    }
}
