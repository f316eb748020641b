package com.kin.local.services;

/**
 * Where the local stand-ins of the AWS services listen, and how a function signs in to Postgres. {@code gatewayUrl}
 * is null when no gateway runs ({@code ./kin invoke}); {@code metricsUrl} is the local metrics endpoint, CloudWatch's
 * stand-in for the metrics function (null: none); {@code twilioUrl} is the stand-in for Twilio's REST API (null: none).
 */
public record LocalServices(int postgresPort, String database, String dbUser, String dbPassword,
                            String dynamoDbEndpoint, String sqsEndpoint, String gatewayUrl, String metricsUrl,
                            String twilioUrl) {

    /** The URL a function's DB_URL points at: the AWS JDBC wrapper in front of the embedded Postgres. */
    public String wrapperJdbcUrl() {
        return "jdbc:aws-wrapper:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /** Where a function URL is served locally: the gateway's {@code /fn/<LogicalId>}; null without a gateway. */
    public String functionUrl(String logicalId) {
        return gatewayUrl == null ? null : gatewayUrl + "/fn/" + logicalId;
    }

    /** The plain PostgreSQL URL, for psql, IDEs and the ready line. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }
}
