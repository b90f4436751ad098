package dev.akepa.store;

/** JDBC URL, optional credentials and pool size; see README's configuration table. */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {}
