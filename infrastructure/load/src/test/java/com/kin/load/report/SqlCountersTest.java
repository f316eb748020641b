package com.kin.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlCountersTest {

    private static final long MINUTE = 60_000_000_000L;

    @Test
    void withPgStatStatements_statementsPerMinuteAreTheCallsBetweenTheReadings() {
        LoadReport.SqlResult sql = SqlCounters.between(new SqlCounters.Snapshot(0, 500L, 100, 0, 0),
                new SqlCounters.Snapshot(2 * MINUTE, 2_500L, 1_100, 40, 4));

        assertThat(sql.source()).isEqualTo("pg_stat_statements");
        assertThat(sql.statements()).isEqualTo(2_000);
        assertThat(sql.statementsPerMinute()).isEqualTo(1_000.0);
        assertThat(sql.transactionsPerMinute()).isEqualTo(500.0);
        assertThat(sql.rowsRead()).isEqualTo(40);
        assertThat(sql.minutes()).isEqualTo(2.0);
    }

    @Test
    void withoutIt_theFigureIsTransactions_andSaysItIsALowerBound() {
        LoadReport.SqlResult sql = SqlCounters.between(new SqlCounters.Snapshot(0, null, 100, 0, 0),
                new SqlCounters.Snapshot(MINUTE / 2, null, 400, 0, 0));

        assertThat(sql.source()).isEqualTo("pg_stat_database");
        assertThat(sql.statements()).isNull();
        assertThat(sql.transactionsPerMinute()).isEqualTo(600.0);
        assertThat(sql.meaning()).contains("lower bound on SQL statements");
    }
}
