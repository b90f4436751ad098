package dev.akepa.review;

import org.jdbi.v3.core.Jdbi;

/** One-value queries against a test server's database, with named parameters given in pairs. */
final class Sql {
    private Sql() {}

    static <T> T one(Jdbi db, Class<T> type, String sql, Object... namesAndValues) {
        return db.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < namesAndValues.length; i += 2) q.bind((String) namesAndValues[i], namesAndValues[i + 1]);
            return q.mapTo(type).one();
        });
    }

    static int update(Jdbi db, String sql, Object... namesAndValues) {
        return db.withHandle(h -> {
            var u = h.createUpdate(sql);
            for (int i = 0; i < namesAndValues.length; i += 2) u.bind((String) namesAndValues[i], namesAndValues[i + 1]);
            return u.execute();
        });
    }
}
