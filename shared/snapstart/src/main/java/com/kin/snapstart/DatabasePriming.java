package com.kin.snapstart;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Warms the function's pool (Hikari over the AWS JDBC wrapper over the Postgres driver) with {@code select 1}, then
 * evicts every pooled connection: a connection in a snapshot would be restored in many instances at once, long after the
 * database (or RDS Proxy) closed it. A restored instance opens fresh ones; the classes stay loaded.
 */
@Singleton
@Requires(classes = HikariDataSource.class)
@Requires(beans = DataSource.class)
final class DatabasePriming implements PrimingStep {

    /** Resolved at checkpoint, not at start-up: the pool (and its configuration check) stays as lazy as it was. */
    private final BeanProvider<DataSource> dataSource;
    private final AtomicInteger queries = new AtomicInteger();

    DatabasePriming(BeanProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String subject() {
        return "the database";
    }

    @Override
    public int getOrder() {
        return 100;
    }

    @Override
    public void warm() throws Exception {
        try (Connection connection = dataSource.get().getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rows = statement.executeQuery("select 1")) {
                rows.next();
            }
        }
        queries.incrementAndGet();
    }

    /** Releases run after every step warmed, so the priming invocation's connection is back in the pool by now. */
    @Override
    public void release() {
        HikariPoolMXBean pool = pool();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }

    /** Connections the pool holds, idle or in use; -1 when the data source is not a started Hikari pool. */
    int pooledConnections() {
        HikariPoolMXBean pool = pool();
        return pool == null ? -1 : pool.getTotalConnections();
    }

    int queries() {
        return queries.get();
    }

    private HikariPoolMXBean pool() {
        return dataSource.get() instanceof HikariDataSource hikari ? hikari.getHikariPoolMXBean() : null;
    }
}
